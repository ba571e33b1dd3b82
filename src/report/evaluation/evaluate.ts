import type { Incident } from '../../runtime/incident.js';
import { formatDuration } from '../../compile/duration.js';
import { barChart, type Bar } from '../charts/bar-chart.js';
import { escapeHtml } from '../html/escape-html.js';
import { htmlPage } from '../html/html-page.js';
import { htmlTable } from '../html/html-table.js';
import { formatPercent } from '../format-time.js';
import { markdownSafeText } from '../markdown-safe-text.js';
import { markdownTable } from '../markdown-table.js';
import { localize, planDefinitionOf, type ReportPlan } from '../plan-definition-of.js';
import { reportLabels, reportLocaleOf, type ReportLabels } from '../report-labels.js';
import { evaluationData, PER_INCIDENT_KINDS, type EvaluationJson, type IncidentMeasureValue, type MeasureResult } from './evaluation-data.js';

/** Options of {@link evaluate}. */
export interface EvaluateOptions {
  /** `zh-CN` or `en`; default the plan's first locale. */
  locale?: string;
}

/** The evaluation as JSON, Markdown and a self-contained HTML page with charts. */
export interface Evaluation {
  json: EvaluationJson;
  markdown: string;
  html: string;
}

/**
 * Evaluates a plan over incidents or drill runs with the measures the plan declares (`measures:`)
 * and renders it: one section per measure, titled by the measure (and the evaluation criteria
 * that name it), as JSON, Markdown and HTML with a bar chart per measure (`data-chart="measure-<id>"`),
 * then the list of incidents with each one's values.
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
  const json = evaluationData(definition, incidents, locale);
  const summary = `${L.plan}: ${json.plan.id} ${json.plan.version} · ${L.incidents}: ${json.incidents}${json.skipped.length > 0 ? ` · ${L.skipped}: ${json.skipped.length}` : ''}`;
  const sections = json.measures.map((m) => {
    const heading = m.criteria.length === 0 ? m.title : `${m.title} — ${m.criteria.join('; ')}`;
    const table = measureTable(m, L);
    return { heading, markdown: md(table), html: measureChart(m, json, L) + html(table) };
  });
  const list = incidentTable(json, L);
  const title = `${L.evaluation}: ${localize(definition.title, locale, definition.id)}`;
  const markdown = markdownSafeText([
    `# ${title}`,
    '',
    summary,
    '',
    ...(sections.length === 0 ? [L.noMeasures, ''] : sections.flatMap((s) => [`## ${s.heading}`, '', s.markdown, ''])),
    `## ${L.incidentList}`,
    '',
    md(list),
    '',
  ].join('\n'));
  const body = [
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="meta">${escapeHtml(summary)}</p>`,
    ...(sections.length === 0 ? [`<p>${escapeHtml(L.noMeasures)}</p>`] : sections.map((s) => `<h2>${escapeHtml(s.heading)}</h2><div class="chart">${s.html}</div>`)),
    `<h2>${escapeHtml(L.incidentList)}</h2>${html(list)}`,
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

function dur(ms: number | null): string {
  return ms === null ? '—' : formatDuration(ms);
}

function num(v: number | null): string {
  return v === null ? '—' : String(Math.round(v * 1000) / 1000);
}

function signed(v: number | null): string {
  return v === null ? '—' : `${v > 0 ? '+' : ''}${num(v)}`;
}

/** One incident's value of a measure as a table cell. */
function valueText(v: IncidentMeasureValue | undefined): string {
  if (v === undefined) return '—';
  switch (v.kind) {
    case 'time-to':
    case 'deadline-time':
      return v.limitMs === null ? dur(v.ms) : `${dur(v.ms)} / ${formatDuration(v.limitMs)}`;
    case 'breach-count':
    case 'refusal-count':
      return String(v.count);
    case 'field-change':
      return `${v.first} → ${v.last} (${signed(v.change)})`;
  }
}

function measureTable(m: MeasureResult, L: ReportLabels): Table {
  switch (m.kind) {
    case 'time-to':
    case 'deadline-time': {
      const s = m.stats;
      const limits = m.limited ? [String(m.onTime), String(m.late)] : [];
      return {
        headers: [L.count, L.mean, L.median, L.max, ...(m.limited ? [L.onTime, L.late] : []), L.never],
        rows: [[String(s.count), dur(s.meanMs), dur(s.medianMs), dur(s.maxMs), ...limits, String(m.never)]],
      };
    }
    case 'deadline-met-rate':
      return {
        headers: [m.per === 'team' ? L.team : L.deadline, L.met, L.breached, L.cancelled, L.onTimeRate, L.breachRate],
        rows: m.rows.map((r) => [
          r.id === '*' ? r.title : `${r.id} ${r.title}`,
          String(r.met),
          String(r.breached),
          String(r.cancelled),
          formatPercent(r.onTimeRate ?? undefined),
          formatPercent(r.breachRate ?? undefined),
        ]),
      };
    case 'breach-count':
    case 'refusal-count':
      return { headers: [L.incidents, L.total, L.mean, L.max], rows: [[String(m.incidents), String(m.total), num(m.mean), num(m.max)]] };
    case 'field-change':
      return {
        headers: [L.field, L.incidents, L.first, L.last, L.change, L.decreased, L.increased],
        rows: [[`${m.field} ${m.fieldTitle}`, String(m.incidents), num(m.meanFirst), num(m.meanLast), signed(m.meanChange), String(m.decreased), String(m.increased)]],
      };
  }
}

/** The bar chart of a measure: per row for on-time rates, per incident otherwise. */
function measureChart(m: MeasureResult, json: EvaluationJson, L: ReportLabels): string {
  const id = `measure-${m.id}`;
  if (m.kind === 'deadline-met-rate') {
    return barChart({
      id,
      title: m.title,
      max: 1,
      bars: m.rows.map((r) => ({
        label: r.id === '*' ? r.title : r.id,
        value: r.onTimeRate ?? 0,
        text: `${formatPercent(r.onTimeRate ?? undefined)} (${r.met}/${r.met + r.breached})`,
        tone: r.onTimeRate === null ? 'neutral' : r.onTimeRate >= 1 ? 'good' : 'bad',
      })),
    });
  }
  const bars: Bar[] = json.perIncident.flatMap((p) => {
    const v = p.measures[m.id];
    if (v === undefined) return [];
    const label = p.title;
    const text = valueText(v);
    switch (v.kind) {
      case 'time-to':
      case 'deadline-time':
        if (v.ms === null) return [{ label, value: 0, text: `${L.never}`, tone: 'bad' }];
        return [{ label, value: v.limitMs === null || v.limitMs <= 0 ? v.ms : v.ms / v.limitMs, text, tone: v.onTime === null ? 'neutral' : v.onTime ? 'good' : 'bad' }];
      case 'breach-count':
      case 'refusal-count':
        return [{ label, value: v.count, text, tone: 'neutral' }];
      case 'field-change':
        return [{ label, value: Math.abs(v.change), text, tone: 'neutral' }];
    }
  });
  // timed measures with a limit draw each time as a share of its limit (1 = just in time)
  const relative = (m.kind === 'time-to' || m.kind === 'deadline-time') && m.limited;
  return barChart({ id, title: m.title, bars, ...(relative ? { max: bars.reduce((most, b) => Math.max(most, b.value), 1) } : {}) });
}

function incidentTable(json: EvaluationJson, L: ReportLabels): Table {
  const columns = json.measures.filter((m) => PER_INCIDENT_KINDS.has(m.kind));
  return {
    headers: [L.incident, L.severity, L.finalStage, ...columns.map((m) => m.title), L.breaches],
    rows: json.perIncident.map((p) => [p.title, p.severity ?? '—', p.stage, ...columns.map((m) => valueText(p.measures[m.id])), p.breaches.join(', ') || '—']),
  };
}
