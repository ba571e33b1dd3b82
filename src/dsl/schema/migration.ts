import * as z from 'zod';
import { Id } from './common.js';
import { SEMVER_PATTERN } from './patterns.js';

/** How incidents saved under an older plan version move to this one: a map of old stage ids to new ones. */
export const Migration = z
  .strictObject({
    from: z.string().regex(SEMVER_PATTERN).meta({ description: 'The plan version migrated from.' }),
    stages: z.record(Id, Id).default({}).meta({ description: 'Old stage id → new stage id (unlisted ids stay).' }),
  })
  .meta({ description: 'A migration from an older plan version (a stage map).' });
export type Migration = z.infer<typeof Migration>;
