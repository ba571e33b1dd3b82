import type { CompiledPlan } from '../../compile/compiled-plan.js';
import { catchUp } from '../apply-event.js';
import { withVersion } from '../change.js';
import type { IncidentSnapshot, TimelineEntry } from '../incident.js';
import { underPlan } from '../migrate-incident.js';
import type { DueDeadline } from '../stores/store.js';
import { RETRY, retryOnConflict } from './conflict-retry.js';
import type { Deliver } from './effect-delivery.js';
import type { IncidentWriter, Step } from './incident-writer.js';
import type { Inspector } from './inspector.js';

/** What firing needs of the engine. */
export interface FiringParts {
  plan: CompiledPlan;
  writer: IncidentWriter;
  deliver: Deliver;
  inspect: Inspector;
  maxRetries: number;
}

/** What a firing step found: nothing to do, nothing due (at `version`), or entries fired. */
type Fired = { kind: 'skipped' } | { kind: 'nothing-due'; version: number } | { kind: 'fired'; entries: readonly TimelineEntry[] };

/** Fires what is due on incident `id` at `now`; resolves to the number of firings. */
export type FireIncident = (id: string, now: number, listed: readonly DueDeadline[]) => Promise<number>;

/**
 * Fires what is due on one incident at `now` (`fire(id, now, listed)`), resolving to the number of
 * firings (reminders and breaches): the incident is caught up to `now` (each firing stamped at its
 * own due time), saved (under the store's lock where it has one), and its effects delivered.
 *
 * `listed` are the store's due items for this incident (claimed or found by `dueBefore`): the
 * store says something is due, so when the cached copy has nothing to fire it may predate the
 * arming (another engine armed the deadline) and the incident is read again as stored before
 * concluding there is nothing. A listed item that still leads to no firing is reported as
 * `claim-unfired`. A closed incident, or one that cannot be brought under this plan, fires nothing.
 * @internal
 *
 * @example
 * const fire = deadlineFiring({ plan, writer, deliver, inspect, maxRetries: 5 });
 * await fire('PO-1', clock.now(), []); // 1: a breach
 */
export function deadlineFiring({ plan, writer, deliver, inspect, maxRetries }: FiringParts): FireIncident {
  const step = (now: number) => (current: IncidentSnapshot): Step<Fired> => {
    if (current.closed) return { result: { kind: 'skipped' } };
    const ready = underPlan(plan, current, now);
    if ('error' in ready) {
      inspect({ type: 'error', incidentId: current.id, detail: { code: ready.error.code, message: ready.error.message } });
      return { result: { kind: 'skipped' } };
    }
    const entries = [...ready.entries];
    const caught = catchUp(plan, ready.incident, now, entries);
    if (entries.length === 0) return { result: { kind: 'nothing-due', version: current.version } };
    return { save: { incident: withVersion(caught, current.version + 1), entries }, result: { kind: 'fired', entries } };
  };

  return async (id, now, listed) => {
    const fired = await retryOnConflict(maxRetries, async (fresh) => {
      const written = await writer.write(id, fresh ? 'stored' : 'cached', step(now), { lock: true });
      if (written.status === 'conflict') return RETRY;
      if (written.status === 'missing') return 0;
      const outcome = written.result;
      if (written.status === 'saved' && outcome.kind === 'fired') {
        const breached = outcome.entries.filter((e) => e.type === 'deadline-breached').length;
        const count = breached + outcome.entries.filter((e) => e.type === 'reminder').length;
        inspect({ type: 'fired', incidentId: id, detail: { fired: count, breached } });
        await deliver(written.incident);
        return count;
      }
      if (outcome.kind !== 'nothing-due' || listed.length === 0) return 0;
      // Under the store's lock the incident was read as stored; otherwise read it again once.
      if (!fresh && !writer.locks) return RETRY;
      inspect({
        type: 'claim-unfired',
        incidentId: id,
        detail: { version: outcome.version, items: listed.map((item) => ({ deadline: item.deadlineId, instance: item.instance, dueAt: item.dueAt })) },
      });
      return 0;
    });
    if (fired !== undefined) return fired;
    inspect({ type: 'error', incidentId: id, detail: { where: 'runDue', message: 'version conflicts' } });
    return 0;
  };
}
