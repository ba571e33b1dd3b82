import type { Incident, IncidentSnapshot, IncidentState, TimelineEntry } from '../incident.js';
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
 * An incident's snapshot as a store reads it (runtime v2): the state (without the timeline), the
 * head of its timeline, and the head entry itself (the last timeline entry), which the engine
 * checks the state against (`stateDigest`) without reading the rest of the timeline. `timelineIndex`
 * is absent in a document stored before it existed (the engine derives it once from the timeline).
 */
export interface StoredSnapshot {
  snapshot: IncidentState & { head: IncidentSnapshot['head'] };
  headEntry: TimelineEntry;
}

/** Which timeline entries {@link IncidentStore.timeline} returns: those with `seq > after` (default -1: from the first), at most `limit` (default: all). */
export interface TimelinePage {
  after?: number;
  limit?: number;
}

/**
 * Where incidents live (store contract v2: a small snapshot plus an append-only timeline).
 * planwright ships `memoryStore`, `fileStore` and `postgresStore`; a host may write its own. All
 * methods are async and must be safe to call concurrently. (A store written for the contract before
 * runtime v2, {@link IncidentStoreV1}, still works: the engine adapts it, at that contract's cost.)
 *
 * Contract:
 * - `save(snapshot, entries, expectedVersion)` appends `entries` to the incident's timeline and
 *   replaces its snapshot, only if the stored version equals `expectedVersion` (0 for a new
 *   incident), otherwise rejects with `VersionConflictError`. Atomic: a reader sees the old
 *   snapshot and timeline or the new ones, never a mix. `entries` must continue the stored chain
 *   (`seq` and `prevHash`), and `snapshot.head` must name the last of them (or the stored head when
 *   there are none); the store keeps the snapshot without its `head` (`stateOf`) and answers with
 *   the head of the chain it holds. The cost of a save must not grow with the incident's history.
 * - `getSnapshot(id)` returns the snapshot and its head entry without reading the rest of the
 *   timeline, or `undefined`; `get(id)` returns the whole incident (state and timeline) for hosts,
 *   reports and `verifyIncident`; `timeline(id, page)` returns a page of entries in `seq` order
 *   (an empty array for an unknown id). Documents returned may be deep-frozen and shared: callers
 *   must not change them.
 * - `dueBefore(time)` lists pending deadlines (and pending reminders) due at or before `time`,
 *   sorted by due time then incident id.
 * - `list()` returns every stored incident (whole, with timelines). The engine uses it only when
 *   the store has no `listPage`, for start-up without `withPendingEffects`, and in tools.
 * - Refinements (all planwright stores, checked by the contract suite in test/stores):
 *   ids must match `INCIDENT_ID_PATTERN` (`stores/incident-id.ts`, safe as file names), else
 *   `InvalidIncidentIdError`; `snapshot.version` must be greater than `expectedVersion` (else
 *   `RangeError`); times are compared as instants, not strings; documents read back from
 *   storage are validated and a bad one raises `CorruptIncidentError` naming its file or row.
 */
export interface IncidentStore {
  getSnapshot(id: string): Promise<StoredSnapshot | undefined>;
  get(id: string): Promise<Incident | undefined>;
  timeline(id: string, page?: TimelinePage): Promise<TimelineEntry[]>;
  save(snapshot: IncidentSnapshot, entries: readonly TimelineEntry[], expectedVersion: number): Promise<void>;
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
   * transaction holding the incident's row lock). `known` is the caller's cached snapshot: when it
   * is still the stored version (same version and head), `change` receives it as is and no head
   * entry (nothing read but the version); otherwise `change` receives the stored snapshot and its
   * head entry. `change` returns the snapshot and entries to save (its version greater than the
   * one it was given, its entries continuing its head) or `undefined` to save nothing. Resolves to
   * the snapshot as stored afterwards (the one saved, or the one given to `change`), or `undefined`
   * when there is no such incident (`change` is then not called). If `change` throws, nothing is
   * written and the error is passed on.
   */
  update?(
    id: string,
    known: IncidentSnapshot | undefined,
    change: (
      current: StoredSnapshot['snapshot'],
      headEntry: TimelineEntry | undefined,
    ) => { snapshot: IncidentSnapshot; entries: readonly TimelineEntry[] } | undefined | Promise<{ snapshot: IncidentSnapshot; entries: readonly TimelineEntry[] } | undefined>,
  ): Promise<StoredSnapshot['snapshot'] | undefined>;
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

/**
 * The store contract before runtime v2: whole incidents, each save writing the incident with its
 * whole timeline. Still accepted by `createEngine` (through an adapter: each save reads or keeps
 * the incident's timeline and hands the store the whole document, so its cost grows with the
 * history as it always did for such a store). Write new stores to {@link IncidentStore}.
 */
export interface IncidentStoreV1 {
  get(id: string): Promise<Incident | undefined>;
  /** Writes `incident` (with its whole timeline) only if the stored version equals `expectedVersion` (0: new), else rejects with `VersionConflictError`. */
  save(incident: Incident, expectedVersion: number): Promise<void>;
  list(): Promise<Incident[]>;
  dueBefore(time: string): Promise<DueDeadline[]>;
  claimDue?(time: string, owner: string, leaseMs: number, limit: number): Promise<DueDeadline[]>;
  corrupt?(): Promise<CorruptIncident[]>;
  withPendingEffects?(): Promise<string[]>;
  watch?(watcher: (change: StoredChange) => void): () => void;
  ping?(): Promise<void>;
  close?(): Promise<void>;
}
