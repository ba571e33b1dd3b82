import type { CompiledPlan } from '../../compile/compiled-plan.js';
import { applyDecision, catchUp } from '../apply-event.js';
import type { Clock } from '../clock.js';
import { decideEvent, type ValidEvent } from '../decide-event.js';
import type { SendResult } from '../engine-types.js';
import type { IncidentSnapshot, TimelineEntry } from '../incident.js';
import { underPlan } from '../migrate-incident.js';
import { sendError, type SendError } from '../send-error.js';
import { CorruptIncidentError } from '../stores/incident-document.js';
import { RETRY, retryOnConflict } from './conflict-retry.js';
import type { DeadlineScheduler } from './deadline-scheduler.js';
import type { Deliver } from './effect-delivery.js';
import type { IncidentWriter, Step } from './incident-writer.js';
import type { Inspector } from './inspector.js';

/** What the send pipeline needs of the engine. */
export interface SendParts {
  plan: CompiledPlan;
  clock: Clock;
  writer: IncidentWriter;
  deliver: Deliver;
  scheduler: DeadlineScheduler;
  inspect: Inspector;
  maxRetries: number;
}

/** What the step decided: the refusal recorded with the save (none: accepted), or an error that saved nothing. */
type Decided = { saved: true; refusal?: SendError } | { saved: false; error: SendError };

/**
 * The steps of one event on the incident as it is, at the clock's time — all pure:
 * 1. the incident under this plan (migrated when saved under an older plan version);
 * 2. catch-up: what fell due before the event fires first (`catchUp`);
 * 3. **decide** (`decideEvent`): authorization, data, guards and the XState step, changing nothing;
 * 4. **apply** (`applyDecision`): the next snapshot (version + 1), each change **recorded** as a
 *    timeline entry (a refusal as a `rejected` entry).
 * What it returns is then sealed and saved by the writer.
 */
function eventStep(plan: CompiledPlan, event: ValidEvent, clock: Clock) {
  return (current: IncidentSnapshot): Step<Decided> => {
    // Read when the step runs (after the store's lock is held, where it has one).
    const now = clock.now();
    const ready = underPlan(plan, current, now);
    if ('error' in ready) return { result: { saved: false, error: ready.error } };
    const entries: TimelineEntry[] = [...ready.entries];
    const caughtUp = catchUp(plan, ready.incident, now, entries);
    const decision = decideEvent(plan, caughtUp, event);
    const applied = applyDecision(plan, caughtUp, event, decision, now);
    for (const entry of applied.entries) entries.push(entry);
    return { save: { incident: applied.incident, entries }, result: applied.error === undefined ? { saved: true } : { saved: true, refusal: applied.error } };
  };
}

/**
 * The engine's send: decide → apply → record ({@link eventStep}) → seal and save (the writer:
 * under the store's lock where it has one, else optimistically, retried from the stored incident
 * after a version conflict) → deliver the effects the save queued → schedule the next wake-up.
 * Resolves to the send's result; never rejects for a refusal (a refusal is saved too: the
 * timeline records who tried what).
 * @internal
 *
 * @example
 * const send = sendPipeline({ plan, clock, writer, deliver, scheduler, inspect, maxRetries: 5 });
 * const result = await send('PO-1', { type: 'REPORT', by, data });
 */
export function sendPipeline({ plan, clock, writer, deliver, scheduler, inspect, maxRetries }: SendParts): (id: string, event: ValidEvent) => Promise<SendResult> {
  return async (id, event) => {
    const result = await retryOnConflict(maxRetries, async (fresh): Promise<SendResult | typeof RETRY> => {
      let written;
      try {
        written = await writer.write(id, fresh ? 'stored' : 'cached', eventStep(plan, event, clock), { lock: true });
      } catch (error) {
        // A stored incident that fails its checks (state-binding.ts) is refused; no other incident is affected.
        if (error instanceof CorruptIncidentError) return { ok: false, error: sendError('corrupt', `incident ${id} is refused: ${error.message}`, { incidentId: id }) };
        throw error;
      }
      if (written.status === 'conflict') return RETRY;
      if (written.status === 'missing') return { ok: false, error: sendError('not-found', `no incident "${id}"`, { incidentId: id }) };
      const decided = written.result;
      if (!decided.saved) return { ok: false, error: decided.error };
      if (written.status !== 'saved') throw new Error(`incident ${id}: the event's change was not saved`);
      const { refusal } = decided;
      if (inspect.active) {
        inspect(
          refusal === undefined
            ? { type: 'accepted', incidentId: id, detail: { event: event.type } }
            : { type: 'rejected', incidentId: id, detail: { event: event.type, code: refusal.code } },
        );
      }
      const delivered = written.incident.outbox.length === 0 ? { incident: written.incident, entries: [] } : await deliver(written.incident);
      scheduler.schedule();
      const entries = delivered.entries.length === 0 ? written.entries : written.entries.concat(delivered.entries);
      return refusal === undefined ? { ok: true, incident: delivered.incident, entries } : { ok: false, error: refusal, incident: delivered.incident, entries };
    });
    return (
      result ?? {
        ok: false,
        error: sendError('conflict', `incident ${id} kept changing elsewhere; gave up after ${maxRetries + 1} attempts`, { attempts: maxRetries + 1, incidentId: id }),
      }
    );
  };
}
