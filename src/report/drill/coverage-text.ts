import type { CoverageReport } from '../../testing/coverage.js';

/**
 * Coverage as terminal text: covered/total and percent per kind, then what was missed.
 *
 * @example
 * ```ts
 * io.stdout(coverageText(drillCoverage(plan, results.map((r) => r.exercised))));
 * ```
 */
export function coverageText(report: CoverageReport): string {
  const rows: Array<[string, CoverageReport['stages']]> = [
    ['stages', report.stages],
    ['transitions', report.transitions],
    ['tracks', report.tracks],
    ['deadline outcomes', report.deadlines],
  ];
  const out = ['coverage'];
  for (const [name, s] of rows) {
    out.push(`  ${name.padEnd(18)} ${`${s.covered.length}/${s.total}`.padStart(7)}  ${`${s.percent}%`.padStart(6)}`);
  }
  out.push(`  ${'total'.padEnd(18)} ${`${report.total.covered}/${report.total.total}`.padStart(7)}  ${`${report.total.percent}%`.padStart(6)}`);
  for (const [name, s] of rows) if (s.missed.length > 0) out.push(`  missed ${name}: ${s.missed.join(', ')}`);
  return `${out.join('\n')}\n`;
}
