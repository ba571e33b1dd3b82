import * as z from 'zod/mini';
import { checkSchema, describeIssues } from '../../validate/check-schema.js';
import type { Incident, IncidentState } from '../incident.js';
import { INCIDENT_ID_PATTERN } from './incident-id.js';
import { PlanwrightError } from '../../errors/planwright-error.js';

/**
 * The times the runtime writes (`Date#toISOString`, UTC, milliseconds), which `Date.parse` always
 * reads: tested first, as a regular expression is four times faster than `Date.parse`.
 */
const WRITTEN_TIME = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

const isoTime = z.string().check(z.refine((text: string) => WRITTEN_TIME.test(text) || !Number.isNaN(Date.parse(text)), 'an ISO 8601 time'));

/** An integer ≥ `least`. */
const count = (least: number) => z.int().check(z.gte(least));

const Actor = z.looseObject({ id: z.string(), roles: z.array(z.string()) });

const DeadlineInstance = z.looseObject({
  id: z.string(),
  instance: count(1),
  stage: z.string(),
  armedAt: isoTime,
  baseAt: z.optional(isoTime),
  dueAt: isoTime,
  status: z.enum(['pending', 'met', 'breached', 'cancelled']),
  metAt: z.optional(isoTime),
  breachedAt: z.optional(isoTime),
  cancelledAt: z.optional(isoTime),
  conditionEndedAt: z.optional(isoTime),
  remindersSent: z.array(z.number()),
});

const TimelineEntry = z.looseObject({
  seq: count(0),
  at: isoTime,
  type: z.string(),
  by: z.optional(Actor),
  data: z.optional(z.record(z.string(), z.unknown())),
  result: z.string(),
  prevHash: z.string(),
  hash: z.string(),
  stateDigest: z.optional(z.string()),
});


const PendingEffect = z.looseObject({
  id: z.string(),
  name: z.string(),
  at: isoTime,
  payload: z.record(z.string(), z.unknown()),
});

const TimelineIndexShape = z.looseObject({
  stageEntered: z.record(z.string(), z.looseObject({ seq: count(0), at: isoTime })),
  deadlineArmed: z.record(z.string(), count(0)),
  regradedFrom: z.optional(z.string()),
});

/** @internal The zod schema of an incident's state: {@link IncidentShape} without the timeline. */
export const IncidentStateShape = z.looseObject({
  id: z.string().check(z.regex(INCIDENT_ID_PATTERN, 'a valid incident id')),
  planId: z.string(),
  planVersion: z.string(),
  planHash: z.string(),
  title: z.string(),
  category: z.string(),
  stage: z.string(),
  state: z.unknown(),
  tracks: z.array(z.string()),
  severity: z.nullable(z.string()),
  data: z.record(z.string(), z.unknown()),
  deadlines: z.array(DeadlineInstance),
  outbox: z.array(PendingEffect),
  version: count(1),
  openedAt: isoTime,
  closedAt: z.nullable(isoTime),
  closed: z.boolean(),
  timelineIndex: z.optional(TimelineIndexShape),
});

/** @internal The zod schema behind {@link IncidentDocument}. */
export const IncidentShape = z.looseObject({ ...IncidentStateShape.shape, timeline: z.array(TimelineEntry) });

/** @internal A timeline entry as stores check it (list items carry the last one). */
export const TimelineEntryShape = TimelineEntry;

/**
 * The shape a store checks on every incident document it reads back (file, row) before use.
 * Unknown keys are kept (a newer engine may add fields); known keys must have the right types.
 * `IncidentDocument.safeParse(value).success` says whether `value` is one.
 */
export const IncidentDocument = { safeParse: (value: unknown) => checkSchema(IncidentShape, value) };

/** Thrown when a stored incident document is not valid JSON or not an incident. */
export class CorruptIncidentError extends PlanwrightError {
  override readonly name = 'CorruptIncidentError';
  readonly code = 'corrupt-incident';
  constructor(
    /** Where the document came from: a file path or a table row description. */
    readonly source: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`corrupt incident document ${source}: ${reason}`, options);
  }
}

/**
 * What is wrong with `value` as an incident document (the first problems, with their paths), or
 * `undefined` when it is a valid one.
 *
 * @example
 * ```ts
 * incidentIssues({ id: 'PO-1' }); // 'planId: Invalid input: expected string, received undefined; …'
 * ```
 */
export function incidentIssues(value: unknown): string | undefined {
  const result = checkSchema(IncidentShape, value);
  return result.success ? undefined : describeIssues(result.issues, 5);
}

/**
 * Validates a value read from storage as an incident; throws {@link CorruptIncidentError}
 * naming `source` and the first problems (with their paths) otherwise.
 *
 * @example
 * ```ts
 * const incident = parseIncidentDocument(JSON.parse(text), '/var/lib/planwright/PO-1.json');
 * ```
 */
export function parseIncidentDocument(value: unknown, source: string): Incident {
  const issues = incidentIssues(value);
  if (issues !== undefined) throw new CorruptIncidentError(source, issues);
  return value as Incident;
}

/**
 * Checks an incident before a durable store writes it, so nothing is stored that could not be
 * read back; throws a `TypeError` listing the problems.
 *
 * @example
 * ```ts
 * assertValidIncident(incident); // before INSERT / rename
 * ```
 */
export function assertValidIncident(incident: Incident): void {
  const issues = incidentIssues(incident);
  if (issues !== undefined) throw new TypeError(`incident ${incident.id} cannot be saved, it is not a valid incident: ${issues}`);
}

/**
 * Parses JSON text read from storage and validates it as an incident, naming `source` on error.
 *
 * @example
 * ```ts
 * const incident = parseIncidentJson(await readFile(path, 'utf8'), path);
 * ```
 */
export function parseIncidentJson(text: string, source: string): Incident {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CorruptIncidentError(source, `not valid JSON (${(error as Error).message})`, { cause: error });
  }
  return parseIncidentDocument(value, source);
}

/**
 * Validates an incident's state read from storage (a snapshot without its timeline, `head` left
 * to the caller); throws {@link CorruptIncidentError} naming `source` and the first problems otherwise.
 *
 * @example
 * ```ts
 * const state = parseIncidentState(fields, '/var/lib/planwright/PO-1.state.json');
 * ```
 */
export function parseIncidentState(value: unknown, source: string): IncidentState {
  const result = checkSchema(IncidentStateShape, value);
  if (!result.success) throw new CorruptIncidentError(source, describeIssues(result.issues, 5));
  return value as IncidentState;
}

/**
 * Validates a timeline entry read from storage; throws {@link CorruptIncidentError} naming `source` otherwise.
 *
 * @example
 * ```ts
 * const entry = parseTimelineEntry(JSON.parse(line), '/var/lib/planwright/PO-1.timeline.jsonl');
 * ```
 */
export function parseTimelineEntry(value: unknown, source: string): Incident['timeline'][number] {
  const result = checkSchema(TimelineEntry, value);
  if (!result.success) throw new CorruptIncidentError(source, `its last timeline entry: ${describeIssues(result.issues, 5)}`);
  return value as Incident['timeline'][number];
}

/**
 * Checks a save (the state and the entries it adds) before a durable store writes it, so nothing
 * is stored that could not be read back; throws a `TypeError` listing the problems.
 *
 * @example
 * ```ts
 * assertValidSave(stateOf(snapshot), entries); // before INSERT / rename
 * ```
 */
export function assertValidSave(state: IncidentState, entries: readonly Incident['timeline'][number][]): void {
  const issues = incidentIssues({ ...state, timeline: entries });
  if (issues !== undefined) throw new TypeError(`incident ${state.id} cannot be saved, it is not a valid incident: ${issues}`);
}
