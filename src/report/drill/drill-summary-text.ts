import type { DrillResult } from '../../drill-results/drill-result.js';
import { displayWidth, padToDisplayWidth } from '../../diagnostics/display-width.js';
import { escapeTerminalText } from '../../diagnostics/terminal-safe-text.js';
import type { Locale } from '../../diagnostics/locale.js';
import { DRILL_MESSAGES } from '../../messages/drill-messages.js';
import { messagesIn } from '../../messages/message-table.js';

/** Options of {@link drillSummaryText}. */
export interface DrillSummaryTextOptions {
  /**
   * `file:line:col` of a step (index) or of the final `expect` (null) of a drill file, so that
   * failures point into the scenario file.
   */
  locate?: (file: string, step: number | null) => string | undefined;
  /** Colour PASS/FAIL (in a terminal). */
  color?: boolean;
  /** Language of the headings, results and totals (default en). */
  locale?: Locale;
}

/**
 * The compact terminal summary of a drill run: one row per drill (drill, result, final stage,
 * breaches), then every failure as `file:line:col: step N: expected … got …` with its explanation
 * lines indented below it, then totals.
 *
 * @example
 * ```ts
 * io.stdout(drillSummaryText(results, { color: io.isTTY }));
 * ```
 */
export function drillSummaryText(results: readonly DrillResult[], options: DrillSummaryTextOptions = {}): string {
  const t = messagesIn(DRILL_MESSAGES, options.locale ?? 'en');
  const paint = (text: string, code: number): string => (options.color === true ? `\u001b[${code}m${text}\u001b[0m` : text);
  const header = [t.columnDrill(), t.columnResult(), t.columnStage(), t.columnBreaches()];
  const pass = t.pass();
  const rows = results.map((r) => [r.name, r.passed ? pass : t.fail(), r.stage || '—', r.breaches.length === 0 ? '—' : r.breaches.join(', ')].map((cell) => escapeTerminalText(cell)));
  const widths = header.map((h, i) => rows.reduce((widest, r) => Math.max(widest, displayWidth(r[i] ?? '')), displayWidth(h)));
  const line = (cells: string[], paintResult = false): string =>
    cells
      .map((c, i) => {
        const padded = i === cells.length - 1 ? c : padToDisplayWidth(c, widths[i] ?? 0);
        return paintResult && i === 1 ? paint(padded, c === pass ? 32 : 31) : padded;
      })
      .join('  ')
      .trimEnd();
  const out = [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(r, true))];
  const failed = results.filter((r) => !r.passed);
  for (const r of failed) {
    out.push('', `${paint(t.fail(), 31)} ${escapeTerminalText(r.name)}${r.file ? `  (${escapeTerminalText(r.file)})` : ''}`);
    for (const f of r.failures) {
      const where = r.file ? (options.locate?.(r.file, f.step) ?? r.file) : undefined;
      out.push(escapeTerminalText(`  ${where ? `${where}: ` : ''}${f.step === null ? t.finalExpect() : t.step({ step: f.step })}: ${f.message}`));
      for (const detail of f.details ?? []) out.push(escapeTerminalText(`      ${detail}`));
    }
  }
  out.push('', t.totals({ total: results.length, passed: results.length - failed.length, failed: failed.length }));
  return `${out.join('\n')}\n`;
}
