// engine.snapshot: an incident's snapshot as stored (state and timeline head, no timeline), read
// with the store's getSnapshot alone, fresh from the store (a save by another engine is seen).
import { describe, expect, it } from 'vitest';
import { createEngine, createManualClock, memoryStore, type IncidentStore } from '../../src/runtime/index.js';
import { ev, must, openSeed, seedPlan } from './seed-fixtures.js';

/** The store, counting the reads that cost the history (timeline pages and whole incidents). */
function countingStore(inner: IncidentStore): { store: IncidentStore; historyReads: () => number } {
  let reads = 0;
  return {
    store: {
      ...inner,
      get: (id) => {
        reads++;
        return inner.get(id);
      },
      timeline: (id, page) => {
        reads++;
        return inner.timeline(id, page);
      },
    },
    historyReads: () => reads,
  };
}

describe('engine.snapshot', () => {
  it('answers the stored snapshot without reading the timeline; undefined for an unknown or invalid id', async () => {
    const { store, historyReads } = countingStore(memoryStore());
    const engine = createEngine(seedPlan(), { clock: createManualClock('2024-05-01T08:00:00Z'), store });
    const opened = await openSeed(engine);
    const sent = await engine.send(opened.id, ev('REPORT'));
    if (!sent.ok) throw new Error(sent.error.message);
    const before = historyReads();
    const snapshot = await engine.snapshot(opened.id);
    expect(historyReads()).toBe(before);
    expect(snapshot).toEqual(sent.incident);
    expect(snapshot).not.toHaveProperty('timeline');
    expect(snapshot?.head).toEqual({ seq: sent.entries.at(-1)?.seq, hash: sent.entries.at(-1)?.hash, at: sent.entries.at(-1)?.at });
    expect(Object.isFrozen(snapshot)).toBe(true);
    expect(await engine.snapshot('no-such-incident')).toBeUndefined();
    expect(await engine.snapshot('../escape')).toBeUndefined();
    await engine.dispose();
  });

  it('reads the store, not only its cache: a version saved by another engine is seen', async () => {
    const store = memoryStore();
    const clock = createManualClock('2024-05-01T08:00:00Z');
    const [first, second] = [createEngine(seedPlan(), { clock, store }), createEngine(seedPlan(), { clock, store })];
    const opened = await openSeed(first);
    expect((await second.snapshot(opened.id))?.version).toBe(1);
    const reported = await must(first, opened.id, 'REPORT');
    const seen = await second.snapshot(opened.id);
    expect([seen?.version, seen?.stage, seen?.head.hash]).toEqual([reported.version, 'assess', reported.timeline.at(-1)?.hash]);
    await Promise.all([first.dispose(), second.dispose()]);
  });
});
