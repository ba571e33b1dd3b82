import { escapeHtml } from '../html/escape-html.js';
import { timeTicks } from './time-ticks.js';

/** One measured series over time (e.g. `heat`). */
export interface TimeSeries {
  id: string;
  label: string;
  points: readonly { at: number; value: number }[];
  /** Fixed bounds of the value axis (e.g. 0–1 for a share); otherwise 0 to a rounded maximum. */
  min?: number;
  max?: number;
}

/** What {@link seriesChart} draws. */
export interface SeriesChartInput {
  start: number;
  end: number;
  series: readonly TimeSeries[];
  width?: number;
  title?: string;
}

const LEFT = 64;
const PANEL_H = 120;
const GAP = 34;

/**
 * Draws each series as its own small line chart (one panel per series, sharing the time axis)
 * as inline SVG. Points carry `data-kind="reading-point"`, lines `data-kind="reading-line"`.
 *
 * @example
 * ```ts
 * seriesChart({ start, end, series: [{ id: 'heat', label: 'heat', points: [{ at: start, value: 9200 }] }] });
 * ```
 */
export function seriesChart(input: SeriesChartInput): string {
  const plotW = input.width ?? 760;
  const end = Math.max(input.end, input.start + 60_000);
  const x = (t: number): number => LEFT + ((t - input.start) / (end - input.start)) * plotW;
  const width = LEFT + plotW + 24;
  const height = input.series.length * (PANEL_H + GAP) + 10;
  const parts: string[] = [];
  input.series.forEach((s, i) => {
    const top = 10 + i * (PANEL_H + GAP);
    const lo = s.min ?? 0;
    const hi = s.max ?? niceMax(s.points.reduce((most, p) => Math.max(most, p.value), lo));
    const y = (v: number): number => top + 16 + (1 - (v - lo) / (hi - lo || 1)) * (PANEL_H - 24);
    parts.push(`<text x="${LEFT}" y="${top + 8}" font-weight="600">${escapeHtml(s.label)}</text>`);
    parts.push(`<line class="axis" x1="${LEFT}" y1="${y(lo)}" x2="${LEFT + plotW}" y2="${y(lo)}"/>`);
    parts.push(`<line class="axis" x1="${LEFT}" y1="${y(hi)}" x2="${LEFT}" y2="${y(lo)}"/>`);
    for (const v of [lo, (lo + hi) / 2, hi]) {
      parts.push(
        `<g class="tick"><text x="${LEFT - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end">${escapeHtml(formatNumber(v))}</text></g>`,
      );
    }
    for (const tick of timeTicks(input.start, end, 8)) {
      parts.push(
        `<g class="tick"><text x="${x(tick.at).toFixed(1)}" y="${(y(lo) + 14).toFixed(1)}" text-anchor="middle">${escapeHtml(tick.label)}</text></g>`,
      );
    }
    const pts = [...s.points].sort((a, b) => a.at - b.at);
    if (pts.length > 1) {
      const d = pts.map((p, j) => `${j === 0 ? 'M' : 'L'}${x(p.at).toFixed(1)} ${y(p.value).toFixed(1)}`).join(' ');
      parts.push(`<path data-kind="reading-line" data-series="${escapeHtml(s.id)}" d="${d}" fill="none" stroke="#0969da" stroke-width="2"/>`);
    }
    for (const p of pts) {
      parts.push(
        `<g data-kind="reading-point" data-series="${escapeHtml(s.id)}"><title>${escapeHtml(`${s.label}: ${formatNumber(p.value)}`)}</title>` +
          `<circle cx="${x(p.at).toFixed(1)}" cy="${y(p.value).toFixed(1)}" r="4.5" fill="#0969da"/></g>`,
      );
    }
    if (pts.length === 0) parts.push(`<text x="${LEFT + 10}" y="${top + PANEL_H / 2}">no readings</text>`);
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" data-chart="readings" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img">` +
    `<title>${escapeHtml(input.title ?? 'readings')}</title>${parts.join('')}</svg>`
  );
}

function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  const m = v / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

function formatNumber(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(2);
}
