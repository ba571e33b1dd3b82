import type { Incident } from '../incident.js';
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
   * `dueBefore`, `claimDue` and `withPendingEffects` (`get` of one rejects with its error). The
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
