import type { Locale } from '../../diagnostics/locale.js';
import { DRILL_MESSAGES } from '../../messages/drill-messages.js';
import { messagesIn } from '../../messages/message-table.js';
import type { CoverageReport } from '../../drill-results/coverage-report.js';
import { displayWidth, padToDisplayWidth } from '../../diagnostics/display-width.js';

/**
 * Coverage as terminal text: covered/total and percent per kind, then what was missed.
 *
 * @example
 * ```ts
 * io.stdout(coverageText(drillCoverage(plan, results.map((r) => r.exercised))));
 * ```
 */
export function coverageText(report: CoverageReport, locale: Locale = 'en'): string {
  const t = messagesIn(DRILL_MESSAGES, locale);
  const rows: Array<[string, CoverageReport['stages']]> = [
    [t.coverageStages(), report.stages],
    [t.coverageTransitions(), report.transitions],
    [t.coverageTracks(), report.tracks],
    [t.coverageDeadlines(), report.deadlines],
  ];
  const width = rows.reduce((widest, [name]) => Math.max(widest, displayWidth(name)), 18);
  const out = [t.coverage()];
  for (const [name, s] of rows) {
    out.push(`  ${padToDisplayWidth(name, width)} ${`${s.covered.length}/${s.total}`.padStart(7)}  ${`${s.percent}%`.padStart(6)}`);
  }
  out.push(`  ${padToDisplayWidth(t.coverageTotal(), width)} ${`${report.total.covered}/${report.total.total}`.padStart(7)}  ${`${report.total.percent}%`.padStart(6)}`);
  const outcome = (item: string): string => {
    const [deadline = item, kind] = item.split(':');
    return kind === 'met' ? t.coverageMet({ deadline }) : kind === 'breached' ? t.coverageBreached({ deadline }) : item;
  };
  rows.forEach(([name, s], index) => {
    const items = index === rows.length - 1 ? s.missed.map(outcome) : s.missed;
    if (items.length > 0) out.push(`  ${t.coverageMissed({ kind: name, items: items.join(', ') })}`);
  });
  return `${out.join('\n')}\n`;
}
