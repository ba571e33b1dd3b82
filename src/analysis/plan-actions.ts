import type { DocumentPath } from '../diagnostics/diagnostic.js';
import type { Action } from '../dsl/schema/action.js';
import type { PlanDefinition } from '../dsl/schema/plan.js';

/** An action of the plan and where it is written. */
export interface ActionSite {
  readonly action: Action;
  /** JSON path of the action object. */
  readonly path: DocumentPath;
}

/**
 * Every action the plan writes, in plan order: stage `enter` actions, transition `do` actions
 * (stages, tracks, shared transitions) and deadline `breach` actions.
 *
 * @example
 * planActions(plan).filter((a) => 'template' in a.action).map((a) => a.path);
 * // [['stages', 3, 'tracks', 0, 'on', 0, 'do', 0]]
 */
export function planActions(plan: PlanDefinition): ActionSite[] {
  const out: ActionSite[] = [];
  const push = (actions: readonly Action[] | undefined, path: DocumentPath): void => {
    actions?.forEach((action, i) => out.push({ action, path: [...path, i] }));
  };
  plan.stages.forEach((stage, i) => {
    push(stage.enter, ['stages', i, 'enter']);
    stage.on.forEach((t, j) => push(t.do, ['stages', i, 'on', j, 'do']));
    stage.tracks?.forEach((track, k) => track.on.forEach((t, j) => push(t.do, ['stages', i, 'tracks', k, 'on', j, 'do'])));
  });
  plan.transitions.forEach((t, j) => push(t.do, ['transitions', j, 'do']));
  plan.deadlines.forEach((d, i) => push(d.breach, ['deadlines', i, 'breach']));
  return out;
}
