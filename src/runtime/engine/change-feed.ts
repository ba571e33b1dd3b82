import type { EngineChange } from '../engine-types.js';
import type { IncidentSnapshot, TimelineEntry } from '../incident.js';
import type { KeyedQueue } from '../keyed-queue.js';
import type { IncidentStore, StoredChange } from '../stores/store.js';
import type { IncidentReader } from './incident-reader.js';
import type { Inspector } from './inspector.js';

/** The engine's change listeners (`engine.subscribe`). */
export interface ChangeFeed {
  /** Passes a saved change to every listener (a listener that throws is reported, the others still called). */
  emit(incident: IncidentSnapshot, entries: readonly TimelineEntry[]): void;
  subscribe(listener: (change: EngineChange) => void): () => void;
  /** Stops watching the store and drops every listener. */
  close(): void;
  /** Stops watching the store (no listener is added after this). */
  stopWatching(): void;
}

/** How many incidents' last emitted versions the change feed remembers (one small entry each). */
const EMITTED_REMEMBERED = 10_000;

/** What the change feed needs of the engine. */
export interface ChangeFeedParts {
  store: IncidentStore;
  planId: string;
  reader: IncidentReader;
  queue: KeyedQueue;
  inspect: Inspector;
  isDisposed: () => boolean;
}

/**
 * The engine's change feed: its own saves (emitted by the writer), and — with a store that has a
 * change feed (`store.watch`, while anybody subscribes) — saves made elsewhere: such a save's
 * snapshot is read and passed on with the entries this engine had not seen (a page of the timeline
 * after the last version its listeners were given; the whole timeline for an incident they were
 * never given). This engine's own saves are emitted by the writer, in the incident's queue, before
 * the store's notice of them is handled, so they are passed on once.
 * @internal
 *
 * @example
 * const feed = changeFeed({ store, planId, reader, queue, inspect, isDisposed });
 * const stop = feed.subscribe(({ incident, entries }) => console.log(incident.id, entries.length));
 */
export function changeFeed({ store, planId, reader, queue, inspect, isDisposed }: ChangeFeedParts): ChangeFeed {
  const listeners = new Set<(change: EngineChange) => void>();
  let unwatch: (() => void) | undefined;
  /**
   * Per incident, the version and head the listeners were last given (the most recent
   * {@link EMITTED_REMEMBERED} incidents). Not the cache: a read (`engine.get`) caches a version
   * the listeners have not been given, and a change that arrives after such a read must still be
   * passed on.
   */
  const emitted = new Map<string, { version: number; seq: number }>();

  const recordEmitted = (incident: IncidentSnapshot): void => {
    emitted.delete(incident.id);
    emitted.set(incident.id, { version: incident.version, seq: incident.head.seq });
    if (emitted.size > EMITTED_REMEMBERED) {
      const oldest = emitted.keys().next().value;
      if (oldest !== undefined) emitted.delete(oldest);
    }
  };

  const emit = (incident: IncidentSnapshot, entries: readonly TimelineEntry[]): void => {
    if (listeners.size === 0) return;
    recordEmitted(incident);
    for (const listener of [...listeners]) {
      try {
        listener({ incident, entries });
      } catch (error) {
        inspect({ type: 'error', incidentId: incident.id, detail: { where: 'listener', message: String(error) } });
      }
    }
  };

  const onStoredChange = (change: StoredChange): void => {
    if (isDisposed() || listeners.size === 0) return;
    const given = emitted.get(change.incidentId);
    if (given !== undefined && given.version >= change.version) return;
    queue
      .run(change.incidentId, async () => {
        const before = emitted.get(change.incidentId);
        if (before !== undefined && before.version >= change.version) return;
        const incident = await reader.load(change.incidentId, true);
        if (incident === undefined || incident.planId !== planId) return;
        if (before !== undefined && incident.version <= before.version) return;
        // The entries after the last ones the listeners were given, up to the head just read (the
        // whole timeline for an incident they were never given).
        const after = before?.seq ?? -1;
        const unseen = incident.head.seq > after ? await store.timeline(change.incidentId, { after, limit: incident.head.seq - after }) : [];
        emit(incident, unseen);
      })
      .catch((error: unknown) => inspect({ type: 'error', incidentId: change.incidentId, detail: { where: 'change-feed', message: String(error) } }));
  };

  const stopWatching = (): void => {
    unwatch?.();
    unwatch = undefined;
  };

  return {
    emit,
    subscribe(listener) {
      listeners.add(listener);
      if (unwatch === undefined && !isDisposed()) unwatch = store.watch?.(onStoredChange);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) stopWatching();
      };
    },
    stopWatching,
    close() {
      stopWatching();
      listeners.clear();
    },
  };
}
