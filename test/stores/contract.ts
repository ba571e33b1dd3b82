import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IncidentStore } from '../../src/runtime/stores/store.js';
import { VersionConflictError } from '../../src/runtime/stores/store.js';
import { appendEntries, deadline, effect, fixtureSnapshot, makeIncident, nextVersion, put } from './fixtures.js';

export { fixtureSnapshot, put } from './fixtures.js';

/** A store under test, how to open it again on the same storage (durable stores), and how to clean up. */
export interface StoreHandle {
  store: IncidentStore;
  /** Opens a second store on the same storage (closing is the suite's job). Absent for non-durable stores. */
  reopen?: () => Promise<IncidentStore>;
  /** Closes the store(s) and removes the storage. */
  dispose(): Promise<void>;
}

/**
 * The behaviour every {@link IncidentStore} must have. Call inside a test file:
 * `describeStoreContract('memoryStore', async () => ({ store: memoryStore(), dispose: async () => {} }))`.
 */
export function describeStoreContract(name: string, makeStore: () => Promise<StoreHandle>): void {
  describe(`store contract: ${name}`, () => {
    let handle: StoreHandle;
    let store: IncidentStore;
    beforeEach(async () => {
      handle = await makeStore();
      store = handle.store;
    });
    afterEach(async () => {
      await handle.dispose();
    });

    describe('save and get', () => {
      it('returns undefined for an unknown id', async () => {
        expect(await store.get('nope')).toBeUndefined();
      });

      it('round-trips a document exactly', async () => {
        const incident = makeIncident('PO-1', {
          severity: 'II',
          data: { nested: { list: [1, 'two', null, true] }, unicode: '舆情 事件' },
          deadlines: [deadline('first-report', '2024-05-01T09:00:00.000Z')],
          outbox: [effect('PO-1', 0)],
          state: { response: { comms: 'pending', legal: 'done' } },
        });
        await put(store, incident, 0);
        expect(await store.get('PO-1')).toEqual(incident);
      });

      it('saves a newer version over an older one', async () => {
        const v1 = makeIncident('PO-1');
        await put(store, v1, 0);
        const v2 = nextVersion(v1, { stage: 'response', severity: 'I' }, 3);
        await put(store, v2, 1);
        const got = await store.get('PO-1');
        expect(got?.version).toBe(2);
        expect(got?.stage).toBe('response');
        expect(got?.timeline).toHaveLength(4);
        expect(got).toEqual(v2);
      });

      it('rejects invalid ids, versions that do not move forward and negative expected versions', async () => {
        await expect(put(store, makeIncident('../escape'), 0)).rejects.toThrow(/invalid incident id/);
        await expect(put(store, makeIncident('a/b'), 0)).rejects.toThrow(/invalid incident id/);
        await expect(put(store, makeIncident('PO-1', { version: 1 }), 1)).rejects.toThrow(RangeError);
        await expect(put(store, makeIncident('PO-1'), -1)).rejects.toThrow(RangeError);
        await expect(store.get('../escape')).rejects.toThrow(/invalid incident id/);
        expect(await store.list()).toEqual([]);
      });
    });

    describe('snapshot and timeline (contract v2)', () => {
      it('reads the snapshot with its head and head entry, without the timeline', async () => {
        const v1 = makeIncident('PO-1', { deadlines: [deadline('report', '2024-05-01T09:00:00.000Z')] });
        await put(store, v1, 0);
        const v2 = nextVersion(v1, { stage: 'response' }, 3);
        await put(store, v2, 1);
        const read = await store.getSnapshot('PO-1');
        expect(read?.snapshot).not.toHaveProperty('timeline');
        expect(read?.snapshot.stage).toBe('response');
        expect(read?.snapshot.version).toBe(2);
        expect(read?.snapshot.head).toEqual({ seq: 3, hash: v2.timeline[3]!.hash, at: v2.timeline[3]!.at });
        expect(read?.headEntry).toEqual(v2.timeline[3]);
        expect(await store.getSnapshot('PO-9')).toBeUndefined();
      });

      it('pages the timeline by seq (after, limit), in order', async () => {
        const incident = makeIncident('PO-1', { timeline: appendEntries([], 12) });
        await put(store, incident, 0);
        expect((await store.timeline('PO-1')).map((e) => e.seq)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
        expect((await store.timeline('PO-1', { after: 4, limit: 3 })).map((e) => e.seq)).toEqual([5, 6, 7]);
        expect((await store.timeline('PO-1', { after: 9 })).map((e) => e.seq)).toEqual([10, 11]);
        expect(await store.timeline('PO-1', { after: 11 })).toEqual([]);
        expect(await store.timeline('PO-9')).toEqual([]);
        expect(await store.timeline('PO-1', { after: 0, limit: 1 })).toEqual([incident.timeline[1]]);
        await expect(store.timeline('PO-1', { limit: 0 })).rejects.toThrow(RangeError);
      });

      it('appends only: refuses entries that do not continue the stored chain, and a head that is not their last', async () => {
        const v1 = makeIncident('PO-1');
        await put(store, v1, 0);
        const v2 = nextVersion(v1, {}, 2);
        // The entries skip one (seq 2 after seq 0).
        await expect(store.save(fixtureSnapshot(v2), v2.timeline.slice(2), 1)).rejects.toThrow(/continue|timeline/);
        // A head that is not the last entry saved.
        await expect(store.save({ ...fixtureSnapshot(v2), head: fixtureSnapshot(v1).head }, v2.timeline.slice(1), 1)).rejects.toThrow(/head|timeline/);
        expect((await store.get('PO-1'))?.timeline).toHaveLength(1);
        await store.save(fixtureSnapshot(v2), v2.timeline.slice(1), 1);
        expect(await store.get('PO-1')).toEqual(v2);
      });
    });

    describe('optimistic concurrency', () => {
      it('rejects expected version 0 when the incident exists, and leaves it unchanged', async () => {
        const v1 = makeIncident('PO-1');
        await put(store, v1, 0);
        const other = makeIncident('PO-1', { title: 'a different incident' });
        const error = await put(store, other, 0).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(VersionConflictError);
        expect(error).toMatchObject({ incidentId: 'PO-1', expectedVersion: 0, actualVersion: 1 });
        expect((await store.get('PO-1'))?.title).toBe('Incident PO-1');
      });

      it('rejects an expected version > 0 for an incident that does not exist', async () => {
        const error = await put(store, makeIncident('PO-9', { version: 3 }), 2).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(VersionConflictError);
        expect(error).toMatchObject({ incidentId: 'PO-9', expectedVersion: 2, actualVersion: null });
        expect(await store.get('PO-9')).toBeUndefined();
      });

      it('rejects a stale version', async () => {
        const v1 = makeIncident('PO-1');
        await put(store, v1, 0);
        const v2 = nextVersion(v1, { stage: 'response' });
        await put(store, v2, 1);
        const stale = nextVersion(v1, { stage: 'closed' });
        const error = await put(store, stale, 1).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(VersionConflictError);
        expect(error).toMatchObject({ expectedVersion: 1, actualVersion: 2 });
        expect(await store.get('PO-1')).toEqual(v2);
      });

      it('lets exactly one of many concurrent saves with the same expected version win', async () => {
        const v1 = makeIncident('PO-1');
        await put(store, v1, 0);
        const candidates = Array.from({ length: 8 }, (_, i) => nextVersion(v1, { title: `writer ${i}` }));
        const results = await Promise.allSettled(candidates.map((c) => put(store, c, 1)));
        const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
        expect(won).toHaveLength(1);
        for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(VersionConflictError);
        const stored = await store.get('PO-1');
        expect(stored?.version).toBe(2);
        expect(stored?.title).toBe(`writer ${won[0]}`);
      });

      it('lets exactly one of many concurrent creations of the same id win', async () => {
        const results = await Promise.allSettled(
          Array.from({ length: 6 }, (_, i) => put(store, makeIncident('PO-new', { title: `creator ${i}` }), 0)),
        );
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        expect((await store.list()).map((i) => i.id)).toEqual(['PO-new']);
      });

      it('serializes a chain of concurrent read-modify-write loops without losing an update', async () => {
        await put(store, makeIncident('PO-1', { data: { count: 0 } }), 0);
        const bump = async (): Promise<void> => {
          for (;;) {
            const current = await store.get('PO-1');
            if (current === undefined) throw new Error('missing');
            const next = nextVersion(current, { data: { count: (current.data['count'] as number) + 1 } });
            try {
              await put(store, next, current.version);
              return;
            } catch (error) {
              if (!(error instanceof VersionConflictError)) throw error;
            }
          }
        };
        await Promise.all(Array.from({ length: 10 }, bump));
        const final = await store.get('PO-1');
        expect(final?.data['count']).toBe(10);
        expect(final?.version).toBe(11);
        expect(final?.timeline).toHaveLength(11);
      });
    });

    describe('dueBefore', () => {
      beforeEach(async () => {
        await put(store, 
          makeIncident('B', {
            deadlines: [
              deadline('report', '2024-05-01T10:00:00.000Z'),
              deadline('met-one', '2024-05-01T08:30:00.000Z', { status: 'met', metAt: '2024-05-01T08:20:00.000Z' }),
              deadline('reading', '2024-05-01T09:00:00.000Z', { instance: 2 }),
              deadline('reading', '2024-05-01T07:00:00.000Z', { instance: 1, status: 'breached', breachedAt: '2024-05-01T07:00:00.000Z' }),
            ],
          }),
          0,
        );
        await put(store, 
          makeIncident('A', {
            deadlines: [
              deadline('report', '2024-05-01T10:00:00.000Z'),
              deadline('late', '2024-05-02T00:00:00.000Z'),
              deadline('gone', '2024-05-01T08:10:00.000Z', { status: 'cancelled', cancelledAt: '2024-05-01T08:05:00.000Z' }),
            ],
          }),
          0,
        );
        await put(store, makeIncident('C'), 0);
      });

      it('lists only pending instances due at or before the time, by due time then incident id', async () => {
        expect(await store.dueBefore('2024-05-01T10:00:00.000Z')).toEqual([
          { incidentId: 'B', deadlineId: 'reading', instance: 2, dueAt: '2024-05-01T09:00:00.000Z' },
          { incidentId: 'A', deadlineId: 'report', instance: 1, dueAt: '2024-05-01T10:00:00.000Z' },
          { incidentId: 'B', deadlineId: 'report', instance: 1, dueAt: '2024-05-01T10:00:00.000Z' },
        ]);
      });

      it('excludes instances due after the time', async () => {
        expect(await store.dueBefore('2024-05-01T09:59:59.999Z')).toEqual([
          { incidentId: 'B', deadlineId: 'reading', instance: 2, dueAt: '2024-05-01T09:00:00.000Z' },
        ]);
        expect(await store.dueBefore('2024-05-01T08:59:59.999Z')).toEqual([]);
      });

      it('compares instants, not strings (a query time with an offset)', async () => {
        const due = await store.dueBefore('2024-05-01T11:00:00+02:00');
        expect(due.map((d) => `${d.incidentId}/${d.deadlineId}`)).toEqual(['B/reading']);
        const all = await store.dueBefore('2024-05-02T02:00:00+02:00');
        expect(all.map((d) => `${d.incidentId}/${d.deadlineId}`)).toEqual(['B/reading', 'A/report', 'B/report', 'A/late']);
      });

      it('follows saves: met and new instances are reflected', async () => {
        const b = await store.get('B');
        if (b === undefined) throw new Error('missing B');
        const next = nextVersion(b, {
          deadlines: b.deadlines
            .map((d) => (d.id === 'reading' && d.instance === 2 ? { ...d, status: 'met' as const, metAt: '2024-05-01T08:40:00.000Z' } : d))
            .concat([deadline('reading', '2024-05-01T08:45:00.000Z', { instance: 3 })]),
        });
        await put(store, next, b.version);
        expect((await store.dueBefore('2024-05-01T09:30:00.000Z')).map((d) => `${d.incidentId}/${d.deadlineId}#${d.instance}`)).toEqual([
          'B/reading#3',
        ]);
      });

      it('rejects a query time that is not a time', async () => {
        await expect(store.dueBefore('not a time')).rejects.toThrow(/ISO 8601/);
      });
    });

    describe('list and withPendingEffects', () => {
      it('lists every incident', async () => {
        await put(store, makeIncident('PO-2'), 0);
        await put(store, makeIncident('PO-1'), 0);
        const v2 = nextVersion(makeIncident('PO-3'));
        await put(store, makeIncident('PO-3'), 0);
        await put(store, v2, 1);
        const all = await store.list();
        expect(all.map((i) => i.id).sort()).toEqual(['PO-1', 'PO-2', 'PO-3']);
        expect(all.find((i) => i.id === 'PO-3')?.version).toBe(2);
      });

      it('lists incidents whose outbox is not empty', async () => {
        if (store.withPendingEffects === undefined) return expect(store.withPendingEffects).toBeUndefined();
        const a = makeIncident('A', { outbox: [effect('A', 0), effect('A', 1, 'publish')] });
        await put(store, a, 0);
        await put(store, makeIncident('B'), 0);
        await put(store, makeIncident('C', { outbox: [effect('C', 0)] }), 0);
        expect((await store.withPendingEffects()).sort()).toEqual(['A', 'C']);
        await put(store, nextVersion(a, { outbox: [] }), 1);
        expect(await store.withPendingEffects()).toEqual(['C']);
      });
    });

    describe('copies', () => {
      it('returns documents the caller cannot change the store through (changes either throw or stay local)', async () => {
        await put(store, makeIncident('PO-1', { deadlines: [deadline('d', '2024-05-01T09:00:00.000Z')] }), 0);
        const got = await store.get('PO-1');
        if (got === undefined) throw new Error('missing');
        const attempt = (change: () => void) => {
          try {
            change();
          } catch (e) {
            expect(e).toBeInstanceOf(TypeError); // a deep-frozen, shared document
          }
        };
        attempt(() => (got.title = 'changed'));
        attempt(() => (got.data['source'] = 'changed'));
        attempt(() => (got.deadlines[0]!.status = 'met'));
        attempt(() => got.timeline.push(got.timeline[0]!));
        const listed = await store.list();
        attempt(() => (listed[0]!.title = 'changed too'));
        const again = await store.get('PO-1');
        expect(again?.title).toBe('Incident PO-1');
        expect(again?.data['source']).toBe('weibo');
        expect(again?.deadlines[0]?.status).toBe('pending');
        expect(again?.timeline).toHaveLength(1);
        expect((await store.list())[0]?.title).toBe('Incident PO-1');
        expect(await store.dueBefore('2024-05-01T09:00:00.000Z')).toHaveLength(1);
        // Shared only if nobody can change it: a document returned twice as the same object is deep-frozen.
        if (again === (await store.get('PO-1'))) {
          expect(Object.isFrozen(again)).toBe(true);
          expect(Object.isFrozen(again?.data)).toBe(true);
          expect(Object.isFrozen(again?.deadlines[0])).toBe(true);
          expect(Object.isFrozen(again?.timeline)).toBe(true);
        }
      });

      it('keeps what was saved even if the caller changes its object afterwards', async () => {
        const incident = makeIncident('PO-1');
        await put(store, incident, 0);
        incident.title = 'changed after save';
        incident.data['source'] = 'changed';
        expect((await store.get('PO-1'))?.title).toBe('Incident PO-1');
        expect((await store.get('PO-1'))?.data['source']).toBe('weibo');
      });
    });

    describe('claimDue (stores shared by several processes)', () => {
      const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
      beforeEach(async () => {
        for (const [id, due] of [['A', '2024-05-01T09:00:00.000Z'], ['B', '2024-05-01T09:30:00.000Z'], ['C', '2024-05-01T09:10:00.000Z'], ['D', '2024-05-01T12:00:00.000Z']] as const) {
          await put(store, makeIncident(id, { deadlines: [deadline('report', due)] }), 0);
        }
      });
      const label = (items: { incidentId: string; deadlineId: string }[]) => items.map((d) => `${d.incidentId}/${d.deadlineId}`);

      it('claims due items in due order, up to the limit, and not twice while leased', async ({ skip }) => {
        if (store.claimDue === undefined) return skip('store has no claimDue');
        expect(label(await store.claimDue('2024-05-01T10:00:00.000Z', 'p1', 60_000, 2))).toEqual(['A/report', 'C/report']);
        expect(label(await store.claimDue('2024-05-01T10:00:00.000Z', 'p2', 60_000, 10))).toEqual(['B/report']);
        expect(await store.claimDue('2024-05-01T10:00:00.000Z', 'p1', 60_000, 10)).toEqual([]);
        // dueBefore still lists leased items: it is the single-process query
        expect(label(await store.dueBefore('2024-05-01T10:00:00.000Z'))).toEqual(['A/report', 'C/report', 'B/report']);
      });

      it('makes items claimable again when the lease runs out (a claimant that died loses nothing)', async ({ skip }) => {
        if (store.claimDue === undefined) return skip('store has no claimDue');
        expect(label(await store.claimDue('2024-05-01T10:00:00.000Z', 'dies', 150, 10))).toEqual(['A/report', 'C/report', 'B/report']);
        expect(await store.claimDue('2024-05-01T10:00:00.000Z', 'p2', 60_000, 10)).toEqual([]);
        await sleep(300);
        expect(label(await store.claimDue('2024-05-01T10:00:00.000Z', 'p2', 60_000, 10))).toEqual(['A/report', 'C/report', 'B/report']);
      });

      it('settles a claim with a save: a met instance is gone, a new instance is claimable, an unchanged one stays leased', async ({ skip }) => {
        if (store.claimDue === undefined) return skip('store has no claimDue');
        await store.claimDue('2024-05-01T10:00:00.000Z', 'p1', 60_000, 10);
        const a = (await store.get('A'))!;
        await put(store, 
          nextVersion(a, {
            deadlines: [
              { ...a.deadlines[0]!, status: 'breached', breachedAt: '2024-05-01T09:00:00.000Z' },
              deadline('report', '2024-05-01T09:45:00.000Z', { instance: 2 }),
            ],
          }),
          a.version,
        );
        const c = (await store.get('C'))!;
        await put(store, nextVersion(c, { title: 'unrelated change' }), c.version);
        expect(await store.claimDue('2024-05-01T10:00:00.000Z', 'p2', 60_000, 10)).toEqual([
          { incidentId: 'A', deadlineId: 'report', instance: 2, dueAt: '2024-05-01T09:45:00.000Z' },
        ]);
      });

      it('gives concurrent claimants disjoint items that together cover everything due', async ({ skip }) => {
        if (store.claimDue === undefined) return skip('store has no claimDue');
        for (let i = 0; i < 30; i++) {
          await put(store, makeIncident(`M-${i}`, { deadlines: [deadline('d', `2024-05-01T08:${String(i).padStart(2, '0')}:00.000Z`)] }), 0);
        }
        const claims = await Promise.all(
          Array.from({ length: 6 }, (_, p) => store.claimDue!('2024-05-01T10:00:00.000Z', `p${p}`, 60_000, 4)),
        );
        const more = await store.claimDue('2024-05-01T10:00:00.000Z', 'late', 60_000, 100);
        const all = [...claims.flat(), ...more].map((d) => `${d.incidentId}/${d.deadlineId}`);
        expect(all).toHaveLength(33);
        expect(new Set(all).size).toBe(33);
      });

      it('rejects a bad lease or limit', async ({ skip }) => {
        if (store.claimDue === undefined) return skip('store has no claimDue');
        await expect(store.claimDue('2024-05-01T10:00:00.000Z', 'p', 0, 1)).rejects.toThrow(RangeError);
        await expect(store.claimDue('2024-05-01T10:00:00.000Z', 'p', 1000, 0)).rejects.toThrow(RangeError);
      });
    });

    describe('durability', () => {
      it('keeps documents, versions, deadlines and outboxes across a reopen', async ({ skip }) => {
        if (handle.reopen === undefined) return skip('not a durable store');
        const a = makeIncident('A', { deadlines: [deadline('report', '2024-05-01T09:00:00.000Z')], outbox: [effect('A', 0)] });
        await put(store, a, 0);
        await put(store, nextVersion(a), 1);
        await store.close?.();
        const reopened = await handle.reopen();
        try {
          expect((await reopened.get('A'))?.version).toBe(2);
          expect(await reopened.dueBefore('2024-05-01T09:00:00.000Z')).toEqual([
            { incidentId: 'A', deadlineId: 'report', instance: 1, dueAt: '2024-05-01T09:00:00.000Z' },
          ]);
          expect(await reopened.withPendingEffects?.()).toEqual(['A']);
          await expect(put(reopened, nextVersion(a), 1)).rejects.toBeInstanceOf(VersionConflictError);
        } finally {
          await reopened.close?.();
        }
      });
    });
  });
}
