import type { CompiledPlan } from '../../compile/compiled-plan.js';
import type { Clock } from '../clock.js';
import type { KeyedQueue } from '../keyed-queue.js';
import { CorruptIncidentError } from '../stores/incident-document.js';
import type { IncidentStore } from '../stores/store.js';
import type { DeadlineScheduler } from './deadline-scheduler.js';
import type { Deliver } from './effect-delivery.js';
import type { IncidentReader } from './incident-reader.js';
import type { Inspector } from './inspector.js';

const FAR_FUTURE = '9999-12-31T23:59:59.999Z';

/** What start-up needs of the engine. */
export interface StartUpParts {
  plan: CompiledPlan;
  store: IncidentStore;
  clock: Clock;
  queue: KeyedQueue;
  reader: IncidentReader;
  deliver: Deliver;
  scheduler: DeadlineScheduler;
  inspect: Inspector;
}

/**
 * What an engine does when created, before its first call is served: reports the incidents the
 * store found unreadable, delivers effects left in outboxes by a previous process (a crash between
 * a save and its delivery), and — on a clock that can schedule — wakes for every stored deadline.
 * Nothing here rejects: each failure is reported through `inspect` (a corrupt incident as
 * `corrupt`), and every other incident goes on.
 * @internal
 *
 * @example
 * const started = startUp({ plan, store, clock, queue, reader, deliver, scheduler, inspect });
 */
export async function startUp({ plan, store, clock, queue, reader, deliver, scheduler, inspect }: StartUpParts): Promise<void> {
  try {
    for (const { incidentId, error } of (await store.corrupt?.()) ?? []) {
      inspect({ type: 'error', incidentId, detail: { where: 'start', message: String(error) } });
    }
    const ids = store.withPendingEffects ? await store.withPendingEffects() : (await store.list()).filter((i) => i.outbox.length > 0).map((i) => i.id);
    for (const id of ids) {
      await queue
        .run(id, async () => {
          const incident = await reader.load(id, true);
          if (incident !== undefined && incident.planHash === plan.hash) await deliver(incident);
        })
        .catch((error: unknown) => {
          if (error instanceof CorruptIncidentError) inspect({ type: 'corrupt', incidentId: id, detail: { message: error.message } });
          else inspect({ type: 'error', incidentId: id, detail: { where: 'start', message: String(error) } });
        });
    }
    if (clock.schedule !== undefined) {
      scheduler.trackStored(await store.dueBefore(FAR_FUTURE));
      scheduler.schedule();
    }
  } catch (error) {
    inspect({ type: 'error', detail: { where: 'start', message: String(error) } });
  }
}
