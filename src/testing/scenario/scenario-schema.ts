import * as z from 'zod';
import { durationToMs } from '../duration.js';

/** Error codes a sending step may expect with `expect.rejected` (the engine's rejection codes). */
export const REJECTION_CODES = ['unknown-event', 'not-in-stage', 'unauthorized', 'invalid-data', 'closed'] as const;
/** One of {@link REJECTION_CODES}. */
export type RejectionCode = (typeof REJECTION_CODES)[number];

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** True when `text` is an ISO 8601 date-time with an offset (`Z` or `+08:00`) that parses. */
export function isIsoTimeWithOffset(text: string): boolean {
  return ISO_WITH_OFFSET.test(text) && !Number.isNaN(Date.parse(text));
}

const Name = z.string({ error: 'expected a non-empty text' }).min(1, 'expected a non-empty text');

const IsoTime = z
  .string({ error: 'expected an ISO 8601 time with offset, e.g. 2026-03-02T09:00:00+08:00' })
  .refine(isIsoTimeWithOffset, 'expected an ISO 8601 time with offset, e.g. 2026-03-02T09:00:00+08:00');

const StepTime = z
  .string({ error: 'expected an offset from start (10m, 1h30m, 2d) or an ISO 8601 time with offset' })
  .refine(
    (s) => durationToMs(s) !== undefined || isIsoTimeWithOffset(s),
    'expected an offset from start (10m, 1h30m, 2d) or an ISO 8601 time with offset',
  );

const EventData = z.record(z.string(), z.unknown(), { error: 'expected a mapping of field ids to values' });

/** What a step or the end of a drill expects. Every key is optional. */
export const DrillExpectationSchema = z.strictObject({
  stage: z
    .union([Name, z.array(Name).min(1)], { error: 'expected a stage id or a list of stage ids' })
    .optional(),
  severity: Name.optional(),
  breaches: z.array(Name, { error: 'expected a list of deadline ids' }).optional(),
  notified: z.array(Name, { error: 'expected a list of role ids' }).optional(),
  rejected: z
    .union([z.boolean(), z.enum(REJECTION_CODES)], {
      error: `expected true, false or one of ${REJECTION_CODES.join(', ')}`,
    })
    .optional(),
  closed: z.boolean({ error: 'expected true or false' }).optional(),
});
/** Expectations of a step or of the end of a drill (drills-and-cli.md). */
export type DrillExpectation = z.infer<typeof DrillExpectationSchema>;

/** One step: advance the clock to `at`, optionally send an event, then check `expect`. */
export const DrillStepSchema = z.strictObject({
  at: StepTime,
  by: Name.optional(),
  onBehalfOf: Name.optional().meta({ description: 'The person `by` acts for under delegation (委托): a transition marked delegable accepts the principal\'s authority.' }),
  send: Name.optional(),
  data: EventData.optional(),
  expect: DrillExpectationSchema.optional(),
});
/** One step of a drill. */
export type DrillStep = z.infer<typeof DrillStepSchema>;

/** How the incident is opened (at `start`). */
export const DrillOpenSchema = z.strictObject({
  by: Name,
  title: Name,
  category: Name,
  data: EventData.optional(),
  severity: Name.optional(),
});
/** How a drill opens its incident. */
export type DrillOpen = z.infer<typeof DrillOpenSchema>;

/** A drill scenario file (YAML or JSON), as drills-and-cli.md specifies it. */
export const DrillScenarioSchema = z.strictObject({
  drill: Name,
  start: IsoTime,
  people: z.record(Name, z.array(Name, { error: 'expected a list of role ids' }), {
    error: 'expected a mapping from person to the list of roles they hold',
  }),
  open: DrillOpenSchema,
  steps: z.array(DrillStepSchema, { error: 'expected a list of steps' }).default([]),
  expect: DrillExpectationSchema.optional(),
});

/** A validated drill scenario. `file` is set when it was read from a file. */
export type DrillScenario = z.output<typeof DrillScenarioSchema> & { file?: string };
/** A drill scenario as written (steps may be omitted). */
export type DrillScenarioInput = z.input<typeof DrillScenarioSchema> & { file?: string };
