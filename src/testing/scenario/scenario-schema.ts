import * as z from 'zod';
import { durationToMs } from '../duration.js';
import { SCENARIO_FIELD_MESSAGES } from '../../messages/scenario-field-messages.js';

/** Error codes a sending step may expect with `expect.rejected` (the engine's rejection codes). */
export const REJECTION_CODES = ['unknown-event', 'not-in-stage', 'unauthorized', 'invalid-data', 'closed'] as const;
/** One of {@link REJECTION_CODES}. */
export type RejectionCode = (typeof REJECTION_CODES)[number];

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** True when `text` is an ISO 8601 date-time with an offset (`Z` or `+08:00`) that parses. */
export function isIsoTimeWithOffset(text: string): boolean {
  return ISO_WITH_OFFSET.test(text) && !Number.isNaN(Date.parse(text));
}

const Name = z.string({ error: SCENARIO_FIELD_MESSAGES.nonEmptyText.en }).min(1, SCENARIO_FIELD_MESSAGES.nonEmptyText.en);

const IsoTime = z
  .string({ error: SCENARIO_FIELD_MESSAGES.isoTime.en })
  .refine(isIsoTimeWithOffset, SCENARIO_FIELD_MESSAGES.isoTime.en);

const StepTime = z
  .string({ error: SCENARIO_FIELD_MESSAGES.stepTime.en })
  .refine(
    (s) => durationToMs(s) !== undefined || isIsoTimeWithOffset(s),
    SCENARIO_FIELD_MESSAGES.stepTime.en,
  );

const EventData = z.record(z.string(), z.unknown(), { error: SCENARIO_FIELD_MESSAGES.eventData.en });

/** What a step or the end of a drill expects. Every key is optional. */
export const DrillExpectationSchema = z.strictObject({
  stage: z
    .union([Name, z.array(Name).min(1)], { error: SCENARIO_FIELD_MESSAGES.stageIds.en })
    .optional(),
  severity: Name.optional(),
  breaches: z.array(Name, { error: SCENARIO_FIELD_MESSAGES.deadlineIds.en }).optional(),
  notified: z.array(Name, { error: SCENARIO_FIELD_MESSAGES.roleIds.en }).optional(),
  rejected: z
    .union([z.boolean(), z.enum(REJECTION_CODES)], {
      error: SCENARIO_FIELD_MESSAGES.rejected.en,
    })
    .optional(),
  closed: z.boolean({ error: SCENARIO_FIELD_MESSAGES.boolean.en }).optional(),
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
  people: z.record(Name, z.array(Name, { error: SCENARIO_FIELD_MESSAGES.roleIds.en }), {
    error: SCENARIO_FIELD_MESSAGES.people.en,
  }),
  open: DrillOpenSchema,
  steps: z.array(DrillStepSchema, { error: SCENARIO_FIELD_MESSAGES.steps.en }).default([]),
  expect: DrillExpectationSchema.optional(),
});

/** A validated drill scenario. `file` is set when it was read from a file. */
export type DrillScenario = z.output<typeof DrillScenarioSchema> & { file?: string };
/** A drill scenario as written (steps may be omitted). */
export type DrillScenarioInput = z.input<typeof DrillScenarioSchema> & { file?: string };
