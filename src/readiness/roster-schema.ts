import * as z from 'zod';
import { Id } from '../dsl/schema/common.js';
import { FORMAT_HINT_MESSAGES } from '../messages/format-hint-messages.js';

/** The roster format version this release reads. */
export const ROSTER_FORMAT = 1;

/** A team position a person can back up: `<team>.leader` or `<team>.deputy`. */
export const BackedPosition = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]*\.(leader|deputy)$/, FORMAT_HINT_MESSAGES.teamPosition.en)
  .meta({ description: 'A team position: <team>.leader or <team>.deputy.' });

/** One person on the roster: the plan roles they hold and the team positions they stand in for. */
export const RosterPerson = z
  .strictObject({
    id: Id.meta({ description: 'A short id for the person, unique in the roster.' }),
    name: z.string().min(1).optional().meta({ description: 'The name people know them by.' }),
    roles: z.array(Id).default([]).meta({ description: 'Plan role ids the person holds.' }),
    backs: z.array(BackedPosition).default([]).meta({ description: 'Team positions the person stands in for when the holder is away.' }),
    contact: z.string().min(1).optional().meta({ description: 'How to reach them (free text).' }),
  })
  .meta({ description: 'A person: roles held and positions backed up.' });
export type RosterPerson = z.infer<typeof RosterPerson>;

/** A roster: who holds which role of a plan, and who backs up which team position. */
export const RosterSchema = z
  .strictObject({
    roster: z.literal(ROSTER_FORMAT).meta({ description: 'The roster format version. Currently 1.' }),
    plan: Id.optional().meta({ description: 'The id of the plan the roster staffs (checked when given).' }),
    people: z.array(RosterPerson).min(1),
  })
  .meta({ title: 'planwright roster', description: 'People, the plan roles they hold and the team positions they back up.' });
export type Roster = z.output<typeof RosterSchema>;
