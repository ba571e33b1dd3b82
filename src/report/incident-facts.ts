import { dueDurationMs } from '../plan-format/due-duration.js';
import type { PlanDefinition } from '../dsl/schema/plan.js';
import type { Actor, DeadlineInstance, Incident, TimelineEntry } from '../runtime/incident.js';

/** A period the incident spent in one stage. `to` is null while it is still there. */
export interface StagePeriod {
  stage: string;
  from: number;
  to: number | null;
}

/** An accepted event as read from the timeline. */
export interface AcceptedEvent {
  seq: number;
  at: number;
  type: string;
  by?: Actor;
  data: Record<string, unknown>;
  /** The stage the incident was in when the event was accepted. */
  stage: string;
}

/** A refused event as read from the timeline. */
export interface RejectedEvent {
  seq: number;
  at: number;
  type: string;
  by?: Actor;
  code: string;
  stage: string;
}

/** A `notify` the incident asked for: roles, and why (breach, reminder, or an event's action). */
export interface Notification {
  at: number;
  roles: string[];
  reason: 'breach' | 'reminder' | 'action';
  deadline?: string;
}

/** A reading: the number fields an accepted event carried (e.g. rainfall, waterDepth). */
export interface Reading {
  at: number;
  event: string;
  values: Record<string, number>;
}

/** A severity change recorded in the timeline. */
export interface Regrade {
  at: number;
  from: string;
  to: string;
}

/** What reports need from one incident, read once from its timeline and deadlines. */
export interface IncidentFacts {
  incident: Incident;
  openedAt: number;
  /** Closing time, or the last timeline entry's time for an open incident. */
  endAt: number;
  stagePeriods: StagePeriod[];
  accepted: AcceptedEvent[];
  rejected: RejectedEvent[];
  deadlines: DeadlineInstance[];
  notifications: Notification[];
  readings: Reading[];
  regrades: Regrade[];
}

/**
 * Reads the facts reports are made of from an incident's timeline: stage periods, accepted and
 * refused events (with the stage they happened in), notifications (from reminder and breach
 * entries and the plan's breach and transition actions), readings (accepted events carrying the
 * plan's number fields) and regrades.
 *
 * @example
 * ```ts
 * const facts = incidentFacts(incident, plan);
 * facts.stagePeriods.map((p) => p.stage); // ['report', 'assess', 'strategy', …]
 * ```
 */
export function incidentFacts(incident: Incident, plan: PlanDefinition): IncidentFacts {
  const openedAt = Date.parse(incident.openedAt);
  const last = incident.timeline[incident.timeline.length - 1];
  const endAt = incident.closedAt !== null ? Date.parse(incident.closedAt) : last ? Date.parse(last.at) : openedAt;
  const numberFields = new Set(plan.fields.filter((f) => f.type === 'number').map((f) => f.id));
  const breachNotify = new Map(
    plan.deadlines.map((d) => [d.id, d.breach.flatMap((a) => ('notify' in a ? a.notify : []))] as const),
  );
  const transitionNotify = transitionNotifications(plan);

  const facts: IncidentFacts = {
    incident,
    openedAt,
    endAt,
    stagePeriods: [],
    accepted: [],
    rejected: [],
    deadlines: [...incident.deadlines],
    notifications: [],
    readings: [],
    regrades: [],
  };
  let stage = '';
  for (const entry of incident.timeline) {
    const at = Date.parse(entry.at);
    const data = entry.data ?? {};
    switch (entry.type) {
      case 'stage-entered': {
        const open = facts.stagePeriods[facts.stagePeriods.length - 1];
        if (open && open.to === null) open.to = at;
        stage = String(data['stage']);
        facts.stagePeriods.push({ stage, from: at, to: null });
        break;
      }
      case 'event': {
        const type = String(data['event'] ?? data['type'] ?? '');
        const values = isRecord(data['data']) ? data['data'] : {};
        facts.accepted.push({ seq: entry.seq, at, type, ...byOf(entry), data: values, stage });
        const numbers = Object.entries(values).filter(
          (kv): kv is [string, number] => numberFields.has(kv[0]) && typeof kv[1] === 'number',
        );
        if (numbers.length > 0) facts.readings.push({ at, event: type, values: Object.fromEntries(numbers) });
        const roles = transitionNotify.get(String(data['transition'] ?? '')) ?? transitionNotify.get(`${stage}:${type}`);
        if (roles && roles.length > 0) facts.notifications.push({ at, roles: [...roles], reason: 'action' });
        break;
      }
      case 'rejected':
        facts.rejected.push({
          seq: entry.seq,
          at,
          type: String(data['event'] ?? ''),
          ...byOf(entry),
          code: String(data['code'] ?? ''),
          stage,
        });
        break;
      case 'reminder':
        facts.notifications.push({ at, roles: strings(data['roles']), reason: 'reminder', deadline: String(data['deadline']) });
        break;
      case 'deadline-breached': {
        const deadline = String(data['deadline']);
        const roles = breachNotify.get(deadline) ?? [];
        if (roles.length > 0) facts.notifications.push({ at, roles: [...roles], reason: 'breach', deadline });
        break;
      }
      case 'regraded':
        facts.regrades.push({ at, from: String(data['from']), to: String(data['to']) });
        break;
      default:
        break;
    }
  }
  const open = facts.stagePeriods[facts.stagePeriods.length - 1];
  if (open && open.to === null && incident.closed) open.to = endAt;
  return facts;
}

/** The roles each notify action of a transition reaches, keyed `<stage>:<event>`. */
function transitionNotifications(plan: PlanDefinition): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (stage: string, event: string, actions: ReadonlyArray<Record<string, unknown>> | undefined): void => {
    const roles = (actions ?? []).flatMap((a) => ('notify' in a && Array.isArray(a['notify']) ? (a['notify'] as string[]) : []));
    if (roles.length > 0) out.set(`${stage}:${event}`, [...(out.get(`${stage}:${event}`) ?? []), ...roles]);
  };
  for (const s of plan.stages) {
    for (const t of s.on) add(s.id, t.event, t.do);
    for (const track of s.tracks ?? []) for (const t of track.on) add(s.id, t.event, t.do);
  }
  for (const t of plan.transitions) {
    const stages = t.in === '*' ? plan.stages.filter((s) => s.final !== true).map((s) => s.id) : t.in;
    for (const s of stages) add(s, t.event, t.do);
  }
  return out;
}

/**
 * The duration (ms) of a deadline of the plan for a severity, or undefined when it depends on an
 * unknown severity.
 *
 * @example
 * ```ts
 * deadlineLimitMs(plan, 'pump-out', 'III'); // 86_400_000
 * ```
 */
export function deadlineLimitMs(plan: PlanDefinition, id: string, severity: string | null): number | undefined {
  const d = plan.deadlines.find((x) => x.id === id);
  if (d === undefined) return undefined;
  if (typeof d.due === 'string') return dueDurationMs(d.due, plan.timing);
  if ('clock' in d.due || 'band' in d.due) return undefined; // a time of day or a band: no fixed limit
  const text = severity === null ? undefined : (d.due as Record<string, string>)[severity];
  return text === undefined ? undefined : dueDurationMs(text, plan.timing);
}

function byOf(entry: TimelineEntry): { by?: Actor } {
  return entry.by === undefined ? {} : { by: entry.by };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.map(String) : [];
}
