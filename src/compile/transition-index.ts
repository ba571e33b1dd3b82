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
  // One resolution per `by` list: a shared transition (`in`) is placed in many stages, and its
  // compiled copies share the (read-only) role list instead of resolving and sorting it per stage.
  const resolved = new Map<readonly string[], readonly string[]>();
  const rolesOf = (by: readonly string[]): readonly string[] => {
    let roles = resolved.get(by);
    if (roles === undefined) {
      roles = resolveBy(definition, by);
      resolved.set(by, roles);
    }
    return roles;
  };
  const compile = (t: Transition, key: string, stage: string, shared: boolean, track?: string): CompiledTransition => {
    const out: CompiledTransition = {
      key,
      event: t.event,
      stage,
      roles: Array.isArray(t.by) ? rolesOf(t.by) : [...new Set(Object.values(t.by).flatMap((by) => rolesOf(by)))].sort(),
      requires: t.requires ?? [],
      actions: t.do ?? [],
      shared,
    };
    if (!Array.isArray(t.by)) {
      out.rolesByLevel = Object.fromEntries(Object.entries(t.by).map(([level, by]) => [level, rolesOf(by)]));
      out.authority = t.authority ?? 'current';
    }
    if (t.delegable === true) out.delegable = true;
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
  // Stage sets of the shared transitions' `in` lists, built once (not searched per stage).
  const sharedIn = definition.transitions.map((t) => (t.in === '*' ? undefined : new Set(t.in)));
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
        const within = sharedIn[i];
        if (within === undefined || within.has(stage.id)) push(on, compile(t, `${stage.id}*${i}`, stage.id, true));
      });
    }
    const compiled: CompiledStage = { definition: stage, trackIds: [...tracks.keys()], tracks, on };
    const gated = (stage.final === true ? [] : (stage.tracks ?? [])).filter((track) => track.levels !== undefined);
    if (gated.length > 0) compiled.trackLevels = new Map(gated.map((track) => [track.id, track.levels ?? []]));
    stages.set(stage.id, compiled);
  }
  return { stages, transitions };
}
