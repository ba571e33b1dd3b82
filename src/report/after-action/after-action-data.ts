import type { PlanDefinition } from '../../dsl/schema/plan.js';
import type { Actor, Incident } from '../../runtime/incident.js';
import { incidentFacts, type IncidentFacts } from '../incident-facts.js';
import { localize } from '../plan-definition-of.js';
import { eventTeams } from '../plan-teams.js';

/** One measure taken: an accepted event, in timeline order. */
export interface AfterActionMeasure {
  at: string;
  /** ms since the incident opened. */
  offsetMs: number;
  stage: string;
  event: string;
  eventTitle: string;
  by: Actor | null;
  teams: string[];
  data: Record<string, unknown>;
}

/** A deadline instance with its limit and the time it took. */
export interface AfterActionDeadline {
  id: string;
  title: string;
  instance: number;
  stage: string;
  armedAt: string;
  dueAt: string;
  /** The allowed time (due − base), ms. */
  limitMs: number;
  status: 'pending' | 'met' | 'breached' | 'cancelled';
  /** When it was met, breached or cancelled. */
  settledAt: string | null;
  /** Time from its base until a meeting event (for a breached instance: the late one, if any), ms. */
  usedMs: number | null;
}

/** A period in one stage, with the deadlines armed on entering it. */
export interface AfterActionStage {
  stage: string;
  title: string;
  enteredAt: string;
  leftAt: string | null;
  durationMs: number | null;
  deadlines: AfterActionDeadline[];
}

/** A breach and the roles its breach actions notified. */
export interface AfterActionBreach {
  deadline: string;
  title: string;
  instance: number;
  dueAt: string;
  breachedAt: string;
  notified: string[];
}

/** What one team did. */
export interface AfterActionTeam {
  team: string;
  title: string;
  people: string[];
  events: number;
  rejected: number;
}

/** One number field's readings over the incident. */
export interface AfterActionSeries {
  field: string;
  title: string;
  points: { at: string; value: number }[];
  first: number;
  last: number;
  min: number;
  max: number;
  change: number;
}

/** The JSON form of the after-action report (seed plan section 4.6). */
export interface AfterActionJson {
  incident: {
    id: string;
    title: string;
    category: string;
    severity: string | null;
    planId: string;
    planVersion: string;
    openedAt: string;
    closedAt: string | null;
    closed: boolean;
    stage: string;
  };
  measures: AfterActionMeasure[];
  stages: AfterActionStage[];
  deadlines: AfterActionDeadline[];
  breaches: AfterActionBreach[];
  notifications: { at: string; roles: string[]; reason: string; deadline: string | null }[];
  participation: AfterActionTeam[];
  readings: AfterActionSeries[];
  rejected: { at: string; event: string; by: Actor | null; code: string }[];
  /** The data of the event that closed the incident (for the seed plan: SUBMIT_REVIEW's measures, evaluation, lessons). */
  review: { event: string; at: string; by: Actor | null; fields: { field: string; title: string; value: unknown }[] } | null;
}

/**
 * Builds the after-action report's data from one incident: measures in order, time per stage
 * against the deadlines armed on entering it, every deadline instance, breaches with who was
 * notified, participation per team, readings trend, refused attempts, and the closing review.
 *
 * @example
 * ```ts
 * const json = afterActionData(incident, plan);
 * json.breaches.map((b) => b.deadline); // ['pump-out']
 * ```
 */
export function afterActionData(incident: Incident, plan: PlanDefinition, locale = 'en', facts: IncidentFacts = incidentFacts(incident, plan)): AfterActionJson {
  const iso = (ms: number): string => new Date(ms).toISOString();
  const deadlineTitle = new Map(plan.deadlines.map((d) => [d.id, localize(d.title, locale, d.id)]));
  const eventTitle = new Map(plan.events.map((e) => [e.id, localize(e.title, locale, e.id)]));
  const stageTitle = new Map(plan.stages.map((s) => [s.id, localize(s.title, locale, s.id)]));
  const fieldTitle = new Map(plan.fields.map((f) => [f.id, localize(f.title, locale, f.id)]));

  const metBy = new Map(plan.deadlines.map((d) => [d.id, new Set(d.metBy)]));
  /** Time from base to meeting: `metAt`, or for a breached instance the first meeting event after it was armed. */
  const usedMs = (d: IncidentFacts['deadlines'][number], base: number): number | null => {
    if (d.metAt !== undefined) return Date.parse(d.metAt) - base;
    if (d.status !== 'breached') return null;
    const armed = Date.parse(d.armedAt);
    const late = facts.accepted.find((e) => e.at >= armed && metBy.get(d.id)?.has(e.type));
    return late === undefined ? null : late.at - base;
  };
  const fieldOrder = (event: string): string[] => {
    const e = plan.events.find((x) => x.id === event);
    return e === undefined ? [] : [...e.requires, ...e.optional];
  };
  const ordered = (event: string, data: Record<string, unknown>): [string, unknown][] => {
    const order = fieldOrder(event);
    const rank = (k: string): number => (order.includes(k) ? order.indexOf(k) : order.length);
    return Object.entries(data).sort((a, b) => rank(a[0]) - rank(b[0]) || (a[0] < b[0] ? -1 : 1));
  };
  const deadlines: AfterActionDeadline[] = facts.deadlines.map((d) => {
    const base = Date.parse(d.baseAt ?? d.armedAt);
    const settled = d.metAt ?? d.breachedAt ?? d.cancelledAt ?? null;
    return {
      id: d.id,
      title: deadlineTitle.get(d.id) ?? d.id,
      instance: d.instance,
      stage: d.stage,
      armedAt: d.armedAt,
      dueAt: d.dueAt,
      limitMs: Date.parse(d.dueAt) - base,
      status: d.status,
      settledAt: settled,
      usedMs: usedMs(d, base),
    };
  });

  const initial = plan.stages[0]?.id;
  const enterDeadlines = new Set(plan.deadlines.filter((d) => d.from === 'enter').map((d) => d.id));
  const finals = new Set(plan.stages.filter((s) => s.final === true).map((s) => s.id));
  const stages: AfterActionStage[] = facts.stagePeriods.filter((p) => !finals.has(p.stage)).map((p) => ({
    stage: p.stage,
    title: stageTitle.get(p.stage) ?? p.stage,
    enteredAt: iso(p.from),
    leftAt: p.to === null ? null : iso(p.to),
    durationMs: p.to === null ? null : p.to - p.from,
    deadlines: deadlines.filter(
      (d) =>
        (enterDeadlines.has(d.id) || p.stage === initial) &&
        d.stage === p.stage &&
        Date.parse(d.armedAt) === p.from &&
        d.instance === firstInstanceAt(deadlines, d.id, p.from),
    ),
  }));

  const breaches: AfterActionBreach[] = facts.deadlines
    .filter((d) => d.status === 'breached')
    .map((d) => ({
      deadline: d.id,
      title: deadlineTitle.get(d.id) ?? d.id,
      instance: d.instance,
      dueAt: d.dueAt,
      breachedAt: d.breachedAt ?? d.dueAt,
      notified: [
        ...new Set(
          facts.notifications
            .filter((n) => n.reason === 'breach' && n.deadline === d.id && iso(n.at) === (d.breachedAt ?? ''))
            .flatMap((n) => n.roles),
        ),
      ],
    }));

  const participation: AfterActionTeam[] = plan.teams.map((t) => {
    const people = new Set<string>();
    let events = 0;
    for (const e of facts.accepted) {
      if (e.by === undefined) continue;
      if (eventTeams(plan, e.stage, e.type, e.by.roles).includes(t.id)) {
        events++;
        people.add(e.by.id);
      }
    }
    const teamRoles = [t.leader, t.deputy, ...t.members].filter((r): r is string => r !== undefined);
    const rejected = facts.rejected.filter((r) => r.by?.roles.some((role) => teamRoles.includes(role))).length;
    return { team: t.id, title: localize(t.title, locale, t.id), people: [...people].sort(), events, rejected };
  });

  const readings: AfterActionSeries[] = plan.fields
    .filter((f) => f.type === 'number')
    .flatMap((f) => {
      const points = facts.readings.filter((r) => r.values[f.id] !== undefined).map((r) => ({ at: iso(r.at), value: r.values[f.id] as number }));
      const first = points[0];
      const last = points[points.length - 1];
      if (first === undefined || last === undefined) return [];
      const values = points.map((p) => p.value);
      return [
        {
          field: f.id,
          title: fieldTitle.get(f.id) ?? f.id,
          points,
          first: first.value,
          last: last.value,
          min: values.reduce((low, v) => Math.min(low, v), Infinity),
          max: values.reduce((high, v) => Math.max(high, v), -Infinity),
          change: round(last.value - first.value),
        },
      ];
    });

  const closing = incident.closed ? facts.accepted[facts.accepted.length - 1] : undefined;
  const review =
    closing === undefined
      ? null
      : {
          event: closing.type,
          at: iso(closing.at),
          by: closing.by ?? null,
          fields: ordered(closing.type, closing.data).map(([field, value]) => ({ field, title: fieldTitle.get(field) ?? field, value })),
        };

  return {
    incident: {
      id: incident.id,
      title: incident.title,
      category: incident.category,
      severity: incident.severity,
      planId: incident.planId,
      planVersion: incident.planVersion,
      openedAt: incident.openedAt,
      closedAt: incident.closedAt,
      closed: incident.closed,
      stage: incident.stage,
    },
    measures: facts.accepted.map((e) => ({
      at: iso(e.at),
      offsetMs: e.at - facts.openedAt,
      stage: e.stage,
      event: e.type,
      eventTitle: eventTitle.get(e.type) ?? e.type,
      by: e.by ?? null,
      teams: e.by === undefined ? [] : eventTeams(plan, e.stage, e.type, e.by.roles),
      data: Object.fromEntries(ordered(e.type, e.data)),
    })),
    stages,
    deadlines,
    breaches,
    notifications: facts.notifications.map((n) => ({ at: iso(n.at), roles: n.roles, reason: n.reason, deadline: n.deadline ?? null })),
    participation,
    readings,
    rejected: facts.rejected.map((r) => ({ at: iso(r.at), event: r.type, by: r.by ?? null, code: r.code })),
    review,
  };
}

function firstInstanceAt(deadlines: readonly AfterActionDeadline[], id: string, at: number): number | undefined {
  return deadlines.find((d) => d.id === id && Date.parse(d.armedAt) === at)?.instance;
}

function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}
