import { isAuthorized } from '../compile/authorization.js';
import type { CompiledPlan, CompiledTransition } from '../compile/compiled-plan.js';
import type { Actor, Incident } from './incident.js';

/** One event an actor may send to an incident now, as {@link availableEvents} lists it. */
export interface AvailableEvent {
  /** The event id. */
  event: string;
  /** Fields the event must carry: the event's own `requires` and those of the transitions open to the actor here. */
  requires: string[];
  /** Fields it may carry besides. */
  optional: string[];
  /** Where it is accepted: the stage, or `stage/track` for a track's event. */
  at: string[];
  /** Whether some transition it could take has a `when` condition (the data decides whether it is accepted). */
  conditional: boolean;
  /** Stages it may lead to (empty when it stays in the stage). */
  targets: string[];
}

/**
 * The events `actor` may send to `incident` now, by the same rules as `engine.send`: the
 * transitions of the incident's stage and of its tracks not yet done, the plan's shared transitions
 * placed in that stage, and only those whose `by` grants one of the actor's roles. A closed
 * incident accepts nothing. Conditions (`when`) are not evaluated: they depend on the data sent,
 * and the event is flagged `conditional` instead. Ordered as the plan declares the events.
 *
 * @example
 * const open = availableEvents(engine.plan, incident, { id: 'zhang', roles: ['department-head'] });
 * open.map((e) => e.event); // e.g. ['APPROVE_STRATEGY', 'REGRADE', 'NOTE']
 */
export function availableEvents(plan: CompiledPlan, incident: Pick<Incident, 'stage' | 'tracks' | 'severity' | 'data' | 'closed'>, actor: Actor): AvailableEvent[] {
  if (incident.closed) return [];
  const stage = plan.stages.get(incident.stage);
  if (stage === undefined) return [];
  const candidates: Array<{ at: string; transition: CompiledTransition }> = [];
  for (const track of stage.trackIds) {
    if (!incident.tracks.includes(track)) continue;
    for (const list of stage.tracks.get(track)?.values() ?? []) for (const t of list) candidates.push({ at: `${stage.definition.id}/${track}`, transition: t });
  }
  for (const list of stage.on.values()) for (const t of list) candidates.push({ at: stage.definition.id, transition: t });
  const byEvent = new Map<string, AvailableEvent>();
  for (const { at, transition } of candidates) {
    if (!isAuthorized(actor.roles, transition.roles)) continue;
    const declaration = plan.events.get(transition.event);
    let entry = byEvent.get(transition.event);
    if (entry === undefined) {
      entry = {
        event: transition.event,
        requires: [...(declaration?.requires ?? [])],
        optional: [...(declaration?.optional ?? [])],
        at: [],
        conditional: false,
        targets: [],
      };
      byEvent.set(transition.event, entry);
    }
    if (!entry.at.includes(at)) entry.at.push(at);
    for (const field of transition.requires) if (!entry.requires.includes(field)) entry.requires.push(field);
    entry.optional = entry.optional.filter((field) => !entry.requires.includes(field));
    if (transition.when !== undefined || (transition.targets ?? []).some((b) => b.when !== undefined)) entry.conditional = true;
    const targets = transition.targets?.map((b) => b.target) ?? (transition.target === undefined ? [] : [transition.target]);
    for (const target of targets) if (!entry.targets.includes(target)) entry.targets.push(target);
  }
  const order = [...plan.events.keys()];
  return [...byEvent.values()].sort((a, b) => order.indexOf(a.event) - order.indexOf(b.event));
}
