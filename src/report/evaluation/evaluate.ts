import type { Incident } from '../../runtime/incident.js';
import { formatDuration } from '../../testing/duration.js';
import { barChart } from '../charts/bar-chart.js';
import { escapeHtml } from '../html/escape-html.js';
import { htmlPage } from '../html/html-page.js';
import { htmlTable } from '../html/html-table.js';
import { formatPercent } from '../format-time.js';
import { markdownSafeText } from '../markdown-safe-text.js';
import { markdownTable } from '../markdown-table.js';
import { localize, planDefinitionOf, type ReportPlan } from '../plan-definition-of.js';
import { reportLabels, reportLocaleOf, type ReportLabels } from '../report-labels.js';
import { evaluationData, type EvaluationDeadlines, type EvaluationJson, type TimingAgainstLimit } from './evaluation-data.js';

/** Options of {@link evaluate}. */
export interface EvaluateOptions {
  /** `zh-CN` or `en`; default the plan's first locale. */
  locale?: string;
  /** Deadline ids the timing measures read (defaults: `report`, `assess`, `first-statement`). */
  deadlines?: EvaluationDeadlines;
}

/** The evaluation as JSON, Markdown and a self-contained HTML page with charts. */
export interface Evaluation {
  json: EvaluationJson;
  markdown: string;
  html: string;
}

/**
 * Evaluates a plan over incidents or drill runs (seed plan section 6) and renders it: time to
 * report, time to assess, time to first statement against its limit, breach rate per deadline,
 * on-time rate per team, and the change in public sentiment — as JSON, Markdown and HTML (bar
 * charts for breach rates, team on-time rates, first statement against limit, sentiment change).
 *
 * @example
 * ```ts
 * const results = await Promise.all(scenarios.map((s) => runDrill(plan, s)));
 * const { markdown } = evaluate(plan, results.flatMap((r) => (r.incident ? [r.incident] : [])));
 * ```
 */
export function evaluate(plan: ReportPlan, incidents: readonly Incident[], options: EvaluateOptions = {}): Evaluation {
  const definition = planDefinitionOf(plan);
  const locale = reportLocaleOf(definition.locales, options.locale);
  const L = reportLabels(locale);
  const json = evaluationData(definition, incidents, locale, options.deadlines);
  const criterion = (measure: string, fallback: string): string => {
    const c = definition.evaluation.find((e) => e.measure === measure);
    return c === undefined ? fallback : `${fallback} — ${localize(c.title, locale)}`;
  };
  const t = tables(json, L);
  const summary = `${L.plan}: ${json.plan.id} ${json.plan.version} · ${L.incidents}: ${json.incidents}${json.skipped.length > 0 ? ` · ${L.skipped}: ${json.skipped.length}` : ''}`;
  const sections: Array<[string, string, string]> = [
    [criterion('time-to-report', L.timeToReport), md(t.report), html(t.report)],
    [criterion('time-to-assess', L.timeToAssess), md(t.assess), html(t.assess)],
    [
      criterion('time-to-first-statement', L.firstStatement),
      md(t.firstStatement),
      barChart({
        id: 'first-statement',
        title: L.firstStatement,
        max: json.perIncident.reduce((most, p) => Math.max(most, share(p.firstStatement) ?? 0), 1),
        bars: json.perIncident
          .filter((p) => p.firstStatement !== null)
          .map((p) => {
            const s = share(p.firstStatement) ?? 0;
            return { label: p.title, value: s, text: timing(p.firstStatement), tone: p.firstStatement?.onTime ? 'good' : 'bad' };
          }),
      }) + html(t.firstStatement),
    ],
    [
      criterion('breach-rate', L.breachRate),
      md(t.breachRate),
      barChart({
        id: 'breach-rate',
        title: L.breachRate,
        max: 1,
        bars: json.breachRate.map((b) => ({ label: b.deadline, value: b.rate ?? 0, text: `${formatPercent(b.rate ?? undefined)} (${b.breached}/${b.met + b.breached})`, tone: (b.rate ?? 0) > 0 ? 'bad' : 'good' })),
      }) + html(t.breachRate),
    ],
    [
      criterion('on-time-rate-per-team', L.onTimeRate),
      md(t.teams),
      barChart({
        id: 'team-on-time',
        title: L.onTimeRate,
        max: 1,
        bars: json.teams.map((x) => ({ label: x.team, value: x.onTimeRate ?? 0, text: `${formatPercent(x.onTimeRate ?? undefined)} (${x.met}/${x.met + x.breached})`, tone: 'neutral' })),
      }) + html(t.teams),
    ],
    [
      criterion('sentiment-change', L.sentiment),
      md(t.sentiment),
      json.sentiment
        .map((s) =>
          barChart({
            id: `sentiment-${s.field}`,
            title: `${L.sentiment}: ${s.field}`,
            bars: json.perIncident
              .filter((p) => p.sentiment[s.field] !== undefined)
              .map((p) => {
                const v = p.sentiment[s.field] as { first: number; last: number; change: number };
                return { label: p.title, value: Math.abs(v.change), text: `${v.first} → ${v.last} (${v.change > 0 ? '+' : ''}${v.change})`, tone: v.change <= 0 ? 'good' : 'bad' };
              }),
          }),
        )
        .join('') + html(t.sentiment),
    ],
  ];
  const markdown = markdownSafeText([
    `# ${L.evaluation}: ${localize(definition.title, locale, definition.id)}`,
    '',
    summary,
    '',
    ...sections.flatMap(([title, body]) => [`## ${title}`, '', body, '']),
    `## ${L.incidentList}`,
    '',
    md(t.incidents),
    '',
  ].join('\n'));
  const body = [
    `<h1>${escapeHtml(`${L.evaluation}: ${localize(definition.title, locale, definition.id)}`)}</h1>`,
    `<p class="meta">${escapeHtml(summary)}</p>`,
    ...sections.map(([title, , content]) => `<h2>${escapeHtml(title)}</h2><div class="chart">${content}</div>`),
    `<h2>${escapeHtml(L.incidentList)}</h2>${html(t.incidents)}`,
  ].join('\n');
  return { json, markdown, html: htmlPage({ title: `${L.evaluation}: ${definition.id}`, lang: locale, body }) };
}

interface Table {
  headers: string[];
  rows: string[][];
}

function md(t: Table): string {
  return t.rows.length === 0 ? '—' : markdownTable(t.headers, t.rows);
}

function html(t: Table): string {
  return t.rows.length === 0 ? '<p>—</p>' : htmlTable(t.headers, t.rows);
}

function share(t: TimingAgainstLimit | null): number | undefined {
  return t === null || t.ms === null || t.limitMs <= 0 ? undefined : t.ms / t.limitMs;
}

function timing(t: TimingAgainstLimit | null): string {
  if (t === null) return '—';
  return `${t.ms === null ? '—' : formatDuration(t.ms)} / ${formatDuration(t.limitMs)}`;
}

function num(v: number): string {
  return String(Math.round(v * 1000) / 1000);
}

function dur(ms: number | null): string {
  return ms === null ? '—' : formatDuration(ms);
}

function tables(json: EvaluationJson, L: ReportLabels): Record<'report' | 'assess' | 'firstStatement' | 'breachRate' | 'teams' | 'sentiment' | 'incidents', Table> {
  const statRow = (s: EvaluationJson['timeToReport']): string[] => [String(s.count), dur(s.meanMs), dur(s.medianMs), dur(s.maxMs)];
  const statHeaders = [L.count, L.mean, L.median, L.max];
  return {
    report: { headers: statHeaders, rows: [statRow(json.timeToReport)] },
    assess: { headers: statHeaders, rows: [statRow(json.timeToAssess)] },
    firstStatement: {
      headers: [...statHeaders, L.onTime, L.late, L.never],
      rows: [[...statRow(json.firstStatement), String(json.firstStatement.onTime), String(json.firstStatement.late), String(json.firstStatement.never)]],
    },
    breachRate: {
      headers: [L.deadline, L.met, L.breached, L.cancelled, L.rate],
      rows: json.breachRate.map((b) => [`${b.deadline} ${b.title}`, String(b.met), String(b.breached), String(b.cancelled), formatPercent(b.rate ?? undefined)]),
    },
    teams: {
      headers: [L.team, L.met, L.breached, L.rate],
      rows: json.teams.map((x) => [`${x.team} ${x.title}`, String(x.met), String(x.breached), formatPercent(x.onTimeRate ?? undefined)]),
    },
    sentiment: {
      headers: [L.field, L.incidents, L.first, L.last, L.change],
      rows: json.sentiment.map((s) => [`${s.field} ${s.title}`, String(s.incidents), num(s.meanFirst), num(s.meanLast), `${s.meanChange > 0 ? '+' : ''}${num(s.meanChange)}`]),
    },
    incidents: {
      headers: [L.incident, L.severity, L.finalStage, L.timeToReport, L.timeToAssess, L.firstStatement, L.breaches],
      rows: json.perIncident.map((p) => [
        p.title,
        p.severity ?? '—',
        p.stage,
        timing(p.timeToReport),
        timing(p.timeToAssess),
        timing(p.firstStatement),
        p.breaches.join(', ') || '—',
      ]),
    },
  };
}
