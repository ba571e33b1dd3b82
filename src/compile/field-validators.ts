import type { Field } from '../dsl/schema/field.js';
import type { PlanDefinition } from '../dsl/schema/plan.js';
import * as z from 'zod/mini';
import { checkSchema, type Issue } from '../validate/check-schema.js';

/** Longest text a `text` field accepts when the plan gives no `maxLength`. */
export const DEFAULT_TEXT_MAX_LENGTH = 10_000;

/**
 * Field id → a validator of its values: `safeParse(value)` gives `{ success: true, data }`, or
 * `{ success: false, issues }` with each issue's path and zod's English message.
 */
export type FieldValidators = ReadonlyMap<string, { safeParse(value: unknown): { success: true; data: unknown } | { success: false; issues: Issue[] } }>;

/**
 * Builds one validator per plan field from its type: text (≤ maxLength), number (finite,
 * bounds, integer), enum, boolean, datetime (ISO 8601 with offset), severity (a level id).
 *
 * @example
 * const v = buildFieldValidators(plan);
 * v.get('share')?.safeParse(1.5).success; // false (max 1)
 */
export function buildFieldValidators(definition: PlanDefinition): FieldValidators {
  const levels = definition.severity.map((s) => s.id);
  return new Map(
    definition.fields.map((field) => {
      const schema = fieldSchema(field, levels);
      return [field.id, { safeParse: (value: unknown) => checkSchema(schema, value) }];
    }),
  );
}

/** The zod schema of one field's values. */
export function fieldSchema(field: Field, levels: readonly string[]): z.ZodMiniType {
  switch (field.type) {
    case 'text':
      return z.string().check(z.maxLength(field.maxLength ?? DEFAULT_TEXT_MAX_LENGTH));
    case 'number': {
      let schema = field.integer === true ? z.int() : z.number();
      if (field.min !== undefined) schema = schema.check(z.gte(field.min));
      if (field.max !== undefined) schema = schema.check(z.lte(field.max));
      return schema;
    }
    case 'enum':
      return z.string().check(z.refine((value: string) => field.values.includes(value), `one of ${field.values.join(', ')}`));
    case 'boolean':
      return z.boolean();
    case 'datetime':
      return z.iso.datetime({ offset: true });
    case 'severity':
      return z.string().check(z.refine((value: string) => levels.includes(value), `a severity level: ${levels.join(', ')}`));
  }
}

/** One problem with event data. */
export interface DataIssue {
  field: string;
  /** `override-reason-missing`: a level other than the suggested one (DSL v2 `suggestions`) without the reason field. */
  problem: 'missing' | 'not-allowed' | 'invalid' | 'override-reason-missing';
  message: string;
}

/**
 * Checks event data: every `required` field present, nothing outside `required ∪ optional`,
 * each value valid for its field type. Returns the issues (empty when the data is valid).
 *
 * @example
 * checkData(validators, { rainfall: -1 }, ['rainfall', 'waterDepth'], []);
 * // [{ field: 'rainfall', problem: 'invalid', … }, { field: 'waterDepth', problem: 'missing', … }]
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
      const why = result?.issues[0]?.message ?? 'unknown field';
      issues.push({ field, problem: 'invalid', message: `field "${field}": ${why}` });
    }
  }
  for (const field of required) {
    if (data[field] === undefined) issues.push({ field, problem: 'missing', message: `field "${field}" is required` });
  }
  return issues;
}
