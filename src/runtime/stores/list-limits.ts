import { parseQueryTime } from './due-deadlines.js';
import type { IncidentListQuery } from './store.js';

/** The page size of `engine.list` (and of `GET /incidents`) when none is asked for. */
export const DEFAULT_LIST_LIMIT = 50;

/** The largest page `engine.list` and the stores' `listPage` serve: a page is bounded work. */
export const MAX_LIST_LIMIT = 500;

/**
 * Checks a {@link IncidentListQuery} as a store receives it (the engine has checked it already;
 * a host calling a store directly may not have): `limit` an integer from 1 to
 * {@link MAX_LIST_LIMIT}, `at` a time, `after` a position. Throws a `RangeError` or `TypeError`
 * saying which; returns `at` in ms.
 *
 * @example
 * ```ts
 * const atMs = checkListQuery({ at: '2024-05-01T08:00:00Z', limit: 50 });
 * ```
 */
export function checkListQuery(query: IncidentListQuery): number {
  if (!Number.isSafeInteger(query.limit) || query.limit < 1 || query.limit > MAX_LIST_LIMIT) {
    throw new RangeError(`list limit must be an integer from 1 to ${MAX_LIST_LIMIT}, got ${String(query.limit)}`);
  }
  const after = query.after;
  if (after !== undefined && (!Number.isSafeInteger(after.openedMs) || typeof after.id !== 'string')) {
    throw new TypeError(`list position must be { openedMs: integer, id: string }, got ${JSON.stringify(after)}`);
  }
  return parseQueryTime(query.at);
}
