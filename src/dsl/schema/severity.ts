import * as z from 'zod';
import { Id, LocalizedText } from './common.js';

/** One severity level. The plan lists levels in order, most severe first. */
export const SeverityLevel = z
  .strictObject({
    id: Id,
    title: LocalizedText,
    description: LocalizedText.optional(),
  })
  .meta({ description: 'A severity level. Levels are listed most severe first.' });
export type SeverityLevel = z.infer<typeof SeverityLevel>;
