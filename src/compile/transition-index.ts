import type { PlanDefinition } from '../dsl/schema/plan.js';
import type { Transition } from '../dsl/schema/transition.js';
import { resolveBy } from './authorization.js';
import type { CompiledStage, CompiledTransition } from './compiled-plan.js';

/**
 * Places every transition of the plan in its stage (own, track, or shared via `in`) with `by`
 * resolved to roles, and indexes them by stage and event.
 *
 * @example
 * const { stages, transitions } = indexTransitions(plan);
 * stages.get('assess')?.on.get('ASSESS')?.[0]?.roles; // ['it-head']
 */
export function indexTransitions(definition: PlanDefinition): {
  stages: Map<string, CompiledStage>;
  transitions: Map<string, CompiledTransition>;
} {
  const stages = new Map<string, CompiledStage>();
  const transitions = new Map<string, CompiledTransition>();
  const compile = (t: Transition, key: string, stage: string, shared: boolean, track?: string): CompiledTransition => {
    const out: CompiledTransition = {
      key,
      event: t.event,
      stage,
      roles: resolveBy(definition, t.by),
      requires: t.requires ?? [],
      actions: t.do ?? [],
      shared,
    };
    if (track !== undefined) out.track = track;
    if (t.when !== undefined) out.when = t.when;
    if (t.target !== undefined) out.target = t.target;
    if (t.targets !== undefined) out.targets = t.targets;
    transitions.set(key, out);
    return out;
  };
  const push = (map: Map<string, CompiledTransition[]>, t: CompiledTransition): void => {
    const list = map.get(t.event);
    if (list === undefined) map.set(t.event, [t]);
    else list.push(t);
  };
  for (const stage of definition.stages) {
    const on = new Map<string, CompiledTransition[]>();
    const tracks = new Map<string, Map<string, CompiledTransition[]>>();
    if (stage.final !== true) {
      stage.on.forEach((t, i) => push(on, compile(t, `${stage.id}#${i}`, stage.id, false)));
      for (const track of stage.tracks ?? []) {
        const trackOn = new Map<string, CompiledTransition[]>();
        track.on.forEach((t, i) => push(trackOn, compile(t, `${stage.id}/${track.id}#${i}`, stage.id, false, track.id)));
        tracks.set(track.id, trackOn);
      }
      definition.transitions.forEach((t, i) => {
        if (t.in === '*' || t.in.includes(stage.id)) push(on, compile(t, `${stage.id}*${i}`, stage.id, true));
      });
    }
    stages.set(stage.id, { definition: stage, trackIds: [...tracks.keys()], tracks, on });
  }
  return { stages, transitions };
}
