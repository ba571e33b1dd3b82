import type { IncidentState } from '../incident.js';
import { CorruptIncidentError } from './incident-document.js';
import type { FileTimelineHead } from './timeline-file.js';

/** What a file store's `<id>.state.json` holds: the incident without its timeline, and the timeline head it was saved with. */
export interface StoredState {
  /** The incident's fields except `timeline`. */
  fields: Record<string, unknown>;
  head: FileTimelineHead;
}

/**
 * The text of a state file: the incident's state (no timeline, no snapshot head), plus `head`
 * (the length and last hash of the timeline saved with it).
 *
 * @example
 * ```ts
 * await writeTempFile(dir, 'PO-1.state.json', stateText(stateOf(snapshot), { length: 12, hash }));
 * ```
 */
export function stateText(state: IncidentState, head: FileTimelineHead): string {
  return JSON.stringify({ ...state, head: { length: head.length, hash: head.hash } });
}

/**
 * Parses a state file's text; throws {@link CorruptIncidentError} naming `source` when it is not
 * JSON, not an object, holds a `timeline`, or has no valid `head`. (The incident fields are
 * validated once joined with the timeline.)
 *
 * @example
 * ```ts
 * const { fields, head } = parseStateText(await readFile(path, 'utf8'), path);
 * ```
 */
export function parseStateText(text: string, source: string): StoredState {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CorruptIncidentError(source, `not valid JSON (${(error as Error).message})`, { cause: error });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new CorruptIncidentError(source, 'not a JSON object');
  const { head, ...fields } = value as Record<string, unknown>;
  if ('timeline' in fields) throw new CorruptIncidentError(source, 'holds a timeline (a state file keeps it in the .timeline.jsonl file beside it)');
  const { length, hash } = (head ?? {}) as Partial<FileTimelineHead>;
  if (!Number.isSafeInteger(length) || (length as number) < 0 || typeof hash !== 'string') {
    throw new CorruptIncidentError(source, 'head: expected { length: integer >= 0, hash: string }');
  }
  return { fields, head: { length: length as number, hash } };
}
