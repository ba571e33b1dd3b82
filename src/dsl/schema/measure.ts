import * as z from 'zod';
import { Duration, Id, LocalizedText } from './common.js';
import { MEASURE_PER } from './patterns.js';

const base = {
  id: Id,
  title: LocalizedText,
  description: LocalizedText.optional(),
};

/** Where a `time-to` measure starts: incident open, or the first entry into a stage. */
export const MeasureStart = z
  .union([z.literal('open'), z.strictObject({ stage: Id })])
  .meta({ description: '`open`, or `{ stage: <id> }` (the first entry into that stage).' });
export type MeasureStart = z.infer<typeof MeasureStart>;

/** Where a `time-to` measure ends: the first of some events, or the first entry into a stage. */
export const MeasureEnd = z
  .union([z.strictObject({ event: z.union([Id, z.array(Id).min(1)]) }), z.strictObject({ stage: Id })])
  .meta({ description: '`{ event: <id> }` or `{ event: [<id>, …] }` (the first accepted one), or `{ stage: <id> }` (the first entry).' });
export type MeasureEnd = z.infer<typeof MeasureEnd>;

/** Time from open (or a stage entry) to an event or a stage entry, optionally against a limit. */
export const TimeToMeasure = z.strictObject({
  ...base,
  kind: z.literal('time-to'),
  from: MeasureStart.default('open'),
  to: MeasureEnd,
  limit: Duration.optional().meta({ description: 'The time allowed; each incident is counted on time or late against it.' }),
});

/** Time from a deadline's start to the event that met it (even late), against its due time. */
export const DeadlineTimeMeasure = z.strictObject({
  ...base,
  kind: z.literal('deadline-time'),
  deadline: Id.meta({ description: 'The deadline measured (its first instance in each incident).' }),
});

/** Share of deadline instances met on time, overall, per deadline or per responsible team. */
export const DeadlineMetRateMeasure = z.strictObject({
  ...base,
  kind: z.literal('deadline-met-rate'),
  per: z.enum(MEASURE_PER).default('deadline').meta({ description: 'overall | deadline | team (the team a deadline belongs to).' }),
  deadlines: z.array(Id).optional().meta({ description: 'Only these deadlines (default: all).' }),
});

/** Number of breached deadline instances per incident. */
export const BreachCountMeasure = z.strictObject({
  ...base,
  kind: z.literal('breach-count'),
  deadlines: z.array(Id).optional().meta({ description: 'Only these deadlines (default: all).' }),
});

/** First → last recorded value of a number field. */
export const FieldChangeMeasure = z.strictObject({
  ...base,
  kind: z.literal('field-change'),
  field: Id.meta({ description: 'A number field.' }),
});

/** Number of refused attempts (events the engine rejected) per incident. */
export const RefusalCountMeasure = z.strictObject({
  ...base,
  kind: z.literal('refusal-count'),
  events: z.array(Id).optional().meta({ description: 'Only refusals of these events (default: all).' }),
});

/** An evaluation measure: what the plan's evaluation reports compute over incidents and drills. */
export const Measure = z
  .discriminatedUnion('kind', [TimeToMeasure, DeadlineTimeMeasure, DeadlineMetRateMeasure, BreachCountMeasure, FieldChangeMeasure, RefusalCountMeasure])
  .meta({ description: 'An evaluation measure: time-to, deadline-time, deadline-met-rate, breach-count, field-change or refusal-count.' });
export type Measure = z.infer<typeof Measure>;
/** The kind of a measure. */
export type MeasureKind = Measure['kind'];
