import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/compile/canonical-json.js';
import { memoryStore } from '../../src/runtime/stores/memory-store.js';
import { makeIncident, nextVersion } from '../stores/fixtures.js';
import type { Incident } from '../../src/runtime/incident.js';

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}

describe('memoryStore keeps deep-frozen incidents by reference', () => {
  it('returns the very object saved when it is deep-frozen (new and next versions)', async () => {
    const store = memoryStore();
    const v1 = deepFreeze(makeIncident('PO-1'));
    await store.save(v1, 0);
    expect(await store.get('PO-1')).toBe(v1);
    const v2 = deepFreeze({ ...v1, version: 2, timeline: [...v1.timeline, { ...v1.timeline[0]!, seq: 2 }] } as Incident);
    await store.save(v2, 1);
    expect(await store.get('PO-1')).toBe(v2);
    expect((await store.list())[0]).toBe(v2);
  });

  it('copies (and freezes the copy of) an incident that is frozen only on top or in shared parts', async () => {
    const store = memoryStore();
    const v1 = deepFreeze(makeIncident('PO-1'));
    await store.save(v1, 0);
    const entry = { ...v1.timeline[0]!, seq: 2, data: { note: 'mutable' } };
    const v2 = Object.freeze({ ...nextVersion(v1, {}, 0), timeline: Object.freeze([...v1.timeline, entry]) }) as Incident;
    await store.save(v2, 1);
    const got = (await store.get('PO-1'))!;
    expect(got).not.toBe(v2);
    expect(got).toEqual(v2);
    entry.data.note = 'changed after save';
    expect((await store.get('PO-1'))!.timeline[1]!.data).toEqual({ note: 'mutable' });
    expect(Object.isFrozen(got.timeline[1]!.data)).toBe(true);
    const plain = makeIncident('PO-2');
    await store.save(plain, 0);
    plain.title = 'changed';
    expect((await store.get('PO-2'))!.title).toBe('Incident PO-2');
    expect(Object.isFrozen(plain)).toBe(false);
  });

  it('stores the copy of a document saved with its keys in another order in canonical key order', async () => {
    const store = memoryStore();
    const original = makeIncident('PO-1');
    const reversed = Object.fromEntries(Object.entries(original).reverse()) as unknown as Incident;
    await store.save(reversed, 0);
    const stored = await store.get('PO-1');
    expect(Object.keys(stored ?? {})).toEqual(Object.keys(original).sort());
    expect(JSON.stringify(stored)).toBe(canonicalJson(original));
    expect(Object.isFrozen(stored?.timeline[0])).toBe(true);
  });
});
