export * from './schema/index.js';
export { checkPlan, type CheckPlanResult } from './check-plan.js';
export { loadPlan } from './load-plan.js';
export type { CheckPlanOptions, PlanFileInput, PlanSource, PlanTextInput } from './plan-input.js';
export {
  definePlan,
  type ByEntryOf,
  type DeepReadonly,
  type EventIdOf,
  type FieldIdOf,
  type PlanReferences,
  type RoleIdOf,
  type StageIdOf,
  type TeamIdOf,
} from './define-plan.js';
export { planJsonSchema } from './plan-json-schema.js';
export { checkReferences, type CheckReferencesOptions } from './check-references.js';
export { checkCondition, type ConditionFinding, type ConditionScope } from './check-condition.js';
export { attachLocations } from './attach-locations.js';
export { DurationError, parseDuration, tryParseDuration } from '../compile/duration.js';
export { templatePlaceholders } from './template-placeholders.js';
export { SourceMap, type SourceEntry } from './source-map.js';
export { parseSource, type ParsedSource, type ParseSourceOptions } from './parse-source.js';
export { schemaIssuesToDiagnostics } from './schema-issues.js';
export { FORBIDDEN_KEYS, MAX_ALIAS_NODES, MAX_DEPTH, MAX_DIAGNOSTICS, MAX_FILE_BYTES, MAX_INCLUDED_FILES, MAX_PLAN_BYTES } from './limits.js';
