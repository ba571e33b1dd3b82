import { describe, expect, it } from 'vitest';
import { createEngine, createManualClock, memoryStore, VersionConflictError, type IncidentStore, type PendingEffect } from '../../src/runtime/index.js';
import { ev, must, openSeed, people, seedPlan } from './seed-fixtures.js';

const T0 = '2024-05-01T08:00:00.000Z';

describe('concurrency', () => {
  it('100 concurrent sends on one incident are all applied or rejected, none lost', async () => {
    const clock = createManualClock(T0);
    const engine = createEngine(seedPlan(), { clock, newId: () => 'PO-1' });
    const incident = await openSeed(engine);
    const sends = Array.from({ length: 100 }, (_, i) =>
      engine.send(incident.id, i % 4 === 3 ? ev('NOTE', { note: `n${i}` }, people.outsider) : ev('NOTE', { note: `n${i}` })),
    );
    const results = await Promise.all(sends);
    expect(results.filter((r) => r.ok)).toHaveLength(75);
    expect(results.filter((r) => !r.ok && r.error.code === 'unauthorized')).toHaveLength(25);
    const after = await engine.get(incident.id);
    expect(after?.version).toBe(101);
    const notes = after?.timeline.filter((e) => e.type === 'event' || e.type === 'rejected') ?? [];
    expect(notes).toHaveLength(100);
    expect(notes.map((e) => (e.data?.['data'] as { note: string }).note)).toEqual(Array.from({ length: 100 }, (_, i) => `n${i}`));
    expect(after?.data['note']).toBe('n98');
  });

  it('a version conflict from another process is reloaded and retried', async () => {
    const clock = createManualClock(T0);
    const store = memoryStore();
    const a = createEngine(seedPlan(), { clock, store, newId: () => 'PO-1' });
    const b = createEngine(seedPlan(), { clock, store });
    const incident = await openSeed(a);
    await must(b, incident.id, 'REPORT'); // a's cached copy is now stale
    const result = await a.send(incident.id, ev('ASSESS'));
    expect(result.ok).toBe(true);
    expect(result.ok && result.incident).toMatchObject({ stage: 'strategy', version: 3 });
  });

  it('gives up with `conflict` after a bounded number of attempts', async () => {
    const inner = memoryStore();
    let saves = 0;
    const flaky: IncidentStore = {
      getSnapshot: (id) => inner.getSnapshot(id),
      get: (id) => inner.get(id),
      timeline: (id, page) => inner.timeline(id, page),
      list: () => inner.list(),
      dueBefore: (t) => inner.dueBefore(t),
      async save(snapshot, entries, expected) {
        if (expected === 0) return inner.save(snapshot, entries, expected);
        saves++;
        throw new VersionConflictError(snapshot.id, expected, expected + 1);
      },
    };
    const engine = createEngine(seedPlan(), { clock: createManualClock(T0), store: flaky, maxRetries: 3, newId: () => 'PO-1' });
    const incident = await openSeed(engine);
    const result = await engine.send(incident.id, ev('REPORT'));
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict', details: { attempts: 4 } } });
    expect(saves).toBe(4);
  });

  it('two engines on one store running due deadlines at once fire each breach exactly once', async () => {
    const clock = createManualClock(T0);
    const store = memoryStore();
    const notified: PendingEffect[] = [];
    const effects = { notify: async (e: PendingEffect) => void notified.push(e) };
    const a = createEngine(seedPlan(), { clock, store, effects, newId: () => 'PO-1' });
    const b = createEngine(seedPlan(), { clock, store, effects });
    await openSeed(a);
    clock.advance('1h');
    const [fa, fb] = await Promise.all([a.runDue(), b.runDue()]);
    expect(fa + fb).toBe(2);
    expect(notified.map((e) => e.payload['reason'])).toEqual(['reminder', 'breach']);
    const incident = await a.get('PO-1');
    expect(incident?.timeline.filter((e) => e.type === 'deadline-breached')).toHaveLength(1);
  });
});
