import type { CompiledPlan } from '../compile/compiled-plan.js';
import { IncidentChange } from './change.js';
import type { IncidentSnapshot, TimelineEntry } from './incident.js';

/**
 * Records how the outbox's effects were handled, at time `now`: each effect named in `outcomes`
 * (effect id → why it failed, or undefined once delivered) leaves the outbox with an
 * `effect-delivered` or `effect-failed` entry, in outbox order; the version goes up by one. Used
 * by the engine after delivering, and by `verifyIncident` to replay a delivery save.
 * @internal
 *
 * @example
 * const { incident, entries } = recordDeliveries(plan, current, new Map([['PO-1:0:0', undefined]]), clock.now());
 */
export function recordDeliveries(
  plan: CompiledPlan,
  incident: IncidentSnapshot,
  outcomes: ReadonlyMap<string, string | undefined>,
  now: number,
): { incident: IncidentSnapshot; entries: TimelineEntry[] } {
  const change = new IncidentChange(plan, incident, now);
  const draft = change.doc;
  draft.outbox = incident.outbox.filter((effect) => {
    if (!outcomes.has(effect.id)) return true;
    const error = outcomes.get(effect.id);
    const data = { effect: effect.id, name: effect.name };
    if (error === undefined) change.append('effect-delivered', 'delivered', data);
    else change.append('effect-failed', 'failed', { ...data, error });
    return false;
  });
  draft.version += 1;
  return { incident: change.commit(), entries: change.entries };
}
