import type { CoverageReport } from '../../drill-results/coverage-report.js';
import type { DrillResult } from '../../drill-results/drill-result.js';
import { escapeHtml } from '../html/escape-html.js';
import { htmlPage } from '../html/html-page.js';
import { htmlTable, type HtmlCell } from '../html/html-table.js';
import { markdownSafeText } from '../markdown-safe-text.js';
import { markdownTable } from '../markdown-table.js';
import { localize, planDefinitionOf, type ReportPlan } from '../plan-definition-of.js';
import { DRILL_MESSAGES } from '../../messages/drill-messages.js';
import { messagesIn } from '../../messages/message-table.js';
import { REPORT_MESSAGES } from '../../messages/report-messages.js';
import { reportLabels, reportLocaleOf } from '../report-labels.js';

/** Links of one drill in the index (relative paths). */
export interface DrillIndexLinks {
  report?: string;
  afterAction?: string;
}

/** Options of {@link drillIndex}. */
export interface DrillIndexOptions {
  locale?: string;
  /** Links per drill, in the order of the results. */
  links?: readonly DrillIndexLinks[];
  /** Relative link to the evaluation page. */
  evaluation?: string;
  coverage?: CoverageReport;
}

/**
 * The summary page of a drill run: one row per drill (result, final stage, severity, breaches)
 * with links to its report and after-action report, and the coverage when given.
 *
 * @example
 * ```ts
 * const { markdown, html } = drillIndex(results, plan, { coverage });
 * ```
 */
export function drillIndex(results: readonly DrillResult[], plan: ReportPlan, options: DrillIndexOptions = {}): { markdown: string; html: string } {
  const definition = planDefinitionOf(plan);
  const locale = reportLocaleOf(definition.locales, options.locale);
  const L = reportLabels(locale);
  const passed = results.filter((r) => r.passed).length;
  const title = `${L.drillSummary}: ${localize(definition.title, locale, definition.id)}`;
  const t = messagesIn(DRILL_MESSAGES, locale);
  const summary = `${L.plan}: ${definition.id} ${definition.version} · ${messagesIn(REPORT_MESSAGES, locale).drillCount({ count: results.length })} · ${L.pass}: ${passed} · ${L.fail}: ${results.length - passed}`;
  const headers = [L.drill, L.result, L.finalStage, L.severity, L.breaches, L.file];
  const link = (href: string | undefined, text: string, ext: string): string =>
    href === undefined ? text : `[${text}](${href.replace(/\.html$/, ext)})`;
  const mdRows = results.map((r, i) => [
    link(options.links?.[i]?.report, r.name, '.md'),
    r.passed ? L.pass : L.fail,
    r.stage || L.none,
    r.severity ?? L.none,
    r.breaches.join(', ') || L.none,
    r.file ?? L.none,
  ]);
  const htmlRows: HtmlCell[][] = results.map((r, i) => {
    const links = options.links?.[i];
    const name = links?.report ? `<a href="${escapeHtml(links.report)}">${escapeHtml(r.name)}</a>` : escapeHtml(r.name);
    const aar = links?.afterAction ? ` · <a href="${escapeHtml(links.afterAction)}">${escapeHtml(L.afterAction)}</a>` : '';
    return [
      { html: `${name}${aar}` },
      { text: r.passed ? L.pass : L.fail, className: r.passed ? 'pass' : 'fail' },
      r.stage || L.none,
      r.severity ?? L.none,
      r.breaches.join(', ') || L.none,
      r.file ?? L.none,
    ];
  });
  const cov = options.coverage;
  const covHeaders = [L.coverage, L.covered, '%', L.missed];
  const covRows = cov
    ? ([
        [t.coverageStages(), cov.stages],
        [t.coverageTransitions(), cov.transitions],
        [t.coverageTracks(), cov.tracks],
        [t.coverageDeadlines(), cov.deadlines],
      ] as const).map(([name, s]) => [name, `${s.covered.length}/${s.total}`, `${s.percent}%`, s.missed.join(', ') || L.none])
    : [];
  const markdown = markdownSafeText([
    `# ${title}`,
    '',
    summary,
    '',
    markdownTable(headers, mdRows),
    '',
    ...(cov ? [`## ${L.coverage}`, '', markdownTable(covHeaders, covRows), ''] : []),
    ...(options.evaluation ? [`[${L.evaluation}](${options.evaluation.replace(/\.html$/, '.md')})`, ''] : []),
  ].join('\n'));
  const body = [
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="meta">${escapeHtml(summary)}</p>`,
    htmlTable(headers, htmlRows),
    cov ? `<h2>${escapeHtml(L.coverage)}</h2>${htmlTable(covHeaders, covRows)}` : '',
    options.evaluation ? `<p><a href="${escapeHtml(options.evaluation)}">${escapeHtml(L.evaluation)}</a></p>` : '',
  ].join('\n');
  return { markdown, html: htmlPage({ title, lang: locale, body }) };
}
