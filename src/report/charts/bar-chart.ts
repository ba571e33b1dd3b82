import { displayWidth } from '../../diagnostics/display-width.js';
import { escapeHtml } from '../html/escape-html.js';

/** One bar: a label, a value, and the text shown beside it. */
export interface Bar {
  label: string;
  value: number;
  text?: string;
  /** `good` bars are green, `bad` red, others blue. */
  tone?: 'good' | 'bad' | 'neutral';
}

/** What {@link barChart} draws. */
export interface BarChartInput {
  bars: readonly Bar[];
  /** Value of a full-width bar (default: the largest value, or 1). */
  max?: number;
  width?: number;
  title?: string;
  /** `data-chart` attribute of the SVG. */
  id?: string;
}

const LABEL_W = 200;
const ROW_H = 24;

/**
 * Draws horizontal bars as inline SVG (`data-kind="bar"` on each bar).
 *
 * @example
 * ```ts
 * barChart({ bars: [{ label: 'report', value: 0.25, text: '25%' }], max: 1 });
 * ```
 */
export function barChart(input: BarChartInput): string {
  const plotW = input.width ?? 520;
  const max = input.max ?? input.bars.reduce((most, b) => Math.max(most, b.value), 1);
  const width = LABEL_W + plotW + 80;
  const height = input.bars.length * ROW_H + 12;
  const fill = { good: '#4ac26b', bad: '#ff8182', neutral: '#54aeff' };
  const parts = input.bars.map((b, i) => {
    const y = 6 + i * ROW_H;
    const w = Math.max((b.value / (max || 1)) * plotW, 2);
    return (
      `<text x="4" y="${y + 15}">${escapeHtml(truncate(b.label, 30))}</text>` +
      `<g data-kind="bar"><title>${escapeHtml(`${b.label}: ${b.text ?? b.value}`)}</title>` +
      `<rect x="${LABEL_W}" y="${y + 3}" width="${w.toFixed(1)}" height="${ROW_H - 7}" rx="2" fill="${fill[b.tone ?? 'neutral']}"/></g>` +
      `<text x="${(LABEL_W + w + 6).toFixed(1)}" y="${y + 15}">${escapeHtml(b.text ?? String(b.value))}</text>`
    );
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" data-chart="${escapeHtml(input.id ?? 'bars')}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img">` +
    `<title>${escapeHtml(input.title ?? 'bars')}</title>${parts.join('')}</svg>`
  );
}

/** Shortens text to at most `width` terminal columns (CJK characters count 2), ending with `…`. */
function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out}…`;
}
