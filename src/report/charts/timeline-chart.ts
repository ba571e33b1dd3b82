import { escapeHtml } from '../html/escape-html.js';
import { timeTicks } from './time-ticks.js';

/** One stage period on the timeline chart. */
export interface TimelineStageBar {
  stage: string;
  label: string;
  from: number;
  to: number;
}

/** One deadline instance on the timeline chart. */
export interface TimelineDeadlineRow {
  label: string;
  armedAt: number;
  dueAt: number;
  status: 'pending' | 'met' | 'breached' | 'cancelled';
  /** When it was met, breached or cancelled. */
  settledAt?: number;
}

/** The words a timeline chart shows: its legend, the stage row's name and the due tooltips. */
export interface TimelineChartWords {
  stages: string;
  met: string;
  breached: string;
  due: string;
  cancelled: string;
  pending: string;
  /** Tooltip of a due time beyond the chart's end (its offset follows in parentheses). */
  dueAfterChartEnd: string;
}

const ENGLISH_WORDS: TimelineChartWords = {
  stages: 'stages',
  met: 'met',
  breached: 'breached',
  due: 'due',
  cancelled: 'cancelled',
  pending: 'pending',
  dueAfterChartEnd: 'due after the end of the chart',
};

/** What {@link timelineChart} draws. */
export interface TimelineChartInput {
  start: number;
  end: number;
  stages: readonly TimelineStageBar[];
  deadlines: readonly TimelineDeadlineRow[];
  /** Text shown as each deadline row's due tooltip (same order as `deadlines`). */
  dueLabels?: readonly string[];
  /** Plot width in px (the label column comes on top). */
  width?: number;
  /** Accessible title. */
  title?: string;
  /** The chart's words in the report's language (default English). */
  words?: TimelineChartWords;
}

const PALETTE = ['#54aeff', '#4ac26b', '#d4a72c', '#fb8f44', '#c297ff', '#ff8182', '#6cb6ff', '#8ddb8c', '#bf8700'];
const LABEL_W = 190;
const ROW_H = 22;
const TOP = 26;

/**
 * Draws the incident timeline as inline SVG: a row of stage bars over time, then one row per
 * deadline instance with a line from arming to due time, a due marker, and a mark where it was
 * met (green circle), breached (red cross) or cancelled (grey square). Elements carry
 * `data-kind` attributes (`stage-bar`, `deadline-due`, `deadline-mark`) for tests and styling.
 *
 * @example
 * ```ts
 * const svg = timelineChart({ start, end, stages: [{ stage: 'report', label: 'report', from: start, to: end }], deadlines: [] });
 * ```
 */
export function timelineChart(input: TimelineChartInput): string {
  const plotW = input.width ?? 760;
  const words = input.words ?? ENGLISH_WORDS;
  const end = Math.max(input.end, input.start + 60_000);
  const x = (t: number): number => LABEL_W + ((Math.min(Math.max(t, input.start), end) - input.start) / (end - input.start)) * plotW;
  const rows = 1 + input.deadlines.length;
  const height = TOP + rows * ROW_H + 34;
  const width = LABEL_W + plotW + 28;
  const colors = new Map<string, string>();
  const color = (stage: string): string => {
    if (!colors.has(stage)) colors.set(stage, PALETTE[colors.size % PALETTE.length] ?? '#999');
    return colors.get(stage) ?? '#999';
  };
  const parts: string[] = [];
  const axisY = TOP + rows * ROW_H + 4;
  for (const tick of timeTicks(input.start, end)) {
    const tx = x(tick.at).toFixed(1);
    parts.push(
      `<g class="tick"><line class="axis" x1="${tx}" y1="${TOP - 4}" x2="${tx}" y2="${axisY}" stroke-dasharray="2 3"/>` +
        `<text x="${tx}" y="${axisY + 14}" text-anchor="middle">${escapeHtml(tick.label)}</text></g>`,
    );
  }
  parts.push(`<text x="4" y="${TOP + 15}" font-weight="600">${escapeHtml(words.stages)}</text>`);
  for (const bar of input.stages) {
    const x0 = x(bar.from);
    const w = Math.max(x(bar.to) - x0, 2);
    parts.push(
      `<g data-kind="stage-bar" data-stage="${escapeHtml(bar.stage)}"><title>${escapeHtml(bar.label)}</title>` +
        `<rect x="${x0.toFixed(1)}" y="${TOP + 2}" width="${w.toFixed(1)}" height="${ROW_H - 4}" rx="3" fill="${color(bar.stage)}"/>` +
        (w > 8 * bar.stage.length ? `<text x="${(x0 + 4).toFixed(1)}" y="${TOP + 15}">${escapeHtml(bar.stage)}</text>` : '') +
        `</g>`,
    );
  }
  input.deadlines.forEach((d, i) => {
    const y = TOP + (i + 1) * ROW_H + ROW_H / 2;
    const xa = x(d.armedAt);
    const xd = x(d.dueAt);
    parts.push(`<text x="4" y="${y + 4}">${escapeHtml(d.label)}</text>`);
    parts.push(`<line x1="${xa.toFixed(1)}" y1="${y}" x2="${xd.toFixed(1)}" y2="${y}" stroke="#8c959f" stroke-width="2"/>`);
    const beyond = d.dueAt > end;
    parts.push(
      beyond
        ? `<g data-kind="deadline-due" data-deadline="${escapeHtml(d.label)}" data-beyond="true"><title>${escapeHtml(`${words.dueAfterChartEnd} (${input.dueLabels?.[i] ?? ''})`)}</title>` +
            `<path d="M${(xd + 2).toFixed(1)} ${y - 6} l9 6 l-9 6 z" fill="#fff" stroke="#57606a" stroke-width="1.5"/></g>`
        : `<g data-kind="deadline-due" data-deadline="${escapeHtml(d.label)}"><title>${escapeHtml(`${words.due} ${input.dueLabels?.[i] ?? ''}`)}</title>` +
            `<path d="M${xd.toFixed(1)} ${y - 7} l6 7 l-6 7 l-6 -7 z" fill="#fff" stroke="#57606a" stroke-width="1.5"/></g>`,
    );
    const xs = x(d.settledAt ?? end).toFixed(1);
    const mark =
      d.status === 'met'
        ? `<circle cx="${xs}" cy="${y}" r="5.5" fill="#1a7f37"/>`
        : d.status === 'breached'
          ? `<path d="M${Number(xs) - 5} ${y - 5} l10 10 M${Number(xs) - 5} ${y + 5} l10 -10" stroke="#cf222e" stroke-width="3"/>`
          : d.status === 'cancelled'
            ? `<rect x="${Number(xs) - 4.5}" y="${y - 4.5}" width="9" height="9" fill="#8c959f"/>`
            : `<circle cx="${xs}" cy="${y}" r="5" fill="#fff" stroke="#9a6700" stroke-width="2"/>`;
    parts.push(
      `<g data-kind="deadline-mark" data-status="${d.status}"><title>${escapeHtml(`${d.label}: ${words[d.status]}`)}</title>${mark}</g>`,
    );
  });
  parts.push(`<line class="axis" x1="${LABEL_W}" y1="${axisY}" x2="${LABEL_W + plotW}" y2="${axisY}"/>`);
  const legend =
    `<g transform="translate(${LABEL_W},12)">` +
    `<circle cx="4" cy="0" r="5" fill="#1a7f37"/><text x="13" y="4">${escapeHtml(words.met)}</text>` +
    `<path d="M56 -5 l10 10 M56 5 l10 -10" stroke="#cf222e" stroke-width="3"/><text x="72" y="4">${escapeHtml(words.breached)}</text>` +
    `<path d="M142 -7 l6 7 l-6 7 l-6 -7 z" fill="#fff" stroke="#57606a"/><text x="152" y="4">${escapeHtml(words.due)}</text>` +
    `<rect x="190" y="-4.5" width="9" height="9" fill="#8c959f"/><text x="204" y="4">${escapeHtml(words.cancelled)}</text>` +
    `<circle cx="280" cy="0" r="5" fill="#fff" stroke="#9a6700" stroke-width="2"/><text x="289" y="4">${escapeHtml(words.pending)}</text></g>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" data-chart="timeline" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img">` +
    `<title>${escapeHtml(input.title ?? 'timeline')}</title>${legend}${parts.join('')}</svg>`
  );
}
