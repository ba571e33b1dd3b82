import * as z from 'zod';
import { Id, LocalizedText } from './common.js';
import { Unit } from './threshold.js';

const base = {
  id: Id,
  title: LocalizedText.optional(),
  description: LocalizedText.optional(),
};

/** A free-text field. */
export const TextField = z.strictObject({
  ...base,
  type: z.literal('text'),
  maxLength: z.number().int().positive().optional().meta({ description: 'Longest accepted text (default 10000).' }),
});
/** A number field with optional bounds. */
export const NumberField = z.strictObject({
  ...base,
  type: z.literal('number'),
  min: z.number().optional(),
  max: z.number().optional(),
  integer: z.boolean().optional(),
  unit: Unit.optional(),
});
/** A field whose value is one of a fixed list. */
export const EnumField = z.strictObject({
  ...base,
  type: z.literal('enum'),
  values: z.array(z.string().min(1)).min(1),
});
/** A yes/no field. */
export const BooleanField = z.strictObject({ ...base, type: z.literal('boolean') });
/** An ISO 8601 date-time with offset. */
export const DateTimeField = z.strictObject({ ...base, type: z.literal('datetime') });
/** A severity level id. The plan's severity field, when set by an event, sets the incident's severity. */
export const SeverityField = z.strictObject({ ...base, type: z.literal('severity') });

/** A typed incident field. Events carry field values as data; conditions and templates read them. */
export const Field = z
  .discriminatedUnion('type', [TextField, NumberField, EnumField, BooleanField, DateTimeField, SeverityField])
  .meta({ description: 'A typed incident field: text, number, enum, boolean, datetime or severity.' });
export type Field = z.infer<typeof Field>;
export type FieldType = Field['type'];
