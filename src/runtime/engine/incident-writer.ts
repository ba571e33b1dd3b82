import type { IncidentSnapshot, TimelineEntry } from '../incident.js';
import { EngineError } from '../send-error.js';
import { bindState } from '../state-binding.js';
import { VersionConflictError, type IncidentStore } from '../stores/store.js';
import type { IncidentCache } from './incident-cache.js';
import type { IncidentReader } from './incident-reader.js';
import type { Inspector } from './inspector.js';

/** A change to save: the next snapshot (its version raised) and the timeline entries it adds. */
export interface PendingSave {
  incident: IncidentSnapshot;
  entries: readonly TimelineEntry[];
}

/** What a step made of the incident as it is: a change to save (none: nothing is written) and what to hand back. */
export interface Step<Result> {
  save?: PendingSave;
  result: Result;
}

/** How one write attempt ended. */
export type Written<Result> =
  | { status: 'missing' }
  /** The save met a newer version (the cached copy was dropped): try again from the stored incident. */
  | { status: 'conflict' }
  /** The step saved nothing; `incident` is the snapshot it was given. */
  | { status: 'unchanged'; incident: IncidentSnapshot; result: Result }
  /** Saved: the snapshot and entries as sealed and stored. */
  | { status: 'saved'; incident: IncidentSnapshot; entries: readonly TimelineEntry[]; result: Result };

/** Where a write attempt starts from: the engine's cached copy, the stored snapshot, or a given one. */
export type WriteSource = 'cached' | 'stored' | IncidentSnapshot;

/** How the engine writes incidents to its store. */
export interface IncidentWriter {
  /** Whether writes with `lock` run under the store's lock (the store has `update`): the step then always sees the incident as stored. */
  readonly locks: boolean;
  /**
   * Saves a new incident (version 1: its snapshot and first entries, sealed) and remembers it; an
   * id already stored is refused with `EngineError('conflict')`.
   */
  create(incident: IncidentSnapshot, entries: readonly TimelineEntry[]): Promise<void>;
  /**
   * One read → step → seal → save of incident `id`'s snapshot. With `lock` and a store that has
   * `update` (PostgreSQL), the step runs on the stored snapshot under the store's lock for it (no
   * version conflict however many processes share it). Otherwise the step runs on the snapshot read
   * from `from`, and the store appends the entries and replaces the snapshot only if the version is
   * still the one read (optimistic).
   * The save's last new entry is sealed with the state's digest first (state-binding.ts). A saved
   * change is remembered and passed to `onSaved`. Throws `CorruptIncidentError` for an incident
   * that fails its checks on reading.
   */
  write<Result>(id: string, from: WriteSource, step: (current: IncidentSnapshot) => Step<Result>, options: { lock: boolean }): Promise<Written<Result>>;
}

/** What the writer needs of the engine. */
export interface WriterParts {
  store: IncidentStore;
  cache: IncidentCache;
  reader: IncidentReader;
  inspect: Inspector;
  /** Called with every snapshot saved (the engine caches it and schedules its deadlines). */
  remember: (incident: IncidentSnapshot) => void;
  /** Called after each save of a change (the engine's change listeners). */
  onSaved: (incident: IncidentSnapshot, entries: readonly TimelineEntry[]) => void;
}

/**
 * The engine's writer: the one place that seals and saves a change.
 * @internal
 *
 * @example
 * const written = await writer.write(id, 'cached', (current) => ({ save: next(current), result: 1 }), { lock: true });
 */
export function incidentWriter({ store, cache, reader, inspect, remember, onSaved }: WriterParts): IncidentWriter {
  const conflict = (id: string, expected: number): { status: 'conflict' } => {
    cache.drop(id);
    inspect({ type: 'conflict', incidentId: id, detail: { expected } });
    return { status: 'conflict' };
  };

  const seal = (pending: PendingSave): PendingSave => {
    const sealed = bindState(pending.incident, pending.entries);
    return { incident: sealed.snapshot, entries: sealed.entries };
  };

  const saved = <Result>(sealed: PendingSave, result: Result): Written<Result> => {
    remember(sealed.incident);
    onSaved(sealed.incident, sealed.entries);
    return { status: 'saved', incident: sealed.incident, entries: sealed.entries, result };
  };

  async function writeLocked<Result>(update: NonNullable<IncidentStore['update']>, id: string, step: (current: IncidentSnapshot) => Step<Result>): Promise<Written<Result>> {
    let stepped: Step<Result> | undefined;
    let sealed: PendingSave | undefined;
    let adopted: IncidentSnapshot | undefined;
    let stored: unknown;
    const known = cache.get(id);
    try {
      // The cached copy is passed in, so the store reads the snapshot only when it is stale.
      stored = await update.call(store, id, known, async (current, headEntry) => {
        if (headEntry === undefined) {
          if (current !== known || known === undefined) throw new Error(`store update of incident ${id} gave a snapshot without its head entry`);
          adopted = known;
        } else adopted = await reader.adoptSnapshot({ snapshot: current, headEntry });
        stepped = step(adopted);
        sealed = stepped.save === undefined ? undefined : seal(stepped.save);
        return sealed === undefined ? undefined : { snapshot: sealed.incident, entries: sealed.entries };
      });
    } catch (error) {
      if (error instanceof VersionConflictError) return conflict(id, error.expectedVersion);
      throw error;
    }
    if (stored === undefined || stepped === undefined || adopted === undefined) {
      cache.drop(id);
      return { status: 'missing' };
    }
    if (sealed === undefined) return { status: 'unchanged', incident: adopted, result: stepped.result };
    return saved(sealed, stepped.result);
  }

  async function writeOptimistic<Result>(id: string, from: WriteSource, step: (current: IncidentSnapshot) => Step<Result>): Promise<Written<Result>> {
    const current = typeof from === 'object' ? from : await reader.load(id, from === 'stored');
    if (current === undefined) return { status: 'missing' };
    const stepped = step(current);
    if (stepped.save === undefined) return { status: 'unchanged', incident: current, result: stepped.result };
    const sealed = seal(stepped.save);
    try {
      await store.save(sealed.incident, sealed.entries, current.version);
    } catch (error) {
      if (error instanceof VersionConflictError) return conflict(id, current.version);
      throw error;
    }
    return saved(sealed, stepped.result);
  }

  return {
    locks: store.update !== undefined,

    async create(incident, entries) {
      try {
        await store.save(incident, entries, 0);
      } catch (error) {
        if (error instanceof VersionConflictError) {
          throw new EngineError('conflict', `an incident with id ${incident.id} already exists`, { incidentId: incident.id });
        }
        throw error;
      }
      remember(incident);
    },

    write(id, from, step, { lock }) {
      return lock && store.update !== undefined ? writeLocked(store.update, id, step) : writeOptimistic(id, from, step);
    },
  };
}
