import * as z from 'zod';
import { Action } from './action.js';
import { Duration, Id, LocalizedText } from './common.js';
import { Condition } from './condition.js';
import { DEADLINE_FROM } from './patterns.js';

/** A due time: one duration, or a map from every severity level to a duration. */
export const Due = z
  .union([Duration, z.record(Id, Duration)])
  .meta({ description: 'A duration, or a map from each severity level id to a duration.' });
export type Due = z.infer<typeof Due>;

/** A reminder sent before a deadline is due. */
export const Reminder = z.strictObject({
  before: Duration,
  notify: z.array(Id).min(1),
});
export type Reminder = z.infer<typeof Reminder>;

/** A deadline: armed at open, on entering a stage, or when a condition holds; met by events; breach actions. */
export const Deadline = z
  .strictObject({
    id: Id,
    title: LocalizedText.optional(),
    owner: Id.optional().meta({ description: 'Team id responsible for meeting the deadline (default: the owner of the track, else the stage, whose events meet it).' }),
    from: z
      .enum(DEADLINE_FROM)
      .default('open')
      .meta({ description: 'Measure the due time from incident open, or from entering `stage`.' }),
    stage: Id.optional().meta({ description: 'With from: enter, the stage whose entry arms the deadline.' }),
    when: Condition.optional().meta({ description: 'Arm only while this holds (a pending deadline whose condition stops holding is cancelled).' }),
    due: Due,
    metBy: z.array(Id).min(1).meta({ description: 'Event ids that meet the deadline.' }),
    within: z
      .array(Id)
      .optional()
      .meta({ description: 'Stages in which the deadline stays pending; leaving them cancels it. Default: for from: enter the stage itself, otherwise every stage from which a meeting event is still reachable.' }),
    recurring: z.boolean().optional().meta({ description: 'Re-armed after each meeting event (measured from it) and after each breach (from the due time).' }),
    remind: z.array(Reminder).optional(),
    breach: z.array(Action).default([]).meta({ description: 'Actions when the deadline passes unmet: notify, regrade, record.' }),
  })
  .meta({ description: 'A deadline with its due time, what meets it, and what happens on a breach.' });
export type Deadline = z.infer<typeof Deadline>;
