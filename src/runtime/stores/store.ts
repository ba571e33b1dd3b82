import type { Incident } from '../incident.js';
import type { ListedIncident } from '../listed-incident.js';
import { PlanwrightError } from '../../errors/planwright-error.js';
import type { CorruptIncidentError } from './incident-document.js';

/** A stored incident a store cannot read ({@link IncidentStore.corrupt}): which one, and why. */
export interface CorruptIncident {
  incidentId: string;
  error: CorruptIncidentError;
}

/** A pending deadline found by {@link IncidentStore.dueBefore}. */
export interface DueDeadline {
  incidentId: string;
  deadlineId: string;
  instance: number;
  /** ISO 8601 due time (or the earliest pending reminder time, whichever is sooner). */
  dueAt: string;
}

/** A save a store reports to its watchers ({@link IncidentStore.watch}): which incident, at which version. */
export interface StoredChange {
  incidentId: string;
  version: number;
}

/**
 * A place in the list order (opened time, then id): the last incident of a page, after which the
 * next page starts. Keyset paging: a position stays valid whatever is opened, changed or closed
 * meanwhile, so paging never shows an incident twice.
 */
export interface ListPosition {
  /** The incident's opened time in ms, as the store orders by it (`Date.parse(openedAt)`). */
  openedMs: number;
  id: string;
}

/** What {@link IncidentStore.listPage} is asked for: filters, a page size and where to start. */
export interface IncidentListQuery {
  /** `true`: only open incidents; `false`: only closed ones. */
  open?: boolean;
  /** Only incidents in this stage. */
  stage?: string;
  /** `true`: only incidents overdue at `at` (open, with a breached deadline or a pending one due by `at`); `false`: only those that are not. */
  overdue?: boolean;
  /** The time (ISO 8601) `overdue` is judged at. */
  at: string;
  /** At most this many incidents (an integer from 1 to `MAX_LIST_LIMIT`). */
  limit: number;
  /** Start after this position (the previous page's `next`); absent: from the first incident. */
  after?: ListPosition;
}

/** One page of {@link IncidentStore.listPage}. */
export interface IncidentListPage {
  /** The matching incidents after `query.after`, in list order, at most `query.limit`. */
  incidents: ListedIncident[];
  /**
   * Stored incidents the page came across but could not read (left out of `incidents`; a page
   * may then hold fewer than `limit` incidents although more follow).
   */
  corrupt?: CorruptIncident[];
  /** Where the next page starts; absent when no matching incident follows. */
  next?: ListPosition;
}

/** Thrown (or rejected) by a store when an incident's saved version is not the expected one. */
export class VersionConflictError extends PlanwrightError {
  override readonly name = 'VersionConflictError';
  readonly code = 'version-conflict';
  constructor(
    readonly incidentId: string,
    readonly expectedVersion: number,
    readonly actualVersion: number | null,
  ) {
    super(`incident ${incidentId}: expected version ${expectedVersion}, found ${actualVersion ?? 'none'}`);
  }
}

/**
 * Where incidents live. planwright ships `memoryStore`, `fileStore` and `postgresStore`;
 * a host may write its own. All methods are async and must be safe to call concurrently.
 *
 * Contract:
 * - `save(incident, expectedVersion)` writes `incident` only if the stored version equals
 *   `expectedVersion` (0 for a new incident), otherwise rejects with `VersionConflictError`.
 *   The write is atomic: a reader sees the old document or the new one, never a mix.
 * - `get` returns the stored document (a document the caller may keep; it may be
 *   deep-frozen and shared, so callers must not change it) or `undefined`.
 * - `dueBefore(time)` lists pending deadlines (and pending reminders) due at or before `time`,
 *   sorted by due time then incident id.
 * - `list()` returns every stored incident (whole, with timelines). The engine uses it only when
 *   the store has no `listPage`, for start-up without `withPendingEffects`, and in tools.
 * - Refinements (all planwright stores, checked by the contract suite in test/stores):
 *   ids must match `INCIDENT_ID_PATTERN` (`stores/incident-id.ts`, safe as file names), else
 *   `InvalidIncidentIdError`; `incident.version` must be greater than `expectedVersion` (else
 *   `RangeError`); times are compared as instants, not strings; documents read back from
 *   storage are validated and a bad one raises `CorruptIncidentError` naming its file or row.
 */
export interface IncidentStore {
  get(id: string): Promise<Incident | undefined>;
  save(incident: Incident, expectedVersion: number): Promise<void>;
  list(): Promise<Incident[]>;
  /**
   * Optional (all planwright stores have it): one page of incidents, filtered and paged in the
   * store, in list order — opened time (`openedMs`) then id — starting after `query.after`. Items
   * are {@link ListedIncident}s (no timeline, only its last entry), so a page's cost depends on
   * its size, not on the number of incidents or the length of their histories: keep an index of
   * what the filters need (closed, stage, breached, earliest pending due time; `list-fields.ts`)
   * updated by every save. `next` is the position of the last item when more matching incidents
   * follow. Rejects with a `RangeError` for a `limit` out of range or a bad `at`. Without it,
   * `engine.list` reads `list()` and filters and pages in memory (same results, the cost of
   * reading every incident).
   */
  listPage?(query: IncidentListQuery): Promise<IncidentListPage>;
  dueBefore(time: string): Promise<DueDeadline[]>;
  /**
   * Optional, for stores shared by several engine processes: like `dueBefore`, but each returned
   * item is leased to `owner` for `leaseMs`, and not returned to another claimant until the lease
   * expires or a save of the incident settles it. A claimant that dies loses nothing: its lease
   * runs out and another process claims the item.
   */
  claimDue?(time: string, owner: string, leaseMs: number, limit: number): Promise<DueDeadline[]>;
  /**
   * Optional, for stores shared by several processes: one read → decide → save of incident `id`
   * that no other `update` or `save` of that incident can interleave with (PostgreSQL: one
   * transaction holding the incident's row lock). `known` is the caller's cached copy: when it is
   * still the stored version, `change` receives it as is (nothing read but the version); otherwise
   * `change` receives the stored incident. `change` returns the incident to save (its version
   * greater than the one it was given, its timeline continuing it) or `undefined` to save nothing.
   * Resolves to the incident as stored afterwards, or `undefined` when there is no such incident
   * (`change` is then not called). If `change` throws, nothing is written and the error is passed on.
   */
  update?(
    id: string,
    known: Incident | undefined,
    change: (current: Incident) => Incident | undefined | Promise<Incident | undefined>,
  ): Promise<Incident | undefined>;
  /**
   * Optional: the stored incidents the store found unreadable and leaves out of `list`,
   * `listPage`, `dueBefore`, `claimDue` and `withPendingEffects` (`get` of one rejects with its error). The
   * engine reports each through `inspect` when it starts.
   */
  corrupt?(): Promise<CorruptIncident[]>;
  /** Optional: ids of incidents whose outbox is not empty (for delivery after a restart). */
  withPendingEffects?(): Promise<string[]>;
  /**
   * Optional, for stores shared by several processes: calls `watcher` after each save of any
   * incident, by any process (this one included), with the incident's id and new version; returns
   * a function that stops watching. The engine uses it so that `subscribe` sees changes made
   * elsewhere. Best effort: a change saved while the store's connection is down is not replayed.
   */
  watch?(watcher: (change: StoredChange) => void): () => void;
  /** Optional health check: resolves when the store can serve requests, rejects saying why not. */
  ping?(): Promise<void>;
  /** Releases resources (connections, file handles). */
  close?(): Promise<void>;
}
