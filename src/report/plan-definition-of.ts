import { BUNDLE_FORMAT, type PlanBundle } from '../bundle/bundle-format.js';
import { readBundle } from '../bundle/read-bundle.js';
import type { CompiledPlan } from '../compile/compiled-plan.js';
import type { LocalizedText } from '../dsl/schema/common.js';
import type { PlanDefinition } from '../dsl/schema/plan.js';

/**
 * A plan as reports accept it: the definition, a compiled plan (its definition is used), or a
 * bundle (checked as `readBundle` does; its definition is used).
 */
export type ReportPlan = PlanDefinition | CompiledPlan | PlanBundle;

/**
 * The definition of a plan given as a definition, a compiled plan or a bundle. A bundle is checked
 * first (envelope, definition, hash): a damaged one throws `BundleError`.
 *
 * @example
 * ```ts
 * planDefinitionOf(compilePlan(definition)) === definition; // true
 * planDefinitionOf(createBundle(definition)).id === definition.id; // true
 * ```
 */
export function planDefinitionOf(plan: ReportPlan): PlanDefinition {
  if ('machine' in plan && 'definition' in plan) return plan.definition;
  if ('format' in plan && (plan as { format: unknown }).format === BUNDLE_FORMAT) return readBundle(plan);
  return plan as PlanDefinition;
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
