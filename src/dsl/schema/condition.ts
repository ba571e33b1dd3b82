import * as z from 'zod';
import { Id } from './common.js';

const Scalar = z.union([z.string(), z.number(), z.boolean()]);

/** A comparison of one incident field. Exactly one operator is given. */
export const FieldCondition = z
  .strictObject({
    field: Id,
    eq: Scalar.optional(),
    ne: Scalar.optional(),
    in: z.array(Scalar).optional(),
    lt: z.number().optional(),
    lte: z.number().optional(),
    gt: z.number().optional(),
    gte: z.number().optional(),
    exists: z.boolean().optional(),
  })
  .meta({ description: 'Compare one field: eq, ne, in, lt, lte, gt, gte, or exists.' });
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
