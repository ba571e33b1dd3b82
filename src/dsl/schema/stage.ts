import * as z from 'zod';
import { Action } from './action.js';
import { Id, LocalizedText } from './common.js';
import { LevelList, OwnerByLevel } from './level-duties.js';
import { Transition } from './transition.js';

/** A parallel track of a stage: it is done when one of its transitions is taken. */
export const Track = z
  .strictObject({
    id: Id,
    title: LocalizedText.optional(),
    owner: Id.optional().meta({ description: 'Team id responsible for the track.' }),
    levels: LevelList.optional(),
    on: z.array(Transition).min(1).meta({ description: 'Transitions that complete the track (their target must be omitted).' }),
  })
  .meta({ description: 'A parallel track of a stage. Taking one of its transitions completes it.' });
export type Track = z.infer<typeof Track>;

/** A stage of the response. The first stage listed is where an incident opens. */
export const Stage = z
  .strictObject({
    id: Id,
    title: LocalizedText,
    description: LocalizedText.optional(),
    owner: Id.optional().meta({ description: 'Team id that owns the stage.' }),
    ownerByLevel: OwnerByLevel.optional(),
    resources: z.array(Id).default([]).meta({ description: 'Resource ids the stage uses.' }),
    enter: z.array(Action).optional().meta({ description: 'Actions run on entering the stage.' }),
    on: z.array(Transition).default([]).meta({ description: 'Transitions out of (or within) the stage.' }),
    tracks: z.array(Track).optional().meta({ description: 'Parallel tracks; when all are done the stage goes to `done`.' }),
    done: Id.optional().meta({ description: 'Stage entered when every track is done.' }),
    final: z.boolean().optional().meta({ description: 'The incident is closed on entering a final stage.' }),
  })
  .meta({ description: 'A stage of the response. The first stage is where incidents open.' });
export type Stage = z.infer<typeof Stage>;
