import type { EngineChange } from '../engine-types.js';
import type { IncidentSnapshot, TimelineEntry } from '../incident.js';
import type { KeyedQueue } from '../keyed-queue.js';
import type { IncidentStore, StoredChange } from '../stores/store.js';
import type { IncidentCache } from './incident-cache.js';
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

/** What the change feed needs of the engine. */
export interface ChangeFeedParts {
  store: IncidentStore;
  planId: string;
  cache: IncidentCache;
  reader: IncidentReader;
  queue: KeyedQueue;
  inspect: Inspector;
  isDisposed: () => boolean;
}

/**
 * The engine's change feed: its own saves (emitted by the writer), and — with a store that has a
 * change feed (`store.watch`, while anybody subscribes) — saves made elsewhere: such a save's
 * snapshot is read and passed on with the entries this engine had not seen (a page of the timeline
 * after the version it knew; the whole timeline for an incident it never read). This engine's own saves are known by version: every save runs in the incident's
 * queue and is cached before the queue moves on.
 * @internal
 *
 * @example
 * const feed = changeFeed({ store, planId, cache, reader, queue, inspect, isDisposed });
 * const stop = feed.subscribe(({ incident, entries }) => console.log(incident.id, entries.length));
 */
export function changeFeed({ store, planId, cache, reader, queue, inspect, isDisposed }: ChangeFeedParts): ChangeFeed {
  const listeners = new Set<(change: EngineChange) => void>();
  let unwatch: (() => void) | undefined;

  const emit = (incident: IncidentSnapshot, entries: readonly TimelineEntry[]): void => {
    if (listeners.size === 0) return;
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
    const known = cache.get(change.incidentId);
    if (known !== undefined && known.version >= change.version) return;
    queue
      .run(change.incidentId, async () => {
        const before = cache.get(change.incidentId);
        if (before !== undefined && before.version >= change.version) return;
        const incident = await reader.load(change.incidentId, true);
        if (incident === undefined || incident.planId !== planId) return;
        if (before !== undefined && incident.version <= before.version) return;
        // The entries after the last version this engine knew, up to the head just read.
        const after = before?.head.seq ?? -1;
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
