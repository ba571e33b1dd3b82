import type { CompiledPlan } from '../compile/compiled-plan.js';
import type { LocalizedText } from '../dsl/schema/common.js';
import type { PlanDefinition } from '../dsl/schema/plan.js';

/** A plan as reports accept it: the definition, or a compiled plan (its definition is used). */
export type ReportPlan = PlanDefinition | CompiledPlan;

/**
 * The definition of a plan given as a definition or a compiled plan.
 *
 * @example
 * ```ts
 * planDefinitionOf(compilePlan(definition)) === definition; // true
 * ```
 */
export function planDefinitionOf(plan: ReportPlan): PlanDefinition {
  return 'machine' in plan && 'definition' in plan ? plan.definition : (plan as PlanDefinition);
}

/**
 * Text of a localized value in `locale`, falling back to the first locale given, or `fallback`.
 *
 * @example
 * ```ts
 * localize({ 'zh-CN': '上报', en: 'report' }, 'en'); // 'report'
 * ```
 */
export function localize(text: LocalizedText | undefined, locale: string, fallback = ''): string {
  if (text === undefined) return fallback;
  if (typeof text === 'string') return text;
  return text[locale] ?? Object.values(text)[0] ?? fallback;
}
