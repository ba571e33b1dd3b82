import type { PlanDefinition } from '../../dsl/schema/plan.js';
import type { DeadlineInstance, Incident } from '../../runtime/incident.js';
import { incidentFacts, type IncidentFacts } from '../incident-facts.js';
import { localize } from '../plan-definition-of.js';
import { deadlineTeam } from '../plan-teams.js';

/** Which deadlines the timing measures read (defaults: the seed plan's ids). */
export interface EvaluationDeadlines {
  /** Time to report: from open until this deadline was met (default `report`). */
  report?: string;
  /** Time to assess (default `assess`). */
  assess?: string;
  /** Time to first statement, against its limit (default `first-statement`). */
  firstStatement?: string;
}

/** count / mean / median / max of durations (ms), over the incidents that have one. */
export interface DurationStats {
  count: number;
  meanMs: number | null;
  medianMs: number | null;
  maxMs: number | null;
}

/** A timing of one incident against its deadline. */
export interface TimingAgainstLimit {
  /** Time from the deadline's base until a meeting event (even a late one), ms; null if it never came. */
  ms: number | null;
  /** The allowed time (due − base), ms. */
  limitMs: number;
  onTime: boolean;
}

/** One incident's line in the evaluation. */
export interface EvaluatedIncident {
  id: string;
  title: string;
  severity: string | null;
  stage: string;
  closed: boolean;
  timeToReport: TimingAgainstLimit | null;
  timeToAssess: TimingAgainstLimit | null;
  firstStatement: TimingAgainstLimit | null;
  breaches: string[];
  /** First and last reading per number field. */
  sentiment: Record<string, { first: number; last: number; change: number }>;
}

/** The evaluation over many incidents (seed plan section 6). */
export interface EvaluationJson {
  plan: { id: string; version: string };
  incidents: number;
  /** Incidents of another plan, not evaluated. */
  skipped: string[];
  perIncident: EvaluatedIncident[];
  timeToReport: DurationStats;
  timeToAssess: DurationStats;
  firstStatement: DurationStats & { onTime: number; late: number; never: number };
  /** Per deadline: instances that ended met or breached, and the share breached. */
  breachRate: { deadline: string; title: string; met: number; breached: number; cancelled: number; rate: number | null }[];
  /** Per team: deadlines it is responsible for, met on time vs breached. */
  teams: { team: string; title: string; met: number; breached: number; onTimeRate: number | null }[];
  /** Per number field: mean first reading, mean last reading, mean change, over incidents with readings. */
  sentiment: { field: string; title: string; incidents: number; meanFirst: number; meanLast: number; meanChange: number; improved: number }[];
}

/**
 * Evaluates a plan over incidents or drill runs (seed plan section 6): time to report, time to
 * assess, time to first statement against its limit, breach rate per deadline, on-time rate per
 * team (the team owning where each deadline is met), and the change in public sentiment (first vs
 * last reading of each number field).
 *
 * @example
 * ```ts
 * const json = evaluationData(plan, incidents);
 * json.breachRate.find((b) => b.deadline === 'report')?.rate; // 0.1
 * ```
 */
export function evaluationData(
  plan: PlanDefinition,
  incidents: readonly Incident[],
  locale = 'en',
  deadlines: EvaluationDeadlines = {},
): EvaluationJson {
  const ids = {
    report: deadlines.report ?? 'report',
    assess: deadlines.assess ?? 'assess',
    firstStatement: deadlines.firstStatement ?? 'first-statement',
  };
  const mine = incidents.filter((i) => i.planId === plan.id);
  const skipped = incidents.filter((i) => i.planId !== plan.id).map((i) => i.id);
  const numberFields = plan.fields.filter((f) => f.type === 'number');
  const metBy = new Map(plan.deadlines.map((d) => [d.id, new Set(d.metBy)]));

  const perIncident: EvaluatedIncident[] = mine.map((incident) => {
    const facts = incidentFacts(incident, plan);
    const timing = (id: string): TimingAgainstLimit | null => timingOf(facts, id, metBy.get(id));
    const sentiment: EvaluatedIncident['sentiment'] = {};
    for (const f of numberFields) {
      const values = facts.readings.map((r) => r.values[f.id]).filter((v): v is number => v !== undefined);
      const first = values[0];
      const last = values[values.length - 1];
      if (first !== undefined && last !== undefined) sentiment[f.id] = { first, last, change: round(last - first) };
    }
    return {
      id: incident.id,
      title: incident.title,
      severity: incident.severity,
      stage: incident.stage,
      closed: incident.closed,
      timeToReport: timing(ids.report),
      timeToAssess: timing(ids.assess),
      firstStatement: timing(ids.firstStatement),
      breaches: [...new Set(incident.deadlines.filter((d) => d.status === 'breached').map((d) => d.id))],
      sentiment,
    };
  });

  const all: DeadlineInstance[] = mine.flatMap((i) => i.deadlines);
  const breachRate = plan.deadlines.map((d) => {
    const of = all.filter((x) => x.id === d.id);
    const met = of.filter((x) => x.status === 'met').length;
    const breached = of.filter((x) => x.status === 'breached').length;
    const cancelled = of.filter((x) => x.status === 'cancelled').length;
    return { deadline: d.id, title: localize(d.title, locale, d.id), met, breached, cancelled, rate: ratio(breached, met + breached) };
  });
  const teams = plan.teams.map((t) => {
    const owned = plan.deadlines.filter((d) => deadlineTeam(plan, d.id) === t.id).map((d) => d.id);
    const of = all.filter((x) => owned.includes(x.id));
    const met = of.filter((x) => x.status === 'met').length;
    const breached = of.filter((x) => x.status === 'breached').length;
    return { team: t.id, title: localize(t.title, locale, t.id), met, breached, onTimeRate: ratio(met, met + breached) };
  });
  const sentiment = numberFields.flatMap((f) => {
    const rows = perIncident.map((p) => p.sentiment[f.id]).filter((s): s is { first: number; last: number; change: number } => s !== undefined);
    if (rows.length === 0) return [];
    return [
      {
        field: f.id,
        title: localize(f.title, locale, f.id),
        incidents: rows.length,
        meanFirst: round(mean(rows.map((r) => r.first))),
        meanLast: round(mean(rows.map((r) => r.last))),
        meanChange: round(mean(rows.map((r) => r.change))),
        improved: rows.filter((r) => r.change < 0).length,
      },
    ];
  });
  const fs = perIncident.map((p) => p.firstStatement).filter((t): t is TimingAgainstLimit => t !== null);
  return {
    plan: { id: plan.id, version: plan.version },
    incidents: mine.length,
    skipped,
    perIncident,
    timeToReport: stats(perIncident.map((p) => p.timeToReport?.ms)),
    timeToAssess: stats(perIncident.map((p) => p.timeToAssess?.ms)),
    firstStatement: {
      ...stats(fs.map((t) => t.ms)),
      onTime: fs.filter((t) => t.onTime).length,
      late: fs.filter((t) => !t.onTime && t.ms !== null).length,
      never: fs.filter((t) => t.ms === null).length,
    },
    breachRate,
    teams,
    sentiment,
  };
}

/** The first instance of a deadline: the time to its first meeting event (even late) and its limit. */
function timingOf(facts: IncidentFacts, id: string, metBy: ReadonlySet<string> | undefined): TimingAgainstLimit | null {
  const inst = facts.deadlines.find((d) => d.id === id);
  if (inst === undefined || metBy === undefined) return null;
  const base = Date.parse(inst.baseAt ?? inst.armedAt);
  const limitMs = Date.parse(inst.dueAt) - base;
  if (inst.metAt !== undefined) return { ms: Date.parse(inst.metAt) - base, limitMs, onTime: inst.status === 'met' };
  const armed = Date.parse(inst.armedAt);
  const late = facts.accepted.find((e) => e.at >= armed && metBy.has(e.type));
  if (inst.status === 'cancelled' && late === undefined) return null;
  return { ms: late === undefined ? null : late.at - base, limitMs, onTime: false };
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
