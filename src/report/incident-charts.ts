import type { PlanDefinition } from '../dsl/schema/plan.js';
import { formatDuration } from '../compile/duration.js';
import { seriesChart } from './charts/series-chart.js';
import { timelineChart } from './charts/timeline-chart.js';
import type { IncidentFacts } from './incident-facts.js';
import { localize } from './plan-definition-of.js';
import { reportLabels, reportLocaleOf } from './report-labels.js';

/**
 * The timeline chart of one incident: its stage periods as bars, and each deadline instance with
 * its due time and outcome.
 *
 * @example
 * ```ts
 * const svg = incidentTimelineSvg(incidentFacts(incident, plan), plan, 'zh-CN');
 * ```
 */
export function incidentTimelineSvg(facts: IncidentFacts, plan: PlanDefinition, locale: string): string {
  const stageTitle = new Map(plan.stages.map((s) => [s.id, localize(s.title, locale, s.id)]));
  const end = facts.endAt;
  const L = reportLabels(reportLocaleOf([locale]));
  return timelineChart({
    start: facts.openedAt,
    end,
    title: facts.incident.title,
    words: { stages: L.stages, met: L.met, breached: L.breached, due: L.due, cancelled: L.cancelled, pending: L.pending, dueAfterChartEnd: L.dueAfterChartEnd },
    dueLabels: facts.deadlines.map((d) => `+${formatDuration(Date.parse(d.dueAt) - facts.openedAt)}`),
    stages: facts.stagePeriods.map((p) => ({
      stage: p.stage,
      label: `${p.stage} — ${stageTitle.get(p.stage) ?? p.stage}`,
      from: p.from,
      to: p.to ?? end,
    })),
    deadlines: facts.deadlines.map((d) => {
      const settled = d.metAt ?? d.breachedAt ?? d.cancelledAt;
      return {
        label: `${d.id} #${d.instance}`,
        armedAt: Date.parse(d.armedAt),
        dueAt: Date.parse(d.dueAt),
        status: d.status,
        ...(settled === undefined ? {} : { settledAt: Date.parse(settled) }),
      };
    }),
  });
}

/**
 * The readings chart of one incident: one panel per number field of the plan that was recorded
 * more than once, titled by the field's title in `locale`. Empty string when there is none.
 *
 * @example
 * ```ts
 * const svg = incidentReadingsSvg(facts, plan, 'en');
 * ```
 */
export function incidentReadingsSvg(facts: IncidentFacts, plan: PlanDefinition, locale: string): string {
  const recorded = (id: string): number => facts.readings.filter((r) => r.values[id] !== undefined).length;
  const fields = plan.fields.filter((f) => f.type === 'number' && recorded(f.id) > 1);
  if (fields.length === 0) return '';
  return seriesChart({
    start: facts.openedAt,
    end: facts.endAt,
    title: reportLabels(reportLocaleOf([locale])).readings,
    series: fields.map((f) => {
      const series = {
        id: f.id,
        label: localize(f.title, locale, f.id),
        points: facts.readings.filter((r) => r.values[f.id] !== undefined).map((r) => ({ at: r.at, value: r.values[f.id] as number })),
      };
      return {
        ...series,
        ...(f.type === 'number' && f.min !== undefined ? { min: f.min } : {}),
        ...(f.type === 'number' && f.max !== undefined ? { max: f.max } : {}),
      };
    }),
  });
}
