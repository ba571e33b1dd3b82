import { PlanError } from '../diagnostics/plan-error.js';
import { checkPlan } from './check-plan.js';
import type { CheckPlanOptions, PlanSource } from './plan-input.js';
import type { PlanDefinition } from './schema/plan.js';

/**
 * Load a plan (file, text or object) and return its normalized definition, or throw a
 * {@link PlanError} holding every diagnostic when it has errors.
 *
 * @example
 * const plan = loadPlan({ file: 'plans/public-opinion.plan.yaml' });
 * plan.id; // 'public-opinion'
 */
export function loadPlan(input: PlanSource, options: CheckPlanOptions = {}): PlanDefinition {
  const result = checkPlan(input, options);
  if (!result.ok || result.plan === undefined) throw new PlanError(result.diagnostics);
  return result.plan;
}
