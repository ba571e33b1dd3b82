import { describe, expect, it } from 'vitest';
import { barChart } from '../../src/report/charts/bar-chart.js';
import { seriesChart } from '../../src/report/charts/series-chart.js';
import { timeTicks } from '../../src/report/charts/time-ticks.js';
import { timelineChart } from '../../src/report/charts/timeline-chart.js';
import { displayWidth, padToDisplayWidth } from '../../src/diagnostics/display-width.js';
import { formatLocalTime, formatOffset, formatPercent } from '../../src/report/format-time.js';
import { escapeHtml } from '../../src/report/html/escape-html.js';
import { markdownTable } from '../../src/report/markdown-table.js';

const H = 3_600_000;
const count = (svg: string, kind: string): number => svg.split(`data-kind="${kind}"`).length - 1;

describe('chart primitives', () => {
  it('chooses readable time ticks for short and long spans', () => {
    expect(timeTicks(0, 6 * H).map((t) => t.label)).toEqual(['0m', '1h', '2h', '3h', '4h', '5h', '6h']);
    expect(timeTicks(0, 8 * 24 * H).map((t) => t.label)).toEqual(['0m', '1d', '2d', '3d', '4d', '5d', '6d', '7d', '8d']);
    expect(timeTicks(0, 20 * 60_000)).toHaveLength(5);
  });

  it('draws a timeline with stage bars, due markers, outcome marks, and an arrow for a due time past the end', () => {
    const svg = timelineChart({
      start: 0,
      end: 10 * H,
      stages: [
        { stage: 'report', label: 'report', from: 0, to: H },
        { stage: 'assess', label: 'assess', from: H, to: 10 * H },
      ],
      deadlines: [
        { label: 'report #1', armedAt: 0, dueAt: 0.5 * H, status: 'breached', settledAt: 0.5 * H },
        { label: 'assess #1', armedAt: H, dueAt: 2 * H, status: 'met', settledAt: 1.5 * H },
        { label: 'review #1', armedAt: 9 * H, dueAt: 200 * H, status: 'pending' },
      ],
    });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" data-chart="timeline"')).toBe(true);
    expect(count(svg, 'stage-bar')).toBe(2);
    expect(count(svg, 'deadline-due')).toBe(3);
    expect(svg.match(/data-beyond="true"/g)).toHaveLength(1);
    expect(svg.match(/data-status="(\w+)"/g)).toEqual(['data-status="breached"', 'data-status="met"', 'data-status="pending"']);
  });

  it('draws one panel per series, fixed bounds when given, escaped labels', () => {
    const svg = seriesChart({
      start: 0,
      end: 4 * H,
      series: [
        { id: 'heat', label: 'heat <x>', points: [{ at: H, value: 900 }, { at: 3 * H, value: 300 }] },
        { id: 'share', label: 'share', points: [{ at: H, value: 0.5 }], min: 0, max: 1 },
        { id: 'none', label: 'none', points: [] },
      ],
    });
    expect(count(svg, 'reading-point')).toBe(3);
    expect(count(svg, 'reading-line')).toBe(1);
    expect(svg).toContain('heat &lt;x&gt;');
    expect(svg).toContain('>1000<'); // heat axis rounded up to 1000
    expect(svg).toContain('no readings');
  });

  it('draws bars scaled to the maximum, truncating long labels', () => {
    const svg = barChart({ id: 'x', max: 1, bars: [{ label: '一二三四五六七八九十一二三四五六七八九十', value: 0.5, text: '50%', tone: 'bad' }, { label: 'b', value: 1 }] });
    expect(count(svg, 'bar')).toBe(2);
    expect(svg).toContain('width="260.0"');
    expect(svg).toContain('width="520.0"');
    expect(svg).toContain('一二三四五六七八九十一二三四…');
  });
});

describe('text helpers', () => {
  it('formats offsets, local times and percentages', () => {
    expect(formatOffset(5_400_000)).toBe('+1h30m');
    expect(formatOffset(0)).toBe('+0m');
    expect(formatLocalTime(Date.parse('2026-03-02T01:00:00Z'), 'Asia/Shanghai')).toBe('2026-03-02 09:00');
    expect(formatLocalTime(Date.parse('2026-03-02T01:00:00Z'))).toBe('2026-03-02 01:00');
    expect(formatPercent(0.0909)).toBe('9.1%');
    expect(formatPercent(undefined)).toBe('—');
  });

  it('measures CJK text as double width and pads by it', () => {
    expect(displayWidth('I级 按时')).toBe(8);
    expect(displayWidth('（反例）')).toBe(8);
    expect(padToDisplayWidth('按时', 6)).toBe('按时  ');
  });

  it('escapes HTML and Markdown table cells', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(markdownTable(['a', 'b'], [['x|y', 'line\nbreak']])).toBe('| a | b |\n| --- | --- |\n| x\\|y | line break |');
  });
});
