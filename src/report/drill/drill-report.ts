import type { DrillResult } from '../../drill-results/drill-result.js';
import { formatDuration } from '../../compile/duration.js';
import { escapeHtml } from '../html/escape-html.js';
import { htmlPage } from '../html/html-page.js';
import { htmlTable, type HtmlCell } from '../html/html-table.js';
import { suggestionRows } from './suggestion-rows.js';
import { incidentReadingsSvg, incidentTimelineSvg } from '../incident-charts.js';
import { incidentFacts } from '../incident-facts.js';
import { formatLocalTime, formatOffset } from '../format-time.js';
import { markdownSafeText } from '../markdown-safe-text.js';
import { markdownTable } from '../markdown-table.js';
import { planDefinitionOf, type ReportPlan } from '../plan-definition-of.js';
import { reportLabels, reportLocaleOf, type ReportLocale } from '../report-labels.js';
import { messagesIn } from '../../messages/message-table.js';
import { refusalMeaning } from '../../messages/refusal-messages.js';
import { REPORT_MESSAGES } from '../../messages/report-messages.js';

/** Options of {@link drillReport}. */
export interface DrillReportOptions {
  /** `zh-CN` or `en`; default the plan's first locale. */
  locale?: string;
}

/** One drill's report as Markdown and as a self-contained HTML page. */
export interface DrillReport {
  markdown: string;
  html: string;
}

/**
 * The report of one drill: result and failures, every step (time, person, event, accepted or
 * refused, expectation failures), deadlines and notifications — and in HTML a timeline chart
 * (stages as bars, each deadline's due time and met/breached mark) and the readings chart.
 *
 * @example
 * ```ts
 * const { markdown, html } = drillReport(await runDrill(plan, scenario), plan);
 * ```
 */
export function drillReport(result: DrillResult, plan: ReportPlan, options: DrillReportOptions = {}): DrillReport {
  const definition = planDefinitionOf(plan);
  const locale = reportLocaleOf(definition.locales, options.locale);
  const L = reportLabels(locale);
  const tz = definition.timezone;
  const incident = result.incident;
  const open = incident ? Date.parse(incident.openedAt) : Number.NaN;
  const when = (iso: string): string => {
    const ms = Date.parse(iso);
    return Number.isNaN(open) ? iso : `${formatOffset(ms - open)} (${formatLocalTime(ms, tz)})`;
  };
  const verdict = result.passed ? L.pass : L.fail;
  const meta = [
    `${L.result}: ${verdict}`,
    `${L.plan}: ${definition.id} ${definition.version}`,
    ...(result.file ? [`${L.file}: ${result.file}`] : []),
    ...(incident ? [`${L.start}: ${formatLocalTime(open, tz)}`] : []),
    `${L.finalStage}: ${result.stage || L.none}`,
    `${L.severity}: ${result.severity ?? L.none}`,
    `${L.breaches}: ${result.breaches.join(', ') || L.none}`,
  ];
  const failureLines = result.failures.map((f) => `${f.step === null ? L.final : `${L.step} ${f.step}`}: ${f.message}`);
  const failureDetails = result.failures.map((f) => f.details ?? []);
  const stepHeaders = [L.step, L.time, L.by, L.event, L.outcome, L.expectations];
  const stepRows = result.steps.map((s) => [
    String(s.index),
    when(s.at),
    s.by ?? L.none,
    s.send ?? L.clockOnly,
    s.send === undefined ? L.none : s.accepted ? L.accepted : `${L.rejected} (${s.error?.code ?? ''}: ${refusalMeaning(s.error?.code ?? '', locale)})`,
    s.failures.length === 0 ? L.ok : s.failures.join('; '),
  ]);
  const deadlineHeaders = [L.deadline, L.instance, L.armed, L.due, L.status, L.at];
  const deadlineRows = (incident?.deadlines ?? []).map((d) => [
    d.id,
    String(d.instance),
    when(d.armedAt),
    when(d.dueAt),
    (L as Record<string, string>)[d.status] ?? d.status,
    d.metAt ?? d.breachedAt ?? d.cancelledAt ? when((d.metAt ?? d.breachedAt ?? d.cancelledAt) as string) : L.none,
  ]);
  // Suggested levels (DSL v2): shown only when the drill's events recorded any.
  const suggestionHeaders = [L.time, L.event, L.by, L.basedOn, L.suggestedLevel, L.chosenLevel, L.outcome];
  const suggestionTable = incident === undefined ? [] : suggestionRows(incident, L, when);
  const notifyHeaders = [L.time, L.roles, L.reason, L.deadline];
  const notifyRows = result.effects
    .filter((e) => e.name === 'notify')
    .map((e) => [
      when(e.at),
      Array.isArray(e.payload['roles']) ? (e.payload['roles'] as unknown[]).join(', ') : L.none,
      notificationReason(e.payload['reason'], locale),
      String(e.payload['deadline'] ?? L.none),
    ]);

  const markdown = markdownSafeText([
    `# ${L.drillReport}: ${result.name}`,
    '',
    meta.map((m) => `- ${m}`).join('\n'),
    '',
    ...(failureLines.length === 0 ? [] : [`## ${L.failures}`, '', failureLines.map((f, i) => [`- ${f}`, ...(failureDetails[i] ?? []).map((d) => `  - ${d}`)].join('\n')).join('\n'), '']),
    `## ${L.steps}`,
    '',
    markdownTable(stepHeaders, stepRows),
    '',
    `## ${L.deadlines}`,
    '',
    deadlineRows.length === 0 ? L.none : markdownTable(deadlineHeaders, deadlineRows),
    '',
    `## ${L.notifications}`,
    '',
    notifyRows.length === 0 ? L.none : markdownTable(notifyHeaders, notifyRows),
    '',
    ...(suggestionTable.length === 0 ? [] : [`## ${L.suggestedLevels}`, '', markdownTable(suggestionHeaders, suggestionTable), '']),
  ].join('\n'));

  let charts = '';
  if (incident) {
    const facts = incidentFacts(incident, definition);
    const readings = incidentReadingsSvg(facts, definition, locale);
    charts =
      `<h2>${escapeHtml(L.timeline)}</h2><div class="chart" id="timeline">${incidentTimelineSvg(facts, definition, locale)}</div>` +
      `<h2>${escapeHtml(L.readings)}</h2>` +
      (readings === '' ? `<p>${escapeHtml(L.noReadings)}</p>` : `<div class="chart" id="readings">${readings}</div>`) +
      `<p class="meta">${escapeHtml(`${L.totalTime}: ${formatDuration(facts.endAt - facts.openedAt)}`)}</p>`;
  }
  const stepCells: HtmlCell[][] = stepRows.map((row, i) => {
    const s = result.steps[i];
    return row.map((cell, j): HtmlCell => {
      if (j === 4 && s?.send !== undefined) return { text: cell, className: s.accepted ? 'pass' : 'warn' };
      if (j === 5) return { text: cell, className: s?.failures.length ? 'fail' : 'pass' };
      return cell;
    });
  });
  const body = [
    `<h1>${escapeHtml(`${L.drillReport}: ${result.name}`)}</h1>`,
    `<p class="meta"><span class="${result.passed ? 'pass' : 'fail'}">${escapeHtml(verdict)}</span> · ${escapeHtml(meta.slice(1).join(' · '))}</p>`,
    failureLines.length === 0
      ? ''
      : `<h2>${escapeHtml(L.failures)}</h2><ul class="failures">${failureLines.map((f, i) => `<li>${[f, ...(failureDetails[i] ?? [])].map(escapeHtml).join('<br>')}</li>`).join('')}</ul>`,
    charts,
    `<h2>${escapeHtml(L.steps)}</h2>${htmlTable(stepHeaders, stepCells)}`,
    `<h2>${escapeHtml(L.deadlines)}</h2>${deadlineRows.length === 0 ? `<p>${L.none}</p>` : htmlTable(deadlineHeaders, deadlineRows)}`,
    `<h2>${escapeHtml(L.notifications)}</h2>${notifyRows.length === 0 ? `<p>${L.none}</p>` : htmlTable(notifyHeaders, notifyRows)}`,
    suggestionTable.length === 0 ? '' : `<h2>${escapeHtml(L.suggestedLevels)}</h2>${htmlTable(suggestionHeaders, suggestionTable)}`,
  ].join('\n');
  return { markdown, html: htmlPage({ title: `${L.drillReport}: ${result.name}`, lang: locale, body }) };
}

/** Why a notify effect was sent, in words of the report's locale (`breach`, `reminder`, else a plan action). */
function notificationReason(reason: unknown, locale: ReportLocale): string {
  const t = messagesIn(REPORT_MESSAGES, locale);
  if (reason === 'breach') return t.reasonBreach();
  if (reason === 'reminder') return t.reasonReminder();
  return t.reasonAction();
}
