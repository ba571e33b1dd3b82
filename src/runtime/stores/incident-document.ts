import { accepts, array, bool, describeIssues, gte, int, looseObject, nullable, num, oneOf, optional, record, refine, regex, run, safeParser, str, unknown } from '../../validate/validate.js';
import type { Incident } from '../incident.js';
import { INCIDENT_ID_PATTERN } from './incident-id.js';
import { PlanwrightError } from '../../errors/planwright-error.js';

// Written with planwright's small validator kit, not zod (the runtime entry does not carry zod):
// test/runtime/incident-document-fast-path.test.ts keeps the zod schema this replaces as the
// oracle and checks both accept the same documents and name the same problems.

/**
 * The times the runtime writes (`Date#toISOString`, UTC, milliseconds), which `Date.parse` always
 * reads: tested first, as a regular expression is four times faster than `Date.parse`.
 */
const WRITTEN_TIME = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

const isoTime = str(refine((s: string) => WRITTEN_TIME.test(s) || !Number.isNaN(Date.parse(s)), 'an ISO 8601 time'));

const Actor = looseObject({ id: str(), roles: array(str()) });

const DeadlineInstance = looseObject({
  id: str(),
  instance: num(int, gte(1)),
  stage: str(),
  armedAt: isoTime,
  baseAt: optional(isoTime),
  dueAt: isoTime,
  status: oneOf(['pending', 'met', 'breached', 'cancelled']),
  metAt: optional(isoTime),
  breachedAt: optional(isoTime),
  cancelledAt: optional(isoTime),
  conditionEndedAt: optional(isoTime),
  remindersSent: array(num()),
});

const TimelineEntry = looseObject({
  seq: num(int, gte(0)),
  at: isoTime,
  type: str(),
  by: optional(Actor),
  data: optional(record(str(), unknown)),
  result: str(),
  prevHash: str(),
  hash: str(),
  stateDigest: optional(str()),
});

const PendingEffect = looseObject({
  id: str(),
  name: str(),
  at: isoTime,
  payload: record(str(), unknown),
});

/** @internal The validator behind {@link IncidentDocument}. */
export const IncidentShape = looseObject({
  id: str(regex(INCIDENT_ID_PATTERN, 'a valid incident id')),
  planId: str(),
  planVersion: str(),
  planHash: str(),
  title: str(),
  category: str(),
  stage: str(),
  state: unknown,
  tracks: array(str()),
  severity: nullable(str()),
  data: record(str(), unknown),
  deadlines: array(DeadlineInstance),
  outbox: array(PendingEffect),
  timeline: array(TimelineEntry),
  version: num(int, gte(1)),
  openedAt: isoTime,
  closedAt: nullable(isoTime),
  closed: bool,
});

/**
 * The shape a store checks on every incident document it reads back (file, row) before use.
 * Unknown keys are kept (a newer engine may add fields); known keys must have the right types.
 * `IncidentDocument.safeParse(value).success` says whether `value` is one.
 */
export const IncidentDocument = /* @__PURE__ */ safeParser(IncidentShape);

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
  // Fast path: the schema's quick test (no outputs, no issues; test/runtime/incident-document-fast-path.test.ts
  // compares it with zod). The full check, slower on a whole timeline, runs only when it fails, to name the problems.
  if (accepts(IncidentShape, value)) return undefined;
  const result = run(IncidentShape, value);
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

/** @internal For tests: the quick test alone. */
export const isValidIncidentFast = (value: unknown): boolean => accepts(IncidentShape, value);
