import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngine, createManualClock, type Incident, type PendingEffect } from '../../src/runtime/index.js';
import { fileStore } from '../../src/runtime/stores/file-store.js';
import { at, deadline, must, openSeed, seedPlan } from './seed-fixtures.js';

const T0 = '2024-05-01T08:00:00.000Z';
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'planwright-restore-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function engineOn(clock: ReturnType<typeof createManualClock>, notified: PendingEffect[], ids = 'PO') {
  const store = fileStore(dir);
  let n = 0;
  const engine = createEngine(seedPlan(), {
    clock,
    store,
    newId: () => `${ids}-${++n}`,
    effects: { notify: async (e) => void notified.push(e), publish: async () => {} },
  });
  return { engine, store };
}

describe('restore from a file store', () => {
  it('a new engine finds every pending deadline; after a gap each fires once, in due order, with its notify effect', async () => {
    const clock = createManualClock(T0);
    const notified: PendingEffect[] = [];
    const first = engineOn(clock, notified);
    const a = await openSeed(first.engine);
    await must(first.engine, a.id, 'REPORT');
    await must(first.engine, a.id, 'ASSESS'); // II: strategy +1h, first-statement +5h, press-briefing +24h
    clock.advance('10m');
    const b = await openSeed(first.engine); // report due 08:40
    await first.engine.dispose();
    await first.store.close();
    expect(notified).toEqual([]);

    clock.set(at(T0, 25 * 60)); // a day later
    const second = engineOn(clock, notified, 'PO2');
    expect(await second.engine.runDue()).toBe(5);
    expect(notified.map((e) => [e.id.split(':')[0], e.payload['deadline'], e.payload['reason'], e.at])).toEqual([
      [b.id, 'report', 'reminder', at(T0, 30)],
      [b.id, 'report', 'breach', at(T0, 40)],
      [a.id, 'strategy', 'breach', at(T0, 60)],
      [a.id, 'first-statement', 'breach', at(T0, 300)],
      [a.id, 'press-briefing', 'breach', at(T0, 24 * 60)],
    ]);
    const restoredA = (await second.engine.get(a.id)) as Incident;
    expect(restoredA.timeline.filter((e) => e.type === 'deadline-breached').map((e) => [e.data?.['deadline'], e.at])).toEqual([
      ['strategy', at(T0, 60)],
      ['first-statement', at(T0, 300)],
      ['press-briefing', at(T0, 24 * 60)],
    ]);
    expect(restoredA.outbox).toEqual([]);
    expect(deadline(restoredA, 'strategy')).toMatchObject({ status: 'breached', breachedAt: at(T0, 60) });

    // Exactly once: running again, or a third engine, fires nothing more.
    expect(await second.engine.runDue()).toBe(0);
    await second.engine.dispose();
    await second.store.close();
    clock.advance('1m');
    const third = engineOn(clock, notified, 'PO3');
    expect(await third.engine.runDue()).toBe(0);
    expect(notified).toHaveLength(5);
    await third.engine.dispose();
    await third.store.close();
  });

  it('outbox leftovers (saved but not delivered before a crash) are delivered by the next engine on start-up', async () => {
    const clock = createManualClock(T0);
    const store = fileStore(dir);
    const crashing = createEngine(seedPlan(), {
      clock,
      store,
      newId: () => 'PO-1',
      effects: {
        notify: () => new Promise<void>(() => {}), // never settles: the process "dies" mid-delivery
      },
    });
    await openSeed(crashing);
    clock.advance('20m');
    void crashing.runDue();
    await new Promise((r) => setTimeout(r, 50));
    await store.close();
    // The reminder was saved in the outbox before delivery started.
    const reread = fileStore(dir);
    const doc = await reread.get('PO-1');
    expect(doc?.outbox.map((e) => [e.name, e.payload['reason']])).toEqual([['notify', 'reminder']]);
    await reread.close();

    const delivered: PendingEffect[] = [];
    const store2 = fileStore(dir);
    const next = createEngine(seedPlan(), { clock, store: store2, effects: { notify: async (e) => void delivered.push(e) } });
    const incident = (await next.get('PO-1')) as Incident;
    expect(delivered.map((e) => e.id)).toEqual(['PO-1:3:0']);
    expect(incident.outbox).toEqual([]);
    expect(incident.timeline.at(-1)).toMatchObject({ type: 'effect-delivered', data: { effect: 'PO-1:3:0', name: 'notify' } });
    await next.dispose();
    await store2.close();
  });
});
