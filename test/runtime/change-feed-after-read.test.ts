/**
 * A change saved by another engine reaches this engine's listeners even when this engine read the
 * incident's newer version (engine.get) before the store's notice of the change arrived. The feed
 * once judged "already seen" by the cache, which a read also fills: the change was dropped (seen
 * as a timeout of the multi-instance HTTP test on a loaded machine).
 */
import { describe, expect, it } from 'vitest';
import { createEngine, createManualClock, memoryStore, type EngineChange, type IncidentStore, type StoredChange } from '../../src/runtime/index.js';
import { ev, openSeed, seedPlan } from './seed-fixtures.js';

/** The memory store with a change feed whose notices the test delivers by hand. */
function storeWithManualFeed(): { store: IncidentStore; deliver: () => void } {
  const inner = memoryStore();
  const watchers = new Set<(change: StoredChange) => void>();
  const pending: StoredChange[] = [];
  const store: IncidentStore = {
    getSnapshot: (id) => inner.getSnapshot(id),
    get: (id) => inner.get(id),
    timeline: (id, page) => inner.timeline(id, page),
    async save(snapshot, entries, expected) {
      await inner.save(snapshot, entries, expected);
      pending.push({ incidentId: snapshot.id, version: snapshot.version });
    },
    list: () => inner.list(),
    dueBefore: (time) => inner.dueBefore(time),
    watch(watcher) {
      watchers.add(watcher);
      return () => watchers.delete(watcher);
    },
  };
  const deliver = (): void => {
    for (const change of pending.splice(0)) for (const watcher of watchers) watcher(change);
  };
  return { store, deliver };
}

describe('change feed', () => {
  it('passes on a change saved elsewhere although a read cached its version first', async () => {
    const { store, deliver } = storeWithManualFeed();
    const clock = createManualClock('2024-05-01T08:00:00Z');
    const effects = { notify: () => undefined, publish: () => undefined };
    const a = createEngine(seedPlan(), { clock, store, effects });
    const b = createEngine(seedPlan(), { clock, store, effects });
    const seenOnB: EngineChange[] = [];
    b.subscribe((change) => seenOnB.push(change));
    const incident = await openSeed(a);
    deliver();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seenOnB.flatMap((change) => change.entries.map((entry) => entry.seq))).toEqual(incident.timeline.map((entry) => entry.seq));

    clock.advance(60_000);
    const sent = await a.send(incident.id, ev('REPORT'));
    expect(sent.ok).toBe(true);
    // B reads the newest version before the store's notice of A's save reaches it.
    const read = await b.get(incident.id);
    expect(read?.version).toBe(sent.incident?.version);
    deliver();
    await new Promise((resolve) => setTimeout(resolve, 10));
    const seqs = seenOnB.flatMap((change) => change.entries.map((entry) => entry.seq));
    expect(seqs).toEqual(Array.from({ length: (read?.timeline.length ?? 0) }, (_, index) => index));
    expect(seenOnB.at(-1)?.incident.version).toBe(read?.version);
    await a.dispose();
    await b.dispose();
  });
});
