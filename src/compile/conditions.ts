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

function evaluateField(c: FieldCondition, values: Readonly<Record<string, unknown>>, severity: string | null): boolean {
  let value = Object.prototype.hasOwnProperty.call(values, c.field) ? values[c.field] : undefined;
  if (value === undefined && c.field === 'severity' && severity !== null) value = severity;
  const present = value !== undefined && value !== null;
  if (c.exists !== undefined && c.exists !== present) return false;
  if (!present) return c.exists === false;
  let checked = c.exists !== undefined;
  const num = typeof value === 'number' ? value : undefined;
  for (const [op, operand] of [
    ['eq', c.eq],
    ['ne', c.ne],
    ['in', c.in],
    ['lt', c.lt],
    ['lte', c.lte],
    ['gt', c.gt],
    ['gte', c.gte],
  ] as const) {
    if (operand === undefined) continue;
    checked = true;
    if (!compare(op, value, num, operand)) return false;
  }
  return checked;
}

function compare(op: string, value: unknown, num: number | undefined, operand: unknown): boolean {
  switch (op) {
    case 'eq':
      return value === operand;
    case 'ne':
      return value !== operand;
    case 'in':
      return (operand as readonly unknown[]).some((item) => item === value);
    case 'lt':
      return num !== undefined && num < (operand as number);
    case 'lte':
      return num !== undefined && num <= (operand as number);
    case 'gt':
      return num !== undefined && num > (operand as number);
    default:
      return num !== undefined && num >= (operand as number);
  }
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
  return [condition.field];
}
