import * as z from 'zod';
import { Id, LocalizedText } from './common.js';

/** A trigger category: what kind of cause an incident has (an incident is opened with one). */
export const TriggerCategory = z
  .strictObject({
    id: Id,
    title: LocalizedText,
    description: LocalizedText.optional(),
    examples: z.array(LocalizedText).optional(),
  })
  .meta({ description: 'A trigger category; an incident is opened with one.' });
export type TriggerCategory = z.infer<typeof TriggerCategory>;

/** A possible impact of an incident (risk analysis): documentation only. */
export const Impact = z
  .strictObject({ id: Id, title: LocalizedText, description: LocalizedText.optional() })
  .meta({ description: 'A possible impact of an incident (risk analysis). Documentation only.' });
export type Impact = z.infer<typeof Impact>;
