import type { Condition } from '../../dsl/schema/condition.js';
import type { PlanDefinition } from '../../dsl/schema/plan.js';
import type { DocumentPath } from '../../diagnostics/diagnostic.js';
import { defineRule } from '../rule.js';

const ORDER = ['lt', 'lte', 'gt', 'gte'] as const;

/** Every condition of the plan with its path: transitions' and branches' `when`, deadlines' `when`. */
function conditionsOf(plan: PlanDefinition, declarations: ReadonlyArray<{ transition: { when?: Condition | undefined; targets?: ReadonlyArray<{ when?: Condition | undefined }> | undefined }; path: DocumentPath }>): Array<{ condition: Condition; path: DocumentPath }> {
  const out: Array<{ condition: Condition; path: DocumentPath }> = [];
  for (const { transition, path } of declarations) {
    if (transition.when !== undefined) out.push({ condition: transition.when, path: [...path, 'when'] });
    transition.targets?.forEach((branch, k) => {
      if (branch.when !== undefined) out.push({ condition: branch.when, path: [...path, 'targets', k, 'when'] });
    });
  }
  plan.deadlines.forEach((deadline, i) => {
    if (deadline.when !== undefined) out.push({ condition: deadline.when, path: ['deadlines', i, 'when'] });
  });
  return out;
}

/** The field comparisons of a condition, with their paths (bounded by the schema's depth). */
function comparisons(condition: Condition, path: DocumentPath, visit: (c: Extract<Condition, { field: string }>, path: DocumentPath) => void, depth = 0): void {
  if (depth > 64) return;
  if ('all' in condition) condition.all.forEach((c, i) => comparisons(c, [...path, 'all', i], visit, depth + 1));
  else if ('any' in condition) condition.any.forEach((c, i) => comparisons(c, [...path, 'any', i], visit, depth + 1));
  else if ('not' in condition) comparisons(condition.not, [...path, 'not'], visit, depth + 1);
  else visit(condition, path);
}

/**
 * A named threshold (DSL v2) in one unit compared with a field declared in another (a river level
 * in m against a threshold in cm), or a threshold read from a field whose unit differs from its own.
 * planwright compares the numbers as they are: it never converts units.
 */
export const thresholdUnitMismatch = defineRule({
  id: 'threshold-unit-mismatch',
  defaultSeverity: 'warning',
  description: 'A condition compares a field with a named threshold declared in another unit, or a threshold reads a field of another unit.',
  messages: {
    compared: {
      en: 'Field "{{field}}" is in {{fieldUnit}} but threshold "{{threshold}}" is in {{unit}}: the numbers are compared as they are, without conversion.',
      'zh-CN': '字段“{{field}}”的单位是 {{fieldUnit}}，阈值“{{threshold}}”的单位是 {{unit}}：两者按数值直接比较，不做换算。',
    },
    base: {
      en: 'Threshold "{{threshold}}" is in {{unit}} but reads field "{{field}}", which is in {{fieldUnit}}.',
      'zh-CN': '阈值“{{threshold}}”的单位是 {{unit}}，但读取的字段“{{field}}”单位是 {{fieldUnit}}。',
    },
  },
  check(ctx) {
    const plan = ctx.plan;
    const thresholds = new Map((plan.thresholds ?? []).map((t) => [t.id, t]));
    if (thresholds.size === 0) return;
    const unitOf = (id: string): string | undefined => {
      const field = plan.fields.find((f) => f.id === id);
      return field?.type === 'number' ? field.unit : undefined;
    };
    (plan.thresholds ?? []).forEach((threshold, i) => {
      const fieldUnit = threshold.field === undefined ? undefined : unitOf(threshold.field);
      if (fieldUnit !== undefined && fieldUnit !== threshold.unit) {
        ctx.report(['thresholds', i, 'unit'], 'base', { threshold: threshold.id, unit: threshold.unit, field: threshold.field ?? '', fieldUnit });
      }
    });
    for (const { condition, path } of conditionsOf(plan, ctx.graph.declarations)) {
      comparisons(condition, path, (c, at) => {
        const fieldUnit = unitOf(c.field);
        if (fieldUnit === undefined) return;
        for (const op of ORDER) {
          const operand = c[op];
          if (typeof operand !== 'object' || !('threshold' in operand)) continue;
          const threshold = thresholds.get(operand.threshold);
          if (threshold !== undefined && threshold.unit !== fieldUnit) {
            ctx.report([...at, op, 'threshold'], 'compared', { field: c.field, fieldUnit, threshold: threshold.id, unit: threshold.unit });
          }
        }
      });
    }
  },
});
