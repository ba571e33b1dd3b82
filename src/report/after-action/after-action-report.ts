import type { Incident } from '../../runtime/incident.js';
import { formatDuration } from '../../compile/duration.js';
import { escapeHtml } from '../html/escape-html.js';
import { htmlPage } from '../html/html-page.js';
import { htmlTable } from '../html/html-table.js';
import { incidentReadingsSvg, incidentTimelineSvg } from '../incident-charts.js';
import { incidentFacts } from '../incident-facts.js';
import { formatLocalTime, formatOffset } from '../format-time.js';
import { markdownSafeText } from '../markdown-safe-text.js';
import { markdownTable } from '../markdown-table.js';
import { planDefinitionOf, type ReportPlan } from '../plan-definition-of.js';
import { reportLabels, reportLocaleOf, type ReportLabels, type ReportLocale } from '../report-labels.js';
import { refusalMeaning } from '../../messages/refusal-messages.js';
import { afterActionData, type AfterActionJson } from './after-action-data.js';

/** Options of {@link afterActionReport}. */
export interface AfterActionOptions {
  /** `zh-CN` or `en`; default the plan's first locale. */
  locale?: string;
}

/** The after-action report in three forms. */
export interface AfterActionReport {
  json: AfterActionJson;
  markdown: string;
  /** A self-contained HTML page with the timeline and readings charts. */
  html: string;
}

/**
 * The after-action report of one incident (seed plan section 4.6): measures taken in order, time
 * per stage against its deadline, breaches and who was notified, participation per team, the
 * readings trend, and the review entered at the end — as JSON, Markdown and a self-contained
 * HTML page.
 *
 * @example
 * ```ts
 * const report = afterActionReport(incident, plan);
 * writeFileSync('after-action.html', report.html);
 * ```
 */
export function afterActionReport(incident: Incident, plan: ReportPlan, options: AfterActionOptions = {}): AfterActionReport {
  const definition = planDefinitionOf(plan);
  const locale = reportLocaleOf(definition.locales, options.locale);
  const L = reportLabels(locale);
  const facts = incidentFacts(incident, definition);
  const json = afterActionData(incident, definition, locale, facts);
  const tz = definition.timezone;
  const view = rows(json, L, tz, locale);

  const markdown = markdownSafeText([
    `# ${L.afterAction}: ${json.incident.title}`,
    '',
    `${L.plan}: ${definition.id} ${definition.version} · ${L.incident}: ${json.incident.id} · ${L.severity}: ${json.incident.severity ?? L.none} · ` +
      `${L.opened}: ${formatLocalTime(Date.parse(json.incident.openedAt), tz)} · ` +
      `${L.closedAt}: ${json.incident.closedAt ? formatLocalTime(Date.parse(json.incident.closedAt), tz) : L.stillOpen}`,
    '',
    `## ${L.measures}`,
    '',
    markdownTable(view.measures.headers, view.measures.rows),
    '',
    `## ${L.stageTimes}`,
    '',
    markdownTable(view.stages.headers, view.stages.rows),
    '',
    `## ${L.deadlines}`,
    '',
    markdownTable(view.deadlines.headers, view.deadlines.rows),
    '',
    `## ${L.breachesNotified}`,
    '',
    json.breaches.length === 0 ? L.none : markdownTable(view.breaches.headers, view.breaches.rows),
    '',
    `## ${L.participation}`,
    '',
    markdownTable(view.teams.headers, view.teams.rows),
    '',
    `## ${L.trend}`,
    '',
    json.readings.length === 0 ? L.noReadings : markdownTable(view.readings.headers, view.readings.rows),
    '',
    ...(json.rejected.length === 0 ? [] : [`## ${L.refused}`, '', markdownTable(view.rejected.headers, view.rejected.rows), '']),
    `## ${L.review}`,
    '',
    json.review === null ? L.noReview : json.review.fields.map((f) => `- **${f.title}**: ${String(f.value)}`).join('\n'),
    '',
  ].join('\n'));

  const readingsSvg = incidentReadingsSvg(facts, definition, locale);
  const body = [
    `<h1>${escapeHtml(`${L.afterAction}: ${json.incident.title}`)}</h1>`,
    `<p class="meta">${escapeHtml(
      `${L.plan}: ${definition.id} ${definition.version} · ${L.incident}: ${json.incident.id} · ${L.severity}: ${json.incident.severity ?? L.none} · ` +
        `${L.opened}: ${formatLocalTime(Date.parse(json.incident.openedAt), tz)} · ${L.closedAt}: ${json.incident.closedAt ? formatLocalTime(Date.parse(json.incident.closedAt), tz) : L.stillOpen}`,
    )}</p>`,
    `<h2>${escapeHtml(L.timeline)}</h2><div class="chart">${incidentTimelineSvg(facts, definition, locale)}</div>`,
    `<h2>${escapeHtml(L.measures)}</h2>${htmlTable(view.measures.headers, view.measures.rows)}`,
    `<h2>${escapeHtml(L.stageTimes)}</h2>${htmlTable(view.stages.headers, view.stages.rows)}`,
    `<h2>${escapeHtml(L.deadlines)}</h2>${htmlTable(view.deadlines.headers, view.deadlines.rows)}`,
    `<h2>${escapeHtml(L.breachesNotified)}</h2>${json.breaches.length === 0 ? `<p>${L.none}</p>` : htmlTable(view.breaches.headers, view.breaches.rows)}`,
    `<h2>${escapeHtml(L.participation)}</h2>${htmlTable(view.teams.headers, view.teams.rows)}`,
    `<h2>${escapeHtml(L.trend)}</h2>${
      json.readings.length === 0 ? `<p>${escapeHtml(L.noReadings)}</p>` : `<div class="chart">${readingsSvg}</div>${htmlTable(view.readings.headers, view.readings.rows)}`
    }`,
    json.rejected.length === 0 ? '' : `<h2>${escapeHtml(L.refused)}</h2>${htmlTable(view.rejected.headers, view.rejected.rows)}`,
    `<h2>${escapeHtml(L.review)}</h2>${
      json.review === null
        ? `<p>${escapeHtml(L.noReview)}</p>`
        : `<dl>${json.review.fields.map((f) => `<dt><strong>${escapeHtml(f.title)}</strong></dt><dd>${escapeHtml(String(f.value))}</dd>`).join('')}</dl>`
    }`,
  ].join('\n');

  return { json, markdown, html: htmlPage({ title: `${L.afterAction}: ${json.incident.title}`, lang: locale, body }) };
}

interface Table {
  headers: string[];
  rows: string[][];
}

/** The tables of the report as text cells, shared by Markdown and HTML. */
function rows(json: AfterActionJson, L: ReportLabels, tz: string | undefined, locale: ReportLocale): Record<'measures' | 'stages' | 'deadlines' | 'breaches' | 'teams' | 'readings' | 'rejected', Table> {
  const open = Date.parse(json.incident.openedAt);
  const when = (at: string): string => `${formatOffset(Date.parse(at) - open)} (${formatLocalTime(Date.parse(at), tz)})`;
  const status = (s: string): string => (L as Record<string, string>)[s] ?? s;
  return {
    measures: {
      headers: [L.time, L.stage, L.event, L.by, L.team, L.details],
      rows: json.measures.map((m) => [
        when(m.at),
        m.stage,
        `${m.event} ${m.eventTitle}`,
        m.by ? `${m.by.id} (${m.by.roles.join(', ')})` : L.none,
        m.teams.join(', ') || L.none,
        Object.entries(m.data).map(([k, v]) => `${k}: ${String(v)}`).join('; '),
      ]),
    },
    stages: {
      headers: [L.stage, L.entered, L.left, L.duration, L.deadline, L.limit, L.used, L.status],
      rows: json.stages.map((s) => {
        const d = s.deadlines[0];
        return [
          `${s.stage} ${s.title}`,
          when(s.enteredAt),
          s.leftAt ? when(s.leftAt) : L.none,
          s.durationMs === null ? L.none : formatDuration(s.durationMs),
          d ? d.id : L.none,
          d ? formatDuration(d.limitMs) : L.none,
          d?.usedMs != null ? formatDuration(d.usedMs) : L.none,
          d ? status(d.status) : L.none,
        ];
      }),
    },
    deadlines: {
      headers: [L.deadline, L.instance, L.armed, L.due, L.limit, L.status, L.at],
      rows: json.deadlines.map((d) => [
        `${d.id} ${d.title}`,
        String(d.instance),
        when(d.armedAt),
        when(d.dueAt),
        formatDuration(d.limitMs),
        status(d.status),
        d.settledAt ? when(d.settledAt) : L.none,
      ]),
    },
    breaches: {
      headers: [L.deadline, L.instance, L.due, L.breached, L.notified],
      rows: json.breaches.map((b) => [`${b.deadline} ${b.title}`, String(b.instance), when(b.dueAt), when(b.breachedAt), b.notified.join(', ') || L.none]),
    },
    teams: {
      headers: [L.team, L.people, L.events, L.rejectedAttempts],
      rows: json.participation.map((t) => [`${t.team} ${t.title}`, t.people.join(', ') || L.none, String(t.events), String(t.rejected)]),
    },
    readings: {
      headers: [L.field, L.first, L.last, L.min, L.max, L.change],
      rows: json.readings.map((r) => [`${r.field} ${r.title}`, String(r.first), String(r.last), String(r.min), String(r.max), signed(r.change)]),
    },
    rejected: {
      headers: [L.time, L.event, L.by, L.code, L.reason],
      rows: json.rejected.map((r) => [when(r.at), r.event, r.by ? `${r.by.id} (${r.by.roles.join(', ') || L.none})` : L.none, r.code, refusalMeaning(r.code, locale)]),
    },
  };
}

function signed(v: number): string {
  return v > 0 ? `+${v}` : String(v);
}
