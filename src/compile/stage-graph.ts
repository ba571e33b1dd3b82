import type { CompiledStage, CompiledTransition } from './compiled-plan.js';

/**
 * Every transition of a stage: its own and the shared ones, then its tracks' (in plan order).
 *
 * @example
 * stageTransitions(stages.get('assess')!).map((t) => t.event); // ['ASSESS', 'CLOSE']
 */
export function stageTransitions(stage: CompiledStage): CompiledTransition[] {
  return [...stage.on.values(), ...[...stage.tracks.values()].flatMap((m) => [...m.values()])].flat();
}

/**
 * The stage graph: stage id → the stages one transition away (targets, branch targets, and a
 * stage's `done` target once its tracks are done).
 *
 * @example
 * stageSuccessors(stages).get('assess'); // Set { 'strategy', 'closed' }
 */
export function stageSuccessors(stages: ReadonlyMap<string, CompiledStage>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [id, stage] of stages) {
    const next = new Set<string>();
    for (const t of stageTransitions(stage)) {
      if (t.target !== undefined) next.add(t.target);
      for (const b of t.targets ?? []) next.add(b.target);
    }
    if (stage.definition.done !== undefined && stage.trackIds.length > 0) next.add(stage.definition.done);
    out.set(id, next);
  }
  return out;
}

/**
 * The stages from which one of `goals` can be reached (each goal reaches itself).
 *
 * @example
 * stagesReaching(successors, new Set(['respond'])); // Set { 'report', 'assess', 'strategy', 'respond', 'monitor' }
 */
export function stagesReaching(successors: ReadonlyMap<string, ReadonlySet<string>>, goals: ReadonlySet<string>): Set<string> {
  const reached = new Set(goals);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [stage, next] of successors) {
      if (reached.has(stage)) continue;
      for (const n of next) {
        if (reached.has(n)) {
          reached.add(stage);
          grew = true;
          break;
        }
      }
    }
  }
  return reached;
}
