import { compilePlan } from '../compile/compile-plan.js';
import type { CompiledPlan } from '../compile/compiled-plan.js';
import type { PlanDefinition } from '../dsl/schema/plan.js';

/** A plan as the testing API accepts it: a checked definition or a compiled plan. */
export type TestingPlan = PlanDefinition | CompiledPlan;

const cache = new WeakMap<PlanDefinition, CompiledPlan>();

/**
 * The compiled form of a plan, compiling (once per definition object) when given a definition.
 *
 * @example
 * ```ts
 * const compiled = compiledPlanOf(definition);
 * compiledPlanOf(definition) === compiled; // true (cached)
 * ```
 */
export function compiledPlanOf(plan: TestingPlan): CompiledPlan {
  if (isCompiled(plan)) return plan;
  let compiled = cache.get(plan);
  if (compiled === undefined) {
    compiled = compilePlan(plan);
    cache.set(plan, compiled);
  }
  return compiled;
}

function isCompiled(plan: TestingPlan): plan is CompiledPlan {
  return 'machine' in plan && 'definition' in plan;
}
