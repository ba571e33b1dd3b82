import type { Condition, FieldCondition } from '../dsl/schema/condition.js';

/**
 * Evaluates a plan condition (data, never code) against field values. `severity` reads
 * `severity` when no value of that name is given. A comparison on a missing value is false,
 * except `exists: false`. Several operators in one comparison must all hold.
 *
 * @example
 * evaluateCondition({ field: 'severity', in: ['I', 'II'] }, {}, 'II'); // true
 * evaluateCondition({ not: { field: 'heat', gt: 10 } }, { heat: 3 }, null); // true
 */
export function evaluateCondition(
  condition: Condition,
  values: Readonly<Record<string, unknown>>,
  severity: string | null,
): boolean {
  if ('all' in condition) return condition.all.every((c) => evaluateCondition(c, values, severity));
  if ('any' in condition) return condition.any.some((c) => evaluateCondition(c, values, severity));
  if ('not' in condition) return !evaluateCondition(condition.not, values, severity);
  return evaluateField(condition, values, severity);
}

type Operator = 'eq' | 'ne' | 'in' | 'lt' | 'lte' | 'gt' | 'gte';

/** The comparison operators, in the order they are checked; an order comparison of a non-number is false. */
const OPERATORS: Record<Operator, (value: unknown, operand: never) => boolean> = {
  eq: (value, operand) => value === operand,
  ne: (value, operand) => value !== operand,
  in: (value, operand: readonly unknown[]) => operand.some((item) => item === value),
  lt: (value, operand: number) => typeof value === 'number' && value < operand,
  lte: (value, operand: number) => typeof value === 'number' && value <= operand,
  gt: (value, operand: number) => typeof value === 'number' && value > operand,
  gte: (value, operand: number) => typeof value === 'number' && value >= operand,
};

function evaluateField(c: FieldCondition, values: Readonly<Record<string, unknown>>, severity: string | null): boolean {
  let value = Object.hasOwn(values, c.field) ? values[c.field] : undefined;
  if (value === undefined && c.field === 'severity' && severity !== null) value = severity;
  const present = value !== undefined && value !== null;
  if (c.exists !== undefined && c.exists !== present) return false;
  if (!present) return c.exists === false;
  let checked = c.exists !== undefined;
  for (const op in OPERATORS) {
    let operand: unknown = c[op as Operator];
    if (operand === undefined) continue;
    checked = true;
    if (typeof operand === 'object' && operand !== null && !Array.isArray(operand)) {
      // Another field's value (plus an offset): a missing or non-numeric one makes the comparison false.
      // (A named threshold was written out as a number or a field at compile; an unresolved one compares false.)
      const other = operand as { field?: string; plus?: number };
      const base = other.field !== undefined && Object.hasOwn(values, other.field) ? values[other.field] : undefined;
      if (typeof base !== 'number') return false;
      operand = base + (other.plus ?? 0);
    }
    if (!OPERATORS[op as Operator](value, operand as never)) return false;
  }
  return checked;
}

/**
 * Field ids a condition reads (for compile-time checks against the plan's fields).
 *
 * @example
 * conditionFields({ all: [{ field: 'a', eq: 1 }, { not: { field: 'b', exists: true } }] }); // ['a', 'b']
 */
export function conditionFields(condition: Condition): string[] {
  if ('all' in condition) return condition.all.flatMap(conditionFields);
  if ('any' in condition) return condition.any.flatMap(conditionFields);
  if ('not' in condition) return conditionFields(condition.not);
  const out = [condition.field];
  for (const op of ['lt', 'lte', 'gt', 'gte'] as const) {
    const operand = condition[op];
    if (typeof operand === 'object' && 'field' in operand) out.push(operand.field);
  }
  return out;
}
