import { parseDuration } from '../../compile/duration.js';
import type { Measure, MeasureKind } from '../../dsl/schema/measure.js';
import type { PlanDefinition } from '../../dsl/schema/plan.js';
import type { DeadlineInstance, Incident } from '../../runtime/incident.js';
import { incidentFacts, type IncidentFacts } from '../incident-facts.js';
import { localize } from '../plan-definition-of.js';
import { deadlineTeam, levelAt } from '../plan-teams.js';
import { reportLabels, reportLocaleOf } from '../report-labels.js';

/** count / mean / median / max of durations (ms), over the incidents that have one. */
export interface DurationStats {
  count: number;
  meanMs: number | null;
  medianMs: number | null;
  maxMs: number | null;
}

/** One incident's value of a `time-to` or `deadline-time` measure. */
export interface TimingValue {
  kind: 'time-to' | 'deadline-time';
  /** Time from the start to the end (a late end counts), ms; null if the end never came. */
  ms: number | null;
  /** The time allowed, ms; null when the measure has no limit. */
  limitMs: number | null;
  /** Whether the end came within the limit; null without a limit. */
  onTime: boolean | null;
}

/** One incident's value of a `breach-count` or `refusal-count` measure. */
export interface CountValue {
  kind: 'breach-count' | 'refusal-count';
  count: number;
}

/** One incident's value of a `field-change` measure: the first and last recorded value. */
export interface ChangeValue {
  kind: 'field-change';
  first: number;
  last: number;
  change: number;
}

/** One incident's value of a measure (`deadline-met-rate` has none: it is counted over all incidents). */
export type IncidentMeasureValue = TimingValue | CountValue | ChangeValue;

/** One incident's line in the evaluation. */
export interface EvaluatedIncident {
  id: string;
  title: string;
  severity: string | null;
  stage: string;
  closed: boolean;
  breaches: string[];
  /** Measure id → this incident's value; absent when the measure does not apply (its start never came, the field was never recorded). */
  measures: Record<string, IncidentMeasureValue>;
}

interface MeasureHead {
  id: string;
  /** The measure's title in the report's locale. */
  title: string;
  /** Titles of the evaluation criteria that name this measure. */
  criteria: string[];
}

/** A timing measure over all incidents. */
export interface TimingResult extends MeasureHead {
  kind: 'time-to' | 'deadline-time';
  /** Whether the measure has a limit (a `time-to` with `limit`, every `deadline-time`). */
  limited: boolean;
  stats: DurationStats;
  /** Incidents with a limit whose end came in time, came late, or never came. */
  onTime: number;
  late: number;
  never: number;
}

/** One row of a `deadline-met-rate` measure: a deadline, a team, or everything. */
export interface MetRateRow {
  id: string;
  title: string;
  met: number;
  breached: number;
  cancelled: number;
  /** met / (met + breached); null when none ended. */
  onTimeRate: number | null;
  /** breached / (met + breached); null when none ended. */
  breachRate: number | null;
}

/** A `deadline-met-rate` measure. */
export interface MetRateResult extends MeasureHead {
  kind: 'deadline-met-rate';
  per: 'overall' | 'deadline' | 'team';
  rows: MetRateRow[];
}

/** A count measure over all incidents. */
export interface CountResult extends MeasureHead {
  kind: 'breach-count' | 'refusal-count';
  incidents: number;
  total: number;
  mean: number | null;
  max: number | null;
}

/** A `field-change` measure over the incidents that recorded the field. */
export interface ChangeResult extends MeasureHead {
  kind: 'field-change';
  field: string;
  fieldTitle: string;
  incidents: number;
  meanFirst: number | null;
  meanLast: number | null;
  meanChange: number | null;
  decreased: number;
  increased: number;
}

/** A measure's result over every evaluated incident. */
export type MeasureResult = TimingResult | MetRateResult | CountResult | ChangeResult;

/** The evaluation over many incidents: one result per measure the plan declares. */
export interface EvaluationJson {
  plan: { id: string; version: string };
  incidents: number;
  /** Incidents of another plan, not evaluated. */
  skipped: string[];
  perIncident: EvaluatedIncident[];
  /** In the order of the plan's `measures`. */
  measures: MeasureResult[];
}

/**
 * Evaluates a plan over incidents or drill runs with the measures the plan declares
 * (`measures:`): times to an event or stage or to meet a deadline, on-time rates overall, per
 * deadline or per team (the team a deadline belongs to, see `deadlineTeam`), breach and refusal
 * counts, and the first → last change of number fields. Titles come from the plan in `locale`.
 *
 * @example
 * ```ts
 * const json = evaluationData(plan, incidents, 'en');
 * json.measures.find((m) => m.id === 'team-on-time');
 * ```
 */
export function evaluationData(plan: PlanDefinition, incidents: readonly Incident[], locale = 'en'): EvaluationJson {
  const mine = incidents.filter((i) => i.planId === plan.id);
  const skipped = incidents.filter((i) => i.planId !== plan.id).map((i) => i.id);
  const facts = mine.map((incident) => incidentFacts(incident, plan));
  const perIncident: EvaluatedIncident[] = facts.map((f) => {
    const measures: Record<string, IncidentMeasureValue> = {};
    for (const m of plan.measures) {
      const value = incidentValue(plan, f, m);
      if (value !== undefined) measures[m.id] = value;
    }
    const { incident } = f;
    return {
      id: incident.id,
      title: incident.title,
      severity: incident.severity,
      stage: incident.stage,
      closed: incident.closed,
      breaches: [...new Set(incident.deadlines.filter((d) => d.status === 'breached').map((d) => d.id))],
      measures,
    };
  });
  const all = mine.flatMap((i) => i.deadlines);
  // DSL v2: each instance's team at the level the incident had when it was met or breached (ownerByLevel).
  const teamOf = new Map(mine.flatMap((i) => i.deadlines.map((d) => [d, deadlineTeam(plan, d.id, levelAt(plan, i, d.metAt ?? d.breachedAt ?? d.cancelledAt ?? d.dueAt))] as const)));
  const measures = plan.measures.map((m): MeasureResult => {
    const head: MeasureHead = {
      id: m.id,
      title: localize(m.title, locale, m.id),
      criteria: plan.evaluation.filter((c) => c.measure === m.id).map((c) => localize(c.title, locale, c.id)),
    };
    const values = perIncident.flatMap((p) => {
      const v = p.measures[m.id];
      return v === undefined ? [] : [v];
    });
    switch (m.kind) {
      case 'time-to':
      case 'deadline-time':
        return { ...head, kind: m.kind, limited: m.kind === 'deadline-time' || m.limit !== undefined, ...timingResult(values as TimingValue[]) };
      case 'deadline-met-rate':
        return { ...head, kind: m.kind, per: m.per, rows: metRateRows(plan, all, m.per, m.deadlines, locale, teamOf) };
      case 'breach-count':
      case 'refusal-count':
        return { ...head, kind: m.kind, ...countResult((values as CountValue[]).map((v) => v.count)) };
      case 'field-change': {
        const field = plan.fields.find((f) => f.id === m.field);
        return { ...head, kind: m.kind, field: m.field, fieldTitle: localize(field?.title, locale, m.field), ...changeResult(values as ChangeValue[]) };
      }
    }
  });
  return { plan: { id: plan.id, version: plan.version }, incidents: mine.length, skipped, perIncident, measures };
}

/** The kinds of measure that have a value per incident. */
export const PER_INCIDENT_KINDS: ReadonlySet<MeasureKind> = new Set(['time-to', 'deadline-time', 'breach-count', 'field-change', 'refusal-count']);

function incidentValue(plan: PlanDefinition, facts: IncidentFacts, m: Measure): IncidentMeasureValue | undefined {
  switch (m.kind) {
    case 'time-to': {
      const start = m.from === 'open' ? facts.openedAt : facts.stagePeriods.find((p) => p.stage === (m.from as { stage: string }).stage)?.from;
      if (start === undefined) return undefined;
      const to = m.to;
      let end: number | undefined;
      if ('stage' in to) end = facts.stagePeriods.find((p) => p.stage === to.stage && p.from >= start)?.from;
      else {
        const events = typeof to.event === 'string' ? [to.event] : to.event;
        end = facts.accepted.find((e) => e.at >= start && events.includes(e.type))?.at;
      }
      const ms = end === undefined ? null : end - start;
      const limitMs = m.limit === undefined ? null : parseDuration(m.limit);
      return { kind: m.kind, ms, limitMs, onTime: limitMs === null ? null : ms !== null && ms <= limitMs };
    }
    case 'deadline-time': {
      const deadline = plan.deadlines.find((d) => d.id === m.deadline);
      const timing = deadline === undefined ? undefined : deadlineTiming(facts, m.deadline, new Set(deadline.metBy));
      return timing === undefined ? undefined : { kind: m.kind, ...timing };
    }
    case 'breach-count': {
      const only = m.deadlines === undefined ? undefined : new Set(m.deadlines);
      return { kind: m.kind, count: facts.deadlines.filter((d) => d.status === 'breached' && (only === undefined || only.has(d.id))).length };
    }
    case 'refusal-count': {
      const only = m.events === undefined ? undefined : new Set(m.events);
      return { kind: m.kind, count: facts.rejected.filter((r) => only === undefined || only.has(r.type)).length };
    }
    case 'field-change': {
      const values = facts.readings.map((r) => r.values[m.field]).filter((v): v is number => v !== undefined);
      const first = values[0];
      const last = values[values.length - 1];
      return first === undefined || last === undefined ? undefined : { kind: m.kind, first, last, change: round(last - first) };
    }
    case 'deadline-met-rate':
      return undefined;
  }
}

/** The first instance of a deadline: the time to its first meeting event (even late) and its limit. */
function deadlineTiming(facts: IncidentFacts, id: string, metBy: ReadonlySet<string>): Omit<TimingValue, 'kind'> | undefined {
  const inst = facts.deadlines.find((d) => d.id === id);
  if (inst === undefined) return undefined;
  const base = Date.parse(inst.baseAt ?? inst.armedAt);
  const limitMs = Date.parse(inst.dueAt) - base;
  if (inst.metAt !== undefined) return { ms: Date.parse(inst.metAt) - base, limitMs, onTime: inst.status === 'met' };
  const armed = Date.parse(inst.armedAt);
  const late = facts.accepted.find((e) => e.at >= armed && metBy.has(e.type));
  if (inst.status === 'cancelled' && late === undefined) return undefined;
  return { ms: late === undefined ? null : late.at - base, limitMs, onTime: false };
}

function timingResult(values: readonly TimingValue[]): Pick<TimingResult, 'stats' | 'onTime' | 'late' | 'never'> {
  const limited = values.filter((v) => v.limitMs !== null);
  return {
    stats: stats(values.map((v) => v.ms)),
    onTime: limited.filter((v) => v.onTime === true).length,
    late: limited.filter((v) => v.onTime === false && v.ms !== null).length,
    never: values.filter((v) => v.ms === null).length,
  };
}

function metRateRows(
  plan: PlanDefinition,
  all: readonly DeadlineInstance[],
  per: 'overall' | 'deadline' | 'team',
  only: readonly string[] | undefined,
  locale: string,
  teamOf: ReadonlyMap<DeadlineInstance, string | undefined>,
): MetRateRow[] {
  const deadlines = plan.deadlines.filter((d) => only === undefined || only.includes(d.id));
  const row = (id: string, title: string, ids: readonly string[], team?: string): MetRateRow => {
    const of = all.filter((x) => ids.includes(x.id) && (team === undefined || teamOf.get(x) === team));
    const met = of.filter((x) => x.status === 'met').length;
    const breached = of.filter((x) => x.status === 'breached').length;
    const cancelled = of.filter((x) => x.status === 'cancelled').length;
    return { id, title, met, breached, cancelled, onTimeRate: ratio(met, met + breached), breachRate: ratio(breached, met + breached) };
  };
  switch (per) {
    case 'overall':
      return [row('*', reportLabels(reportLocaleOf([locale])).allDeadlines, deadlines.map((d) => d.id))];
    case 'deadline':
      return deadlines.map((d) => row(d.id, localize(d.title, locale, d.id), [d.id]));
    case 'team':
      return plan.teams.map((t) =>
        row(
          t.id,
          localize(t.title, locale, t.id),
          deadlines.map((d) => d.id),
          t.id,
        ),
      );
  }
}

function countResult(counts: readonly number[]): Pick<CountResult, 'incidents' | 'total' | 'mean' | 'max'> {
  const total = counts.reduce((a, b) => a + b, 0);
  return {
    incidents: counts.length,
    total,
    mean: counts.length === 0 ? null : round(total / counts.length),
    max: counts.length === 0 ? null : counts.reduce((most, count) => Math.max(most, count), -Infinity),
  };
}

function changeResult(rows: readonly ChangeValue[]): Pick<ChangeResult, 'incidents' | 'meanFirst' | 'meanLast' | 'meanChange' | 'decreased' | 'increased'> {
  const meanOf = (xs: number[]): number | null => (xs.length === 0 ? null : round(mean(xs)));
  return {
    incidents: rows.length,
    meanFirst: meanOf(rows.map((r) => r.first)),
    meanLast: meanOf(rows.map((r) => r.last)),
    meanChange: meanOf(rows.map((r) => r.change)),
    decreased: rows.filter((r) => r.change < 0).length,
    increased: rows.filter((r) => r.change > 0).length,
  };
}

function stats(values: ReadonlyArray<number | null | undefined>): DurationStats {
  const xs = values.filter((v): v is number => typeof v === 'number').sort((a, b) => a - b);
  if (xs.length === 0) return { count: 0, meanMs: null, medianMs: null, maxMs: null };
  const mid = Math.floor(xs.length / 2);
  const median = xs.length % 2 === 1 ? (xs[mid] as number) : ((xs[mid - 1] as number) + (xs[mid] as number)) / 2;
  return { count: xs.length, meanMs: Math.round(mean(xs)), medianMs: median, maxMs: xs[xs.length - 1] as number };
}

function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

function ratio(a: number, b: number): number | null {
  return b === 0 ? null : Math.round((a / b) * 10000) / 10000;
}

function round(v: number): number {
  return Math.round(v * 1e4) / 1e4;
}
