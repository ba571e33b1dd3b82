import { z } from 'zod';
import type { Incident } from '../incident.js';
import { INCIDENT_ID_PATTERN } from './incident-id.js';

const isoTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'an ISO 8601 time');

const Actor = z.looseObject({ id: z.string(), roles: z.array(z.string()) });

const DeadlineInstance = z.looseObject({
  id: z.string(),
  instance: z.number().int().min(1),
  stage: z.string(),
  armedAt: isoTime,
  baseAt: isoTime.optional(),
  dueAt: isoTime,
  status: z.enum(['pending', 'met', 'breached', 'cancelled']),
  metAt: isoTime.optional(),
  breachedAt: isoTime.optional(),
  cancelledAt: isoTime.optional(),
  remindersSent: z.array(z.number()),
});

const TimelineEntry = z.looseObject({
  seq: z.number().int().min(0),
  at: isoTime,
  type: z.string(),
  by: Actor.optional(),
  data: z.record(z.string(), z.unknown()).optional(),
  result: z.string(),
  prevHash: z.string(),
  hash: z.string(),
});

const PendingEffect = z.looseObject({
  id: z.string(),
  name: z.string(),
  at: isoTime,
  payload: z.record(z.string(), z.unknown()),
});

/**
 * The shape a store checks on every incident document it reads back (file, row) before use.
 * Unknown keys are kept (a newer engine may add fields); known keys must have the right types.
 */
export const IncidentDocument = z.looseObject({
  id: z.string().regex(INCIDENT_ID_PATTERN, 'a valid incident id'),
  planId: z.string(),
  planVersion: z.string(),
  planHash: z.string(),
  title: z.string(),
  category: z.string(),
  stage: z.string(),
  state: z.unknown(),
  tracks: z.array(z.string()),
  severity: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  deadlines: z.array(DeadlineInstance),
  outbox: z.array(PendingEffect),
  timeline: z.array(TimelineEntry),
  version: z.number().int().min(1),
  openedAt: isoTime,
  closedAt: isoTime.nullable(),
  closed: z.boolean(),
});

/** Thrown when a stored incident document is not valid JSON or not an incident. */
export class CorruptIncidentError extends Error {
  override readonly name = 'CorruptIncidentError';
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
  const result = IncidentDocument.safeParse(value);
  if (result.success) return undefined;
  return result.error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length > 0 ? i.path.join('.') : '(root)'}: ${i.message}`)
    .join('; ');
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
