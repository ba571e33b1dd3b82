import type { Incident } from '../incident.js';
import type { IncidentListQuery, ListPosition } from './store.js';

/**
 * What a list query filters and orders an incident by, derived from the incident: the fields a
 * store keeps in its list index (memory and file stores) or in columns (`postgresStore`).
 */
export interface ListFields {
  /** `Date.parse(openedAt)`: the first part of the list order. */
  openedMs: number;
  closed: boolean;
  stage: string;
  /** Whether any deadline instance is breached. */
  breached: boolean;
  /** The earliest due time (ms) of the pending deadline instances; undefined when none is pending. */
  nextDueMs: number | undefined;
}

/**
 * The {@link ListFields} of an incident. Reads a document that is not a valid incident (a store
 * such as `memoryStore` keeps what a host saves unchecked; the engine refuses it when it reads it)
 * without throwing: missing or mistyped fields count as none.
 *
 * @example
 * ```ts
 * listFieldsOf(incident).nextDueMs; // the earliest pending due time, in ms
 * ```
 */
export function listFieldsOf(incident: Pick<Incident, 'openedAt' | 'closed' | 'stage' | 'deadlines'>): ListFields {
  let breached = false;
  let nextDueMs: number | undefined;
  for (const deadline of Array.isArray(incident.deadlines) ? incident.deadlines : []) {
    if (deadline?.status === 'breached') breached = true;
    else if (deadline?.status === 'pending') {
      const due = Date.parse(deadline.dueAt);
      if (!Number.isNaN(due) && (nextDueMs === undefined || due < nextDueMs)) nextDueMs = due;
    }
  }
  const openedMs = typeof incident.openedAt === 'string' ? Date.parse(incident.openedAt) : Number.NaN;
  return {
    openedMs: Number.isNaN(openedMs) ? 0 : openedMs,
    closed: incident.closed === true,
    stage: typeof incident.stage === 'string' ? incident.stage : '',
    breached,
    nextDueMs,
  };
}

/**
 * Whether an incident is overdue at `atMs`: open, with a breached deadline or a pending one due
 * at or before `atMs`.
 *
 * @example
 * ```ts
 * isOverdueAt(listFieldsOf(incident), Date.now());
 * ```
 */
export function isOverdueAt(fields: ListFields, atMs: number): boolean {
  return !fields.closed && (fields.breached || (fields.nextDueMs !== undefined && fields.nextDueMs <= atMs));
}

/**
 * Whether an incident with `fields` passes the filters of `query` (`open`, `stage`, `overdue`
 * judged at `atMs`); the position (`after`) is not looked at.
 *
 * @example
 * ```ts
 * matchesListFilter(listFieldsOf(incident), { open: true, stage: 'assess' }, Date.now());
 * ```
 */
export function matchesListFilter(fields: ListFields, query: Pick<IncidentListQuery, 'open' | 'stage' | 'overdue'>, atMs: number): boolean {
  if (query.open !== undefined && query.open === fields.closed) return false;
  if (query.stage !== undefined && query.stage !== fields.stage) return false;
  if (query.overdue !== undefined && query.overdue !== isOverdueAt(fields, atMs)) return false;
  return true;
}

/**
 * The list order: opened time (ms), then id (compared as strings, by UTF-16 code units). Negative
 * when `a` comes first.
 *
 * @example
 * ```ts
 * comparePositions({ openedMs: 1, id: 'b' }, { openedMs: 1, id: 'a' }); // 1
 * ```
 */
export function comparePositions(a: ListPosition, b: ListPosition): number {
  if (a.openedMs !== b.openedMs) return a.openedMs < b.openedMs ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
