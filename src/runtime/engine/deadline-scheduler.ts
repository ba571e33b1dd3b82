import type { CompiledPlan } from '../../compile/compiled-plan.js';
import { iso, msOf } from '../change.js';
import type { Clock } from '../clock.js';
import { nextDueMs } from '../deadlines.js';
import type { IncidentSnapshot } from '../incident.js';
import type { KeyedQueue } from '../keyed-queue.js';
import { CorruptIncidentError } from '../stores/incident-document.js';
import type { DueDeadline, IncidentStore } from '../stores/store.js';
import type { EngineInstruments } from '../telemetry.js';
import { WakeTimes } from '../wake-times.js';
import type { FireIncident } from './deadline-firing.js';
import type { Inspector } from './inspector.js';

/** Longest the self-scheduling engine sleeps before looking for due deadlines again (ms). */
const MAX_SLEEP_MS = 60_000;

/** The engine's deadline scheduler. */
export interface DeadlineScheduler {
  /** Notes when `incident` next needs the engine (its earliest reminder or breach; none once closed). */
  track(incident: IncidentSnapshot): void;
  /** Notes the stored due items (at start-up): each incident wakes its earliest reminder ahead of them. */
  trackStored(items: readonly DueDeadline[]): void;
  /** Sets the timer for the earliest wake time (at most a minute ahead), on a clock that can schedule. */
  schedule(): void;
  /** Fires every deadline and reminder due at the clock's time, in due order; resolves to the number fired. */
  runDue(): Promise<number>;
  /** Cancels the timer; no timer is set after this. */
  stop(): void;
}

/** What the scheduler needs of the engine. */
export interface SchedulerParts {
  plan: CompiledPlan;
  store: IncidentStore;
  clock: Clock;
  queue: KeyedQueue;
  fire: FireIncident;
  inspect: Inspector;
  instruments: EngineInstruments | undefined;
  /** This engine's name in `store.claimDue` leases, and the lease asked for (ms). */
  owner: string;
  leaseMs: number;
}

/**
 * The engine's deadline scheduler: wake times (when each incident next needs the engine), a
 * timer on the clock for the earliest of them, and `runDue`, which asks the store for what is due
 * (claimed, with a multi-process store) and fires each incident in its queue. Deadlines are not
 * left to XState `after` timers (docs/semantics.md "Durable deadlines").
 * @internal
 *
 * @example
 * const scheduler = deadlineScheduler({ plan, store, clock, queue, fire, inspect, instruments, owner, leaseMs: 60_000 });
 * scheduler.track(incident);
 * scheduler.schedule();
 */
export function deadlineScheduler({ plan, store, clock, queue, fire, inspect, instruments, owner, leaseMs }: SchedulerParts): DeadlineScheduler {
  const wake = new WakeTimes();
  let stopped = false;
  let timer: { at: number; cancel: () => void } | undefined;

  const runDue = async (): Promise<number> => {
    const now = clock.now();
    // Stores list instances by due time; a reminder is due up to `maxReminderMs` earlier, so look
    // that far ahead. With a multi-process store, claim only what is due now (a claim leases the
    // item to this engine; claiming early would hold it back from others): reminders are then
    // found with the plain query, and firing stays exactly-once through the version check.
    const horizon = iso(now + plan.maxReminderMs);
    const items = store.claimDue
      ? [
          ...(await store.claimDue(iso(now), owner, leaseMs, 10_000)),
          ...(plan.maxReminderMs > 0 ? await store.dueBefore(horizon) : []),
        ]
      : await store.dueBefore(horizon);
    items.sort((a, b) => msOf(a.dueAt) - msOf(b.dueAt) || (a.incidentId < b.incidentId ? -1 : a.incidentId > b.incidentId ? 1 : 0));
    /** Incident id → the store's due items for it (empty for an incident only this engine's wake times name). */
    const listedById = new Map<string, DueDeadline[]>();
    for (const item of items) {
      const listed = listedById.get(item.incidentId);
      if (listed === undefined) listedById.set(item.incidentId, [item]);
      else listed.push(item);
    }
    for (const id of wake.dueBy(now)) if (!listedById.has(id)) listedById.set(id, []);
    let fired = 0;
    for (const [id, listed] of listedById) {
      const fireOne = () => queue.run(id, () => fire(id, now, listed));
      try {
        fired += instruments === undefined ? await fireOne() : await instruments.span('planwright.fire', { 'planwright.incident_id': id }, fireOne, (count) => ({ 'planwright.fired': count }));
      } catch (error) {
        // One incident that cannot be read or saved must not stop the deadlines of the others: a
        // corrupt one is reported as such, anything else as an error, and the run goes on.
        if (error instanceof CorruptIncidentError) inspect({ type: 'corrupt', incidentId: id, detail: { message: error.message } });
        else inspect({ type: 'error', incidentId: id, detail: { where: 'runDue', message: String(error) } });
      }
    }
    return fired;
  };

  const schedule = (): void => {
    if (stopped || clock.schedule === undefined) return;
    const now = clock.now();
    const at = Math.min(now + MAX_SLEEP_MS, wake.earliest() ?? Infinity);
    if (timer !== undefined && timer.at <= at) return;
    timer?.cancel();
    const target = Math.max(at, now);
    const cancel = clock.schedule(target, () => {
      timer = undefined;
      if (stopped) return;
      void runDue()
        .catch((error: unknown) => inspect({ type: 'error', detail: { where: 'scheduler', message: String(error) } }))
        .finally(schedule);
    });
    timer = { at: target, cancel };
  };

  return {
    track(incident) {
      const next = nextDueMs(incident, plan.deadlineById);
      if (next === undefined) wake.delete(incident.id);
      else wake.set(incident.id, next);
    },
    trackStored(items) {
      for (const item of items) {
        const at = Date.parse(item.dueAt) - plan.maxReminderMs;
        if (!(at >= (wake.get(item.incidentId) ?? Infinity))) wake.set(item.incidentId, at);
      }
    },
    schedule,
    runDue,
    stop() {
      stopped = true;
      timer?.cancel();
      timer = undefined;
    },
  };
}
