export { compilePlan } from './compile-plan.js';
export { CompileError, type CompileProblem } from './compile-error.js';
export type {
  AuthorizationTable,
  CompiledDeadline,
  CompiledDue,
  CompiledSuggestion,
  CompiledPlan,
  CompiledStage,
  CompiledTransition,
} from './compiled-plan.js';
export { evaluateCondition } from './conditions.js';
export { resolveBy, isAuthorized, ANY_ROLE } from './authorization.js';
export { canonicalJson, canonicalize } from './canonical-json.js';
export type { PlanMachine } from './plan-machine.js';
export type { PlanMachineContext, PlanMachineEvent } from './to-machine.js';
export type { RenderedTemplate, TemplateValues } from './render-template.js';
