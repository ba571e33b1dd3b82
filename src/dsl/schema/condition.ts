import * as z from 'zod';
import { Id } from './common.js';
import { ID_MAX_LENGTH, ID_MESSAGE, FIELD_REF_PATTERN } from './patterns.js';

const Scalar = z.union([z.string(), z.number(), z.boolean()]);

/** A field a condition reads: a field id, or `severity.previous` / `severity.change` (DSL v2). */
export const FieldRef = z
  .string()
  .regex(FIELD_REF_PATTERN, ID_MESSAGE)
  .max(ID_MAX_LENGTH)
  .meta({ description: 'A field id, or severity.previous / severity.change (the level before a change and its direction: up, down, same).' });

/** Another field's value (plus an offset) as the operand of an order comparison (DSL v2). */
export const FieldOperand = z
  .strictObject({
    field: FieldRef,
    plus: z.number().optional().meta({ description: 'Added to the other field\'s value, e.g. 1 for "warning level + 1 m".' }),
  })
  .meta({ description: 'Compare with another field\'s value (plus an offset).' });
export type FieldOperand = z.infer<typeof FieldOperand>;

/** A named threshold (plus an offset in its unit) as the operand of an order comparison (DSL v2). */
export const ThresholdOperand = z
  .strictObject({
    threshold: Id.meta({ description: 'A threshold id from the plan\'s thresholds.' }),
    plus: z.number().optional().meta({ description: 'Added to the threshold, in its unit, e.g. 1 for "warning level + 1 m".' }),
  })
  .meta({ description: 'Compare with a named threshold (plus an offset in its unit).' });
export type ThresholdOperand = z.infer<typeof ThresholdOperand>;

/** The operand of lt, lte, gt, gte: a number, another field (plus an offset) or a named threshold (plus an offset). */
const Bound = z.union([z.number(), FieldOperand, ThresholdOperand]);

/** A comparison of one incident field. Exactly one operator is given. */
export const FieldCondition = z
  .strictObject({
    field: FieldRef,
    eq: Scalar.optional(),
    ne: Scalar.optional(),
    in: z.array(Scalar).optional(),
    lt: Bound.optional(),
    lte: Bound.optional(),
    gt: Bound.optional(),
    gte: Bound.optional(),
    exists: z.boolean().optional(),
  })
  .meta({ description: 'Compare one field: eq, ne, in, lt, lte, gt, gte (a number, { field, plus } or { threshold, plus }), or exists.' });
export type FieldCondition = z.infer<typeof FieldCondition>;

/** A condition: data, never code. Fields are compared; `all`, `any` and `not` combine. */
export type Condition = FieldCondition | { all: Condition[] } | { any: Condition[] } | { not: Condition };

export const Condition: z.ZodType<Condition> = z
  .union([
    FieldCondition,
    z.strictObject({ get all() { return z.array(Condition).min(1); } }),
    z.strictObject({ get any() { return z.array(Condition).min(1); } }),
    z.strictObject({ get not() { return Condition; } }),
  ])
  .meta({ id: 'Condition', description: 'A condition on incident fields: {field, op}, {all: [...]}, {any: [...]}, {not: ...}.' });

/** The comparison operators a field condition may use. */
export const CONDITION_OPERATORS = ['eq', 'ne', 'in', 'lt', 'lte', 'gt', 'gte', 'exists'] as const;
