import { describe, expect, it } from 'vitest';
import { canonicalFrozen } from '../../src/runtime/canonical-freeze.js';
import { createEngine, createManualClock, verifyTimeline, type Incident, type IncidentStoreV1 } from '../../src/runtime/index.js';
import { must, openSeed, seedPlan } from './seed-fixtures.js';

const T0 = '2024-05-01T08:00:00.000Z';

/** Incidents driven a few steps into the seed plan, each as the JSON text a durable store keeps. */
async function storedTexts(count: number): Promise<string[]> {
  const clock = createManualClock(T0);
  let n = 0;
  const engine = createEngine(seedPlan(), { clock, newId: () => `PO-${++n}`, effects: { notify: async () => {}, publish: async () => {} } });
  const texts: string[] = [];
  for (let i = 0; i < count; i++) {
    const incident = await openSeed(engine);
    clock.advance('1m');
    await must(engine, incident.id, 'REPORT');
    if (i % 2 === 0) await must(engine, incident.id, 'ASSESS');
    texts.push(JSON.stringify(await engine.get(incident.id)));
  }
  await engine.dispose();
  return texts;
}

describe('canonicalFrozen on documents read from a store', () => {
  it('gives back the same incident, deep-frozen, with a timeline that still verifies (documents walked one after another)', async () => {
    const texts = await storedTexts(3);
    for (const text of [...texts, ...texts.reverse()]) {
      const incident = canonicalFrozen(JSON.parse(text) as Incident);
      expect(JSON.stringify(incident)).toBe(text);
      expect(verifyTimeline(incident)).toEqual({ ok: true });
      expect(Object.isFrozen(incident.timeline[1])).toBe(true);
      expect(incident.timeline[2]?.prevHash).toBe(incident.timeline[1]?.hash);
    }
  });

  it('never rewrites a prevHash that differs from the previous hash: an edited chain is still reported where it breaks', async () => {
    const [text] = await storedTexts(1);
    const doc = JSON.parse(text as string) as { timeline: Array<{ prevHash: string }> };
    const edited = 'f'.repeat(64);
    (doc.timeline[4] as { prevHash: string }).prevHash = edited;
    const incident = canonicalFrozen(doc as unknown as Incident);
    expect(incident.timeline[4]?.prevHash).toBe(edited);
    expect(verifyTimeline(incident)).toEqual({ ok: false, brokenAt: 4, reason: 'prev-hash' });
  });

  it('an engine reading stored JSON texts returns incidents equal to the ones written', async () => {
    const texts = await storedTexts(4);
    const byId = new Map(texts.map((t) => [(JSON.parse(t) as Incident).id, t]));
    // A store written for the contract before runtime v2 (whole documents): the engine adapts it.
    const store: IncidentStoreV1 = {
      get: async (id) => {
        const t = byId.get(id);
        return t === undefined ? undefined : (JSON.parse(t) as Incident);
      },
      save: async () => {
        throw new Error('read-only');
      },
      list: async () => [...byId.values()].map((t) => JSON.parse(t) as Incident),
      dueBefore: async () => [],
    };
    const reader = createEngine(seedPlan(), { clock: createManualClock(T0), store, cacheSize: 1 });
    for (const id of [...byId.keys(), ...byId.keys()]) {
      const incident = (await reader.get(id)) as Incident;
      expect(JSON.stringify(incident)).toBe(byId.get(id));
      expect(verifyTimeline(incident).ok).toBe(true);
    }
    await reader.dispose();
  });
});
