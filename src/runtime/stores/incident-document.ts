import { array, bool, describeIssues, gte, int, looseObject, nullable, num, oneOf, optional, record, refine, regex, run, safeParser, str, unknown } from '../../validate/validate.js';
import type { Incident } from '../incident.js';
import { INCIDENT_ID_PATTERN } from './incident-id.js';

// Written with planwright's small validator kit, not zod (the runtime entry does not carry zod):
// test/runtime/incident-document-fast-path.test.ts keeps the zod schema this replaces as the
// oracle and checks both accept the same documents and name the same problems.

const isoTime = str(refine((s: string) => !Number.isNaN(Date.parse(s)), 'an ISO 8601 time'));

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
export const IncidentDocument = safeParser(IncidentShape);

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
  // Fast path: a hand-written check that accepts only documents the full schema accepts (never
  // more; test/runtime/incident-document-fast-path.test.ts compares both with zod). The full
  // schema, slower on a whole timeline, runs only when this check fails, to accept or name the problems.
  if (isValidIncident(value)) return undefined;
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

type Obj = Record<string, unknown>;

/** An object a loose object accepts (not null, not an array). */
function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A plain object a record accepts (conservatively: plain prototype, no own `constructor`, no symbol keys). */
function isRecord(v: unknown): boolean {
  if (!isObj(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return (
    (proto === Object.prototype || proto === null) &&
    !Object.prototype.hasOwnProperty.call(v, 'constructor') &&
    Object.getOwnPropertySymbols(v).length === 0
  );
}

const isStr = (v: unknown): v is string => typeof v === 'string';
const isInt = (v: unknown, min: number): boolean => typeof v === 'number' && Number.isSafeInteger(v) && v >= min;
const isTime = (v: unknown): boolean => typeof v === 'string' && !Number.isNaN(Date.parse(v));
const isOptTime = (v: unknown): boolean => v === undefined || isTime(v);

function isStrArray(v: unknown): boolean {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'string') return false;
  return true;
}

const STATUSES = new Set(['pending', 'met', 'breached', 'cancelled']);

function isDeadline(d: unknown): boolean {
  if (!isObj(d)) return false;
  if (!isStr(d['id']) || !isInt(d['instance'], 1) || !isStr(d['stage']) || !isTime(d['armedAt']) || !isOptTime(d['baseAt'])) return false;
  if (!isTime(d['dueAt']) || !STATUSES.has(d['status'] as string) || !isStr(d['status'])) return false;
  if (!isOptTime(d['metAt']) || !isOptTime(d['breachedAt']) || !isOptTime(d['cancelledAt'])) return false;
  const sent = d['remindersSent'];
  if (!Array.isArray(sent)) return false;
  for (let i = 0; i < sent.length; i++) if (typeof sent[i] !== 'number' || !Number.isFinite(sent[i])) return false;
  return true;
}

function isEntry(e: unknown): boolean {
  if (!isObj(e)) return false;
  if (!isInt(e['seq'], 0) || !isTime(e['at']) || !isStr(e['type']) || !isStr(e['result']) || !isStr(e['prevHash']) || !isStr(e['hash'])) return false;
  const by = e['by'];
  if (by !== undefined && !(isObj(by) && isStr(by['id']) && isStrArray(by['roles']))) return false;
  return e['data'] === undefined || isRecord(e['data']);
}

function isEffect(e: unknown): boolean {
  return isObj(e) && isStr(e['id']) && isStr(e['name']) && isTime(e['at']) && isRecord(e['payload']);
}

function every(v: unknown, check: (item: unknown) => boolean): boolean {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (!check(v[i])) return false;
  return true;
}

function isValidIncident(v: unknown): boolean {
  if (!isObj(v)) return false;
  const id = v['id'];
  if (!isStr(id) || !INCIDENT_ID_PATTERN.test(id)) return false;
  if (!isStr(v['planId']) || !isStr(v['planVersion']) || !isStr(v['planHash']) || !isStr(v['title']) || !isStr(v['category'])) return false;
  if (v['state'] === undefined) return false; // the key is required (any value)
  if (!isStr(v['stage']) || !isStrArray(v['tracks']) || !(v['severity'] === null || isStr(v['severity'])) || !isRecord(v['data'])) return false;
  if (!isInt(v['version'], 1) || !isTime(v['openedAt']) || !(v['closedAt'] === null || isTime(v['closedAt'])) || typeof v['closed'] !== 'boolean') return false;
  return every(v['deadlines'], isDeadline) && every(v['outbox'], isEffect) && every(v['timeline'], isEntry);
}

/** @internal For tests: the fast check alone. */
export const isValidIncidentFast = isValidIncident;
