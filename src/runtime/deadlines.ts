import type { CompiledDeadline } from '../compile/compiled-plan.js';
import { evaluateCondition } from '../compile/conditions.js';
import { dueAtMs, dueMs } from '../compile/deadline-table.js';
import type { IncidentChange } from './change.js';
import { iso, lastEntryMs, msOf } from './change.js';
import { instanceBaseMs } from './deadline-base.js';
import type { DeadlineInstance, Incident } from './incident.js';
import { lastRegradeValues } from './last-regrade.js';
import { runActions } from './plan-actions.js';

/** Longest run of firings one change may hold (a guard against a plan that re-arms at 0 ms). */
const MAX_FIRINGS = 10_000;

function deadlineOf(change: IncidentChange, id: string): CompiledDeadline | undefined {
  return change.plan.deadlineById.get(id);
}

/**
 * Arms a new instance of `d` measured from `base` if its due time can be known; returns whether it did.
 * `next` (a recurring re-arm from the previous due instant): a time-of-day due is the first such time
 * strictly after `base`, so a daily 21:00 deadline re-arms for tomorrow's 21:00, never for the instant just passed.
 */
function arm(change: IncidentChange, d: CompiledDeadline, base: number, key?: string, next = false): boolean {
  const draft = change.doc;
  const due = dueAtMs(d.due, draft.severity, next && d.due.kind === 'clock' ? base + 1 : base, draft.data);
  if (due === undefined) return false;
  const instance = draft.deadlines.reduce((n, x) => (x.id === d.id ? Math.max(n, x.instance) : n), 0) + 1;
  // Keys in canonical order (the state digest hashes engine-built objects as written).
  const fields = { armedAt: iso(change.now), baseAt: iso(base), dueAt: iso(due), id: d.id, instance };
  const rest = { remindersSent: [] as number[], stage: draft.stage, status: 'pending' as const };
  const inst: DeadlineInstance = key === undefined ? { ...fields, ...rest } : { ...fields, key, ...rest };
  draft.deadlines.push(inst);
  change.appendCanonical('deadline-armed', 'recorded', { deadline: d.id, dueAt: inst.dueAt, instance });
  return true;
}

function holds(change: IncidentChange, d: CompiledDeadline): boolean {
  if (d.when === undefined) return true;
  return evaluateCondition(d.when, d.readsChange ? { ...change.doc.data, ...lastRegradeValues(change.plan.severityOrder, change.doc) } : change.doc.data, change.doc.severity);
}

/** The base a deadline with `at` is measured from: that datetime field's value (ms), or undefined while it has none. */
function baseFromField(d: CompiledDeadline, data: Readonly<Record<string, unknown>>, fallback: number | undefined): number | undefined {
  if (d.at === undefined) return fallback;
  const value = data[d.at];
  const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  return Number.isFinite(ms) ? ms : undefined;
}

/**
 * The time (ms) of the last entry into `d`'s stage, from the timeline index; undefined when there
 * is none or an instance of `d` was armed since (its last `deadline-armed` entry comes after).
 */
function unarmedEntryTime(change: IncidentChange, d: CompiledDeadline): number | undefined {
  const index = change.doc.timelineIndex;
  const entered = d.stage === undefined ? undefined : index.stageEntered[d.stage];
  if (entered === undefined) return undefined;
  const armed = index.deadlineArmed[d.id];
  return armed !== undefined && armed > entered.seq ? undefined : msOf(entered.at);
}

/**
 * Cancels instances of `from: enter` deadlines of `stage` still pending when the stage is
 * entered again (the new entry arms a new instance).
 * @internal
 *
 * @example
 * cancelOnReentry(change, 'strategy'); // before arming the new entry's instance
 */
export function cancelOnReentry(change: IncidentChange, stage: string): void {
  change.doc.deadlines.forEach((inst, i) => {
    if (inst.status !== 'pending') return;
    const d = deadlineOf(change, inst.id);
    if (d?.from === 'enter' && d.stage === stage) cancel(change, i, 're-entered');
  });
}

function cancel(change: IncidentChange, index: number, reason: string): void {
  const inst = change.doc.deadlines[index];
  if (inst === undefined) return;
  change.patchInstance(index, { cancelledAt: iso(change.now), status: 'cancelled' });
  change.appendCanonical('deadline-cancelled', 'recorded', { deadline: inst.id, instance: inst.instance, reason });
}

/**
 * Brings deadlines in line with the incident after a change: cancels pending instances when the
 * incident closed, left their `within` stages or their `when` stopped holding; arms deadlines
 * whose time has come (`from: open` once, `from: enter` once per entry into the stage, each only
 * when its condition holds and its due time can be known).
 * @internal
 *
 * @example
 * sweepDeadlines(change); // after the stage, data or severity changed
 */
export function sweepDeadlines(change: IncidentChange): void {
  const draft = change.doc;
  draft.deadlines.forEach((inst, i) => {
    if (inst.status !== 'pending') return;
    const d = deadlineOf(change, inst.id);
    if (draft.closed) cancel(change, i, 'closed');
    else if (d === undefined) cancel(change, i, 'not-in-plan');
    else if (!d.within.has(draft.stage)) cancel(change, i, 'left-stages');
    else if (!holds(change, d)) cancel(change, i, 'condition');
    else if (d.due.kind === 'band') rebaseOnBand(change, d, i);
  });
  markConditionEnded(change);
  if (draft.closed) return;
  for (const d of change.plan.deadlines) {
    // `from: event` deadlines are armed by their event (armOnEvent), never here.
    if (d.from === 'event' || !d.within.has(draft.stage)) continue;
    // Not while an instance is pending (for `from: open`, once ever unless cancelled; for
    // `from: condition`, again only once the condition stopped holding since the last instance:
    // that one was cancelled, or it was met or breached and the condition ended after it).
    let last: DeadlineInstance | undefined;
    let blocked = false;
    for (const x of draft.deadlines) {
      if (x.id !== d.id) continue;
      last = x;
      if (x.status === 'pending' || (d.from === 'open' && x.status !== 'cancelled')) blocked = true;
    }
    if (blocked || (d.from === 'condition' && last !== undefined && last.status !== 'cancelled' && last.conditionEndedAt === undefined)) continue;
    const at = d.from === 'open' ? msOf(draft.openedAt) : d.from === 'condition' ? change.now : d.stage === draft.stage ? unarmedEntryTime(change, d) : undefined;
    const base = at === undefined ? undefined : baseFromField(d, draft.data, at);
    if (base !== undefined && holds(change, d)) arm(change, d, base);
  }
}

/**
 * Marks the last settled (met or breached) instance of each `from: condition` deadline whose
 * condition no longer holds with `conditionEndedAt`: the condition becoming true again after that
 * is a new occurrence and arms a new instance (a met or breached instance whose condition still
 * holds arms nothing).
 */
function markConditionEnded(change: IncidentChange): void {
  const draft = change.doc;
  const last = new Map<string, number>();
  draft.deadlines.forEach((inst, i) => last.set(inst.id, i));
  for (const [id, index] of last) {
    const inst = draft.deadlines[index] as DeadlineInstance;
    if (inst.status === 'pending' || inst.status === 'cancelled' || inst.conditionEndedAt !== undefined) continue;
    const d = deadlineOf(change, id);
    if (d?.from === 'condition' && !holds(change, d)) change.patchInstance(index, { conditionEndedAt: iso(change.now) });
  }
}

/**
 * A pending instance of a band deadline whose measured value moved to another band is measured
 * again from now with the new band's duration (a report that both meets it and moves the value
 * re-arms it first, so it is never re-based, nor breached, by that report).
 */
function rebaseOnBand(change: IncidentChange, d: CompiledDeadline, index: number): void {
  const inst = change.doc.deadlines[index] as DeadlineInstance;
  const ms = dueMs(d.due, change.doc.severity, change.doc.data);
  if (ms === undefined || msOf(inst.dueAt) - instanceBaseMs(inst) === ms) return;
  const dueAt = iso(change.now + ms);
  change.patchInstance(index, { baseAt: iso(change.now), dueAt });
  change.append('deadline-recomputed', 'recorded', { deadline: inst.id, dueAt, instance: inst.instance, previousDueAt: inst.dueAt, reason: 'band' });
}

/**
 * Arms the `from: event` deadlines of an accepted event (after its transition): one instance per
 * event with `each`, otherwise only when none is pending; measured from the event, or from its
 * `at` field (the occurrence time); with `match`, the instance keeps the event's value of that field.
 * @internal
 *
 * @example
 * armOnEvent(change, 'DANGER_FOUND', { siteId: 'dike-3', occurredAt: '2026-07-01T08:00:00+08:00' });
 */
export function armOnEvent(change: IncidentChange, event: string, data: Readonly<Record<string, unknown>>): void {
  const draft = change.doc;
  if (draft.closed) return;
  for (const d of change.plan.deadlines) {
    if (d.from !== 'event' || d.event !== event || !d.within.has(draft.stage) || !holds(change, d)) continue;
    if (!d.each && draft.deadlines.some((x) => x.id === d.id && x.status === 'pending')) continue;
    const base = baseFromField(d, { ...draft.data, ...data }, change.now);
    if (base === undefined) continue;
    const key = d.match === undefined || data[d.match] === undefined ? undefined : String(data[d.match]);
    arm(change, d, base, key);
  }
}

/**
 * Meets every pending instance whose deadline lists `event` in `metBy`; a recurring deadline
 * still within its stages is armed again, measured from now.
 * @internal
 *
 * @example
 * meetDeadlines(change, 'RECORD_READING'); // meets monitor-reading and re-arms it
 */
export function meetDeadlines(change: IncidentChange, event: string, data: Readonly<Record<string, unknown>> = {}): void {
  const draft = change.doc;
  const count = draft.deadlines.length;
  for (let i = 0; i < count; i++) {
    const inst = draft.deadlines[i];
    if (inst === undefined || inst.status !== 'pending') continue;
    const d = deadlineOf(change, inst.id);
    if (d === undefined || !d.metBy.has(event)) continue;
    // With `match`, only the event about the same thing (the same value of the field) meets it.
    if (d.match !== undefined && inst.key !== undefined && String(data[d.match]) !== inst.key) continue;
    change.patchInstance(i, { metAt: iso(change.now), status: 'met' });
    change.appendCanonical('deadline-met', 'recorded', { deadline: inst.id, event, instance: inst.instance });
    // A time-of-day due re-arms for the next occurrence after the one just met, not for it again.
    if (d.recurring && d.within.has(draft.stage) && holds(change, d)) {
      if (d.due.kind === 'clock') arm(change, d, msOf(inst.dueAt), undefined, true);
      else arm(change, d, change.now);
    }
  }
}

/** The next thing due on an instance: a reminder (with its offset) or the breach. */
interface DueItem {
  at: number;
  index: number;
  reminder?: { beforeMs: number; notify: readonly string[] };
}

function nextItem(incident: Pick<Incident, 'deadlines'>, deadlines: ReadonlyMap<string, CompiledDeadline>): DueItem | undefined {
  let best: DueItem | undefined;
  incident.deadlines.forEach((inst, index) => {
    if (inst.status !== 'pending') return;
    const due = msOf(inst.dueAt);
    const d = deadlines.get(inst.id);
    for (const r of d?.reminders ?? []) {
      if (inst.remindersSent.includes(r.beforeMs)) continue;
      const at = due - r.beforeMs;
      if (best === undefined || at < best.at) best = { at, index, reminder: r };
    }
    // With `timing.dueInstant: meets` the due instant still meets it: the breach comes 1 ms after.
    const breachAt = due + (d?.graceMs ?? 0);
    if (best === undefined || breachAt < best.at) best = { at: breachAt, index };
  });
  return best;
}

/**
 * The earliest time (ms) something is due on an incident (a reminder or a breach), or undefined.
 * @internal
 *
 * @example
 * nextDueMs(incident, plan.deadlineById); // e.g. Date.parse('2024-05-01T08:20:00Z')
 */
export function nextDueMs(incident: Pick<Incident, 'deadlines' | 'closed'>, deadlines: ReadonlyMap<string, CompiledDeadline>): number | undefined {
  if (incident.closed) return undefined;
  return nextItem(incident, deadlines)?.at;
}

/**
 * Fires, in due order, every reminder and breach due at or before `until`, each stamped at its
 * own due time (never before the last timeline entry). A breach is recorded once, runs the
 * deadline's breach actions, and re-arms a recurring deadline from the breached due time.
 * Returns the number of firings.
 * @internal
 *
 * @example
 * const fired = fireDue(change, clock.now());
 */
export function fireDue(change: IncidentChange, until: number): number {
  const draft = change.doc;
  const resume = change.now;
  let fired = 0;
  while (!draft.closed && fired < MAX_FIRINGS) {
    const item = nextItem(draft, change.plan.deadlineById);
    if (item === undefined || item.at > until) break;
    const inst = draft.deadlines[item.index] as DeadlineInstance;
    const d = deadlineOf(change, inst.id);
    change.now = Math.max(item.at, lastEntryMs(change.doc));
    fired++;
    if (item.reminder !== undefined) {
      change.patchInstance(item.index, { remindersSent: [...inst.remindersSent, item.reminder.beforeMs] });
      const entry = change.append('reminder', 'fired', {
        before: item.reminder.beforeMs,
        deadline: inst.id,
        dueAt: inst.dueAt,
        instance: inst.instance,
        roles: [...item.reminder.notify],
      });
      change.queueEffect(
        'notify',
        { deadline: inst.id, dueAt: inst.dueAt, instance: inst.instance, reason: 'reminder', roles: [...item.reminder.notify] },
        entry,
      );
      continue;
    }
    change.patchInstance(item.index, { breachedAt: iso(change.now), status: 'breached' });
    const entry = change.appendCanonical('deadline-breached', 'fired', { deadline: inst.id, dueAt: inst.dueAt, instance: inst.instance });
    if (d !== undefined) {
      runActions(change, d.breach, entry, { deadline: inst.id, dueAt: inst.dueAt, instance: inst.instance, reason: 'breach' });
      // Re-armed from the breached due time; a time-of-day due for its next occurrence (the first
      // such time strictly after the one breached, e.g. tomorrow's 21:00).
      const previous = msOf(inst.dueAt);
      const next = dueAtMs(d.due, draft.severity, d.due.kind === 'clock' ? previous + 1 : previous, draft.data);
      if (d.recurring && next !== undefined && next > previous && d.within.has(draft.stage) && holds(change, d)) {
        arm(change, d, previous, undefined, true);
      }
    }
    sweepDeadlines(change);
  }
  change.now = Math.max(resume, change.now);
  return fired;
}
