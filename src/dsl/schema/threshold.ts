import * as z from 'zod';
import { Id, LocalizedText } from './common.js';

/** A unit of measure written as text, e.g. m, mm, m³/s. */
export const Unit = z
  .string()
  .min(1)
  .max(16)
  .meta({ description: 'A unit of measure, e.g. m, mm, m³/s (compared as written).' });

/**
 * A named threshold (DSL v2): a value declared once, with its unit, that conditions name instead
 * of repeating the number, e.g. a station's warning water level. Either a fixed `value` or a
 * number `field` whose value is read at run time.
 */
export const Threshold = z
  .strictObject({
    id: Id,
    title: LocalizedText.optional(),
    unit: Unit,
    value: z.number().optional().meta({ description: 'The threshold\'s value, in its unit.' }),
    field: Id.optional().meta({ description: 'A number field whose value is the threshold (instead of a fixed value), e.g. a reading\'s own warning level.' }),
  })
  .meta({ description: 'A named threshold with its unit: a fixed value or a number field. Conditions compare with { threshold: id, plus }.' });
export type Threshold = z.infer<typeof Threshold>;
