import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CoverageReport } from '../../drill-results/coverage-report.js';
import type { DrillResult } from '../../drill-results/drill-result.js';
import { afterActionReport } from '../after-action/after-action-report.js';
import { evaluate } from '../evaluation/evaluate.js';
import type { ReportPlan } from '../plan-definition-of.js';
import { drillIndex } from './drill-index.js';
import { drillReport } from './drill-report.js';

/** Options of {@link writeDrillReports}. */
export interface WriteDrillReportsOptions {
  locale?: string;
  coverage?: CoverageReport;
}

/**
 * Writes the reports of a drill run into `dir`: per drill `<name>.md`, `<name>.html`,
 * `<name>.incident.json`, `<name>.after-action.{md,html,json}`; then `evaluation.{md,html,json}`
 * over all drills and `index.{md,html}`. Names come from the scenario file names (else the
 * drill's position). Returns the paths written, relative to `dir`.
 *
 * @example
 * ```ts
 * writeDrillReports('reports', results, plan, { coverage });
 * // ['level-i-on-time.md', 'level-i-on-time.html', …, 'index.html']
 * ```
 */
export function writeDrillReports(dir: string, results: readonly DrillResult[], plan: ReportPlan, options: WriteDrillReportsOptions = {}): string[] {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  const write = (name: string, text: string): void => {
    writeFileSync(join(dir, name), text, 'utf8');
    written.push(name);
  };
  const locale = options.locale === undefined ? {} : { locale: options.locale };
  const names = uniqueNames(results);
  const links = results.map((r, i) => {
    const base = names[i] as string;
    const report = drillReport(r, plan, locale);
    write(`${base}.md`, report.markdown);
    write(`${base}.html`, report.html);
    if (r.incident === undefined) return { report: `${base}.html` };
    write(`${base}.incident.json`, `${JSON.stringify(r.incident, null, 2)}\n`);
    const aar = afterActionReport(r.incident, plan, locale);
    write(`${base}.after-action.md`, aar.markdown);
    write(`${base}.after-action.html`, aar.html);
    write(`${base}.after-action.json`, `${JSON.stringify(aar.json, null, 2)}\n`);
    return { report: `${base}.html`, afterAction: `${base}.after-action.html` };
  });
  const incidents = results.flatMap((r) => (r.incident === undefined ? [] : [r.incident]));
  const evaluation = evaluate(plan, incidents, locale);
  write('evaluation.md', evaluation.markdown);
  write('evaluation.html', evaluation.html);
  write('evaluation.json', `${JSON.stringify(evaluation.json, null, 2)}\n`);
  const index = drillIndex(results, plan, {
    ...locale,
    links,
    evaluation: 'evaluation.html',
    ...(options.coverage === undefined ? {} : { coverage: options.coverage }),
  });
  write('index.md', index.markdown);
  write('index.html', index.html);
  return written;
}

function uniqueNames(results: readonly DrillResult[]): string[] {
  const seen = new Map<string, number>();
  return results.map((r, i) => {
    const fromFile = r.file?.replace(/^.*[\\/]/, '').replace(/\.drill\.(ya?ml|json)$|\.(ya?ml|json)$/, '');
    const base = (fromFile && fromFile.replace(/[^A-Za-z0-9._-]/g, '-')) || `drill-${i + 1}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return n === 0 ? base : `${base}-${n + 1}`;
  });
}
