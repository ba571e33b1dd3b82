import * as z from 'zod';
import { Action } from './action.js';
import { Duration, Id, LocalizedText } from './common.js';
import { Condition } from './condition.js';
import { CLOCK_MESSAGE, CLOCK_PATTERN, DEADLINE_FROM, IMMEDIATELY } from './patterns.js';

/** A duration, or `immediately` (the plan's `timing.immediately`). */
export const DueDuration = z
  .union([z.literal(IMMEDIATELY), Duration])
  .meta({ description: 'A duration, or immediately (what the plan\'s timing.immediately says 立即 means).' });

/** A wall-clock due time: the first such time of day (plan timezone) at or after the base (DSL v2). */
export const ClockDue = z
  .strictObject({ clock: z.string().regex(CLOCK_PATTERN, CLOCK_MESSAGE).meta({ description: 'HH:MM, 24-hour, in the plan\'s timezone.' }) })
  .meta({ description: 'Due at the first such time of day at or after the base, e.g. { clock: "21:00" } for 今日21时前.' });

/** One band of a {@link BandDue}: values below `below` (the last band has no bound). */
export const DueBand = z.strictObject({
  below: z.number().optional().meta({ description: 'The band holds values below this (and at or above the previous band\'s bound). Omit on the last band.' }),
  due: DueDuration,
});

/** A due time chosen by the band a number field's value falls in, e.g. report cadence by forecast return period (DSL v2). */
export const BandDue = z
  .strictObject({
    band: Id.meta({ description: 'The number field whose value chooses the band.' }),
    bands: z.array(DueBand).min(1).meta({ description: 'Bands in increasing order; the last has no bound.' }),
  })
  .meta({ description: 'A due time by the band of a measured value; a pending instance is re-based when the value moves to another band.' });

/** A due time: one duration, a wall-clock time, a band of a measured value, or a map from every severity level to a duration. */
export const Due = z
  .union([z.literal(IMMEDIATELY), Duration, ClockDue, BandDue, z.record(Id, DueDuration)])
  .meta({ description: 'A duration (or immediately), { clock: HH:MM }, { band, bands }, or a map from each severity level id to a duration.' });
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
      .meta({ description: 'Measure the due time from incident open, entering `stage`, each accepted `event`, or when `when` became true.' }),
    stage: Id.optional().meta({ description: 'With from: enter, the stage whose entry arms the deadline.' }),
    event: Id.optional().meta({ description: 'With from: event, the event whose acceptance arms the deadline.' }),
    at: Id.optional().meta({ description: 'Measure from this datetime field (the occurrence time): of the triggering event\'s data for from: event, else of the incident data.' }),
    each: z.boolean().optional().meta({ description: 'With from: event, one instance per triggering event (default: none armed while one is pending).' }),
    match: Id.optional().meta({ description: 'With each: a meeting event meets only instances whose trigger had the same value of this field.' }),
    rebase: z.literal('regrade').optional().meta({ description: 'On a regrade, measure a pending instance again from the regrade, with the new level\'s due time.' }),
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
