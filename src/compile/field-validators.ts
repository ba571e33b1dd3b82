import * as z from 'zod';
import type { Field } from '../dsl/schema/field.js';
import type { PlanDefinition } from '../dsl/schema/plan.js';

/** Longest text a `text` field accepts when the plan gives no `maxLength`. */
export const DEFAULT_TEXT_MAX_LENGTH = 10_000;

/** Field id → a zod schema for its values. */
export type FieldValidators = ReadonlyMap<string, z.ZodType>;

/**
 * Builds one zod validator per plan field from its type: text (≤ maxLength), number (finite,
 * bounds, integer), enum, boolean, datetime (ISO 8601 with offset), severity (a level id).
 *
 * @example
 * const v = buildFieldValidators(plan);
 * v.get('negativeShare')?.safeParse(1.5).success; // false
 */
export function buildFieldValidators(definition: PlanDefinition): FieldValidators {
  const levels = definition.severity.map((s) => s.id);
  return new Map(definition.fields.map((f) => [f.id, fieldValidator(f, levels)]));
}

function fieldValidator(field: Field, levels: readonly string[]): z.ZodType {
  switch (field.type) {
    case 'text':
      return z.string().max(field.maxLength ?? DEFAULT_TEXT_MAX_LENGTH);
    case 'number': {
      let n = z.number().finite();
      if (field.min !== undefined) n = n.min(field.min);
      if (field.max !== undefined) n = n.max(field.max);
      if (field.integer === true) n = n.int();
      return n;
    }
    case 'enum':
      return z.string().refine((v) => field.values.includes(v), `one of ${field.values.join(', ')}`);
    case 'boolean':
      return z.boolean();
    case 'datetime':
      return z.iso.datetime({ offset: true });
    case 'severity':
      return z.string().refine((v) => levels.includes(v), `a severity level: ${levels.join(', ')}`);
  }
}

/** One problem with event data. */
export interface DataIssue {
  field: string;
  problem: 'missing' | 'not-allowed' | 'invalid';
  message: string;
}

/**
 * Checks event data: every `required` field present, nothing outside `required ∪ optional`,
 * each value valid for its field type. Returns the issues (empty when the data is valid).
 *
 * @example
 * checkData(validators, { heat: -1 }, ['heat', 'negativeShare'], []);
 * // [{ field: 'heat', problem: 'invalid', … }, { field: 'negativeShare', problem: 'missing', … }]
 */
export function checkData(
  validators: FieldValidators,
  data: Readonly<Record<string, unknown>>,
  required: readonly string[],
  optional: readonly string[],
): DataIssue[] {
  const issues: DataIssue[] = [];
  for (const [field, value] of Object.entries(data)) {
    if (!required.includes(field) && !optional.includes(field)) {
      issues.push({ field, problem: 'not-allowed', message: `field "${field}" is not accepted here` });
      continue;
    }
    const validator = validators.get(field);
    const result = validator?.safeParse(value);
    if (result === undefined || !result.success) {
      const why = result?.error.issues[0]?.message ?? 'unknown field';
      issues.push({ field, problem: 'invalid', message: `field "${field}": ${why}` });
    }
  }
  for (const field of required) {
    if (data[field] === undefined) issues.push({ field, problem: 'missing', message: `field "${field}" is required` });
  }
  return issues;
}
