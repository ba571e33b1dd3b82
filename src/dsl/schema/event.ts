import * as z from 'zod';
import { Id, LocalizedText } from './common.js';

/** An event people send. Its data must hold the `requires` fields and may hold the `optional` ones. */
export const EventDeclaration = z
  .strictObject({
    id: Id,
    title: LocalizedText.optional(),
    requires: z.array(Id).default([]).meta({ description: 'Field ids the event data must carry.' }),
    optional: z.array(Id).default([]).meta({ description: 'Field ids the event data may carry.' }),
  })
  .meta({ description: 'An event: its data fields (required and optional).' });
export type EventDeclaration = z.infer<typeof EventDeclaration>;
