import * as z from 'zod';
import { Id, LocalizedText } from './common.js';
import { RESOURCE_KINDS } from './patterns.js';

/** A resource the response relies on: a tool, a channel, a group of people. */
export const Resource = z
  .strictObject({
    id: Id,
    title: LocalizedText,
    kind: z.enum(RESOURCE_KINDS).optional(),
    description: LocalizedText.optional(),
    whenNeeded: z.boolean().optional().meta({ description: 'Only called on when needed (not required to be ready).' }),
  })
  .meta({ description: 'A resource (tool, channel, people, material, funds). Stages name the resources they use.' });
export type Resource = z.infer<typeof Resource>;
