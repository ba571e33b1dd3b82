import type { ListFilter } from './engine-types.js';
import { decodeListCursor, type CursorFilter } from './list-cursor.js';
import { ListQueryError } from './list-query-error.js';
import { DEFAULT_LIST_LIMIT, MAX_LIST_LIMIT } from './stores/list-limits.js';
import type { ListPosition } from './stores/store.js';

/** An `engine.list` filter as checked: its filters, the page size, where the page starts and the time `overdue` is judged at. */
export interface ListRequest {
  filter: CursorFilter;
  limit: number;
  after?: ListPosition;
  atMs: number;
}

/**
 * Checks what `engine.list` was given (from a host, possibly from an HTTP query) and reads its
 * cursor; throws {@link ListQueryError} naming the parameter. Without a cursor `overdue` is
 * judged at `nowMs`; with one, at the time of the listing's first page.
 *
 * @example
 * ```ts
 * parseListFilter({ open: true, limit: 20 }, Date.now()); // { filter: { open: true }, limit: 20, atMs: … }
 * ```
 */
export function parseListFilter(input: ListFilter | undefined, nowMs: number): ListRequest {
  if (input === undefined) return { filter: {}, limit: DEFAULT_LIST_LIMIT, atMs: nowMs };
  if (typeof input !== 'object' || input === null) throw new ListQueryError('filter', `expected an object, got ${input === null ? 'null' : typeof input}`);
  const filter: CursorFilter = {};
  for (const key of ['open', 'overdue'] as const) {
    const value: unknown = input[key];
    if (value === undefined) continue;
    if (typeof value !== 'boolean') throw new ListQueryError(key, `expected true or false, got ${JSON.stringify(value) ?? typeof value}`);
    filter[key] = value;
  }
  const stage: unknown = input.stage;
  if (stage !== undefined) {
    if (typeof stage !== 'string' || stage.length === 0 || stage.length > 256) throw new ListQueryError('stage', 'expected a stage id (1 to 256 characters)');
    filter.stage = stage;
  }
  const limit: unknown = input.limit === undefined ? DEFAULT_LIST_LIMIT : input.limit;
  if (typeof limit !== 'number' || !Number.isSafeInteger(limit) || limit < 1 || limit > MAX_LIST_LIMIT) {
    throw new ListQueryError('limit', `expected an integer from 1 to ${MAX_LIST_LIMIT}, got ${JSON.stringify(limit) ?? typeof limit}`);
  }
  if (input.cursor === undefined) return { filter, limit, atMs: nowMs };
  const cursor = decodeListCursor(input.cursor, filter);
  return { filter, limit, after: cursor.after, atMs: cursor.atMs };
}
