import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/compile/canonical-json.js';
import { memoryStore } from '../../src/runtime/stores/memory-store.js';
import { fixtureSnapshot, makeIncident, nextSave } from '../stores/fixtures.js';
import type { IncidentSnapshot } from '../../src/runtime/incident.js';

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}

describe('memoryStore keeps deep-frozen snapshots and entries by reference', () => {
  it('returns the very snapshot and entries saved when they are deep-frozen (new and next versions)', async () => {
    const store = memoryStore();
    const incident = makeIncident('PO-1');
    const v1 = deepFreeze(fixtureSnapshot(incident));
    const first = deepFreeze(incident.timeline[0]!);
    await store.save(v1, [first], 0);
    expect((await store.getSnapshot('PO-1'))?.snapshot).toBe(v1);
    expect((await store.getSnapshot('PO-1'))?.headEntry).toBe(first);
    const next = deepFreeze(nextSave(v1, {}, 2));
    await store.save(next.snapshot, next.entries, 1);
    expect((await store.getSnapshot('PO-1'))?.snapshot).toBe(next.snapshot);
    const timeline = await store.timeline('PO-1');
    expect(timeline[0]).toBe(first);
    expect(timeline[2]).toBe(next.entries[1]);
    // The whole incident is built from them (its timeline a frozen copy of the store's array).
    const whole = (await store.list())[0];
    expect(whole?.timeline[1]).toBe(next.entries[0]);
    expect(Object.isFrozen(whole?.timeline)).toBe(true);
  });

  it('copies (and freezes the copy of) a snapshot or entry that is not deep-frozen', async () => {
    const store = memoryStore();
    const incident = makeIncident('PO-1');
    const v1 = deepFreeze(fixtureSnapshot(incident));
    await store.save(v1, incident.timeline, 0);
    const next = nextSave(v1, { title: 'mutable' });
    const shallow = Object.freeze({ ...next.snapshot, data: { note: 'mutable' } }) as IncidentSnapshot;
    await store.save(shallow, next.entries, 1);
    const got = (await store.getSnapshot('PO-1'))!.snapshot;
    expect(got).not.toBe(shallow);
    expect(got).toEqual(shallow);
    (shallow.data as Record<string, unknown>)['note'] = 'changed after save';
    (next.entries[0]!.data as Record<string, unknown>)['text'] = 'changed after save';
    expect((await store.getSnapshot('PO-1'))!.snapshot.data).toEqual({ note: 'mutable' });
    expect((await store.timeline('PO-1', { after: 0 }))[0]?.data).toEqual({ text: 'entry 1' });
    expect(Object.isFrozen((await store.getSnapshot('PO-1'))!.snapshot.data)).toBe(true);
  });

  it('stores the copy of a snapshot saved with its keys in another order in canonical key order', async () => {
    const store = memoryStore();
    const incident = makeIncident('PO-1');
    const original = fixtureSnapshot(incident);
    const reversed = Object.fromEntries(Object.entries(original).reverse()) as unknown as IncidentSnapshot;
    await store.save(reversed, incident.timeline, 0);
    const stored = (await store.getSnapshot('PO-1'))?.snapshot;
    expect(Object.keys(stored ?? {})).toEqual(Object.keys(original).sort());
    expect(JSON.stringify(stored)).toBe(canonicalJson(original));
    expect(Object.isFrozen((await store.timeline('PO-1'))[0])).toBe(true);
  });
});
