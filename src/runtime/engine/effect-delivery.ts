import type { CompiledPlan } from '../../compile/compiled-plan.js';
import { lastEntryMs } from '../change.js';
import type { Clock } from '../clock.js';
import type { EffectHandler } from '../engine-types.js';
import type { IncidentSnapshot, TimelineEntry } from '../incident.js';
import { recordDeliveries } from '../record-deliveries.js';
import { RETRY, retryOnConflict } from './conflict-retry.js';
import type { IncidentWriter } from './incident-writer.js';
import type { Inspector } from './inspector.js';

/** The snapshot after delivery, and the `effect-delivered` / `effect-failed` entries saved (none when nothing was recorded). */
export interface Delivered {
  incident: IncidentSnapshot;
  entries: readonly TimelineEntry[];
}

/** Delivers a saved snapshot's outbox. */
export type Deliver = (incident: IncidentSnapshot) => Promise<Delivered>;

/** What effect delivery needs of the engine. */
export interface DeliveryParts {
  plan: CompiledPlan;
  effects: Readonly<Record<string, EffectHandler | undefined>>;
  clock: Clock;
  writer: IncidentWriter;
  inspect: Inspector;
  maxRetries: number;
}

/**
 * The engine's effect delivery, the last step after a save: hands each effect of the saved
 * incident's outbox to its host handler (once), then records how each went — `effect-delivered`
 * or `effect-failed`, the effect leaving the outbox — as a save of its own, retried on version
 * conflicts from the stored snapshot. Resolves to the snapshot as saved (the given one when its
 * outbox was empty) and the entries recorded. Delivery is at least once: a crash before the record saves delivers again on
 * the next start.
 * @internal
 *
 * @example
 * const deliver = effectDelivery({ plan, effects, clock, writer, inspect, maxRetries: 5 });
 * const delivered = await deliver(saved);
 */
export function effectDelivery({ plan, effects, clock, writer, inspect, maxRetries }: DeliveryParts): Deliver {
  /** Hands each effect to its handler; returns effect id → why it failed, or undefined once delivered. */
  const handOver = async (incident: IncidentSnapshot): Promise<Map<string, string | undefined>> => {
    const outcomes = new Map<string, string | undefined>();
    for (const effect of incident.outbox) {
      const handler = effects[effect.name];
      let error: string | undefined;
      if (handler === undefined) error = `no handler for effect "${effect.name}"`;
      else {
        try {
          await handler(effect, { incident, plan });
        } catch (thrown) {
          error = thrown instanceof Error ? thrown.message : String(thrown);
        }
      }
      inspect({
        type: 'effect',
        incidentId: incident.id,
        detail: { effect: effect.id, name: effect.name, ok: error === undefined, ...(error === undefined ? {} : { error }) },
      });
      outcomes.set(effect.id, error);
    }
    return outcomes;
  };

  return async (incident) => {
    if (incident.outbox.length === 0) return { incident, entries: [] };
    const outcomes = await handOver(incident);
    /** The newest version seen: what delivery resolves to when the incident is gone or conflicts never end. */
    let latest = incident;
    const recorded = await retryOnConflict(maxRetries, async (fresh): Promise<Delivered | typeof RETRY> => {
      const written = await writer.write(
        incident.id,
        fresh ? 'stored' : incident,
        (current) => {
          latest = current;
          const record = recordDeliveries(plan, current, outcomes, Math.max(clock.now(), lastEntryMs(current)));
          return record.entries.length === 0 ? { result: current } : { save: record, result: current };
        },
        { lock: false },
      );
      if (written.status === 'conflict') return RETRY;
      if (written.status === 'missing') return { incident: latest, entries: [] };
      return { incident: written.incident, entries: written.status === 'saved' ? written.entries : [] };
    });
    if (recorded !== undefined) return recorded;
    inspect({ type: 'error', incidentId: latest.id, detail: { where: 'deliver', message: 'outbox not cleared after version conflicts' } });
    return { incident: latest, entries: [] };
  };
}
