import type { Field } from '../dsl/schema/field.js';
import type { PlanDefinition } from '../dsl/schema/plan.js';
import { bool, gte, int, lte, max, num, refine, safeParser, str, type Validator } from '../validate/validate.js';

/** Longest text a `text` field accepts when the plan gives no `maxLength`. */
export const DEFAULT_TEXT_MAX_LENGTH = 10_000;

/**
 * Field id → a validator of its values, with a zod-like `safeParse(value)` (the runtime carries no
 * zod): `{ success: true, data }`, or `{ success: false, issues }` with each issue's path and message.
 */
export type FieldValidators = ReadonlyMap<
  string,
  {
    safeParse(value: unknown):
      | { success: true; data: unknown }
      | { success: false; issues: Array<{ path: Array<string | number>; message: string }>; error?: { issues: Array<{ path: Array<string | number>; message: string }> } };
  }
>;

/** An RFC 3339 date-time with `Z` or an offset, in shape; the date part is captured. */
const DATE_TIME_WITH_OFFSET = /^(\d{4}-\d\d-\d\d)T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/**
 * What zod's `z.iso.datetime({ offset: true })` accepts: an RFC 3339 date-time with `Z` or an
 * offset, on a day that exists. zod's pattern spells out the days of every month and leap year;
 * here `Date` says whether the date exists (it reads it back unchanged only then).
 * test/compile/field-validators.test.ts compares the two on every day of a 400-year cycle.
 */
export function isIsoDateTimeWithOffset(text: string): boolean {
  const date = DATE_TIME_WITH_OFFSET.exec(text)?.[1];
  return date !== undefined && new Date(`${date}T00:00Z`).toJSON()?.startsWith(date) === true;
}

/**
 * Builds one validator per plan field from its type: text (≤ maxLength), number (finite,
 * bounds, integer), enum, boolean, datetime (ISO 8601 with offset), severity (a level id).
 * They accept what the zod schemas they replace accepted, with the same messages
 * (test/compile/field-validators.test.ts compares them).
 *
 * @example
 * const v = buildFieldValidators(plan);
 * v.get('share')?.safeParse(1.5).success; // false (max 1)
 */
export function buildFieldValidators(definition: PlanDefinition): FieldValidators {
  const levels = definition.severity.map((s) => s.id);
  return new Map(definition.fields.map((f) => [f.id, safeParser(fieldValidator(f, levels))]));
}

/** The validator of one field's values. */
export function fieldValidator(field: Field, levels: readonly string[]): Validator {
  switch (field.type) {
    case 'text':
      return str(max(field.maxLength ?? DEFAULT_TEXT_MAX_LENGTH));
    case 'number':
      return num(
        ...(field.min !== undefined ? [gte(field.min)] : []),
        ...(field.max !== undefined ? [lte(field.max)] : []),
        ...(field.integer === true ? [int] : []),
      );
    case 'enum':
      return str(refine((v: string) => field.values.includes(v), `one of ${field.values.join(', ')}`));
    case 'boolean':
      return bool;
    case 'datetime':
      return str(refine(isIsoDateTimeWithOffset, 'Invalid ISO datetime'));
    case 'severity':
      return str(refine((v: string) => levels.includes(v), `a severity level: ${levels.join(', ')}`));
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
