import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Incident } from '../../src/runtime/incident.js';
import { MAX_LIST_LIMIT } from '../../src/runtime/stores/list-limits.js';
import type { IncidentListQuery, IncidentStore, ListPosition } from '../../src/runtime/stores/store.js';
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
  /** The store must have `listPage` (planwright's stores): its tests fail instead of being skipped without it. */
  paged?: boolean;
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

    describe('listPage (filtered, paged lists)', () => {
      const AT = '2024-05-01T10:00:00.000Z';
      /** Every page of `query` from the start, following `next`; `between` runs after each page. */
      const pages = async (
        listPage: NonNullable<IncidentStore['listPage']>,
        query: Omit<IncidentListQuery, 'after'>,
        between: (page: number, listed: string[]) => Promise<void> = async () => {},
      ): Promise<string[][]> => {
        const out: string[][] = [];
        let after: ListPosition | undefined;
        for (;;) {
          const page = await listPage.call(store, after === undefined ? query : { ...query, after });
          out.push(page.incidents.map((i) => i.id));
          expect(page.incidents.length).toBeLessThanOrEqual(query.limit);
          if (page.next === undefined) return out;
          expect(page.incidents.length, 'a page with a next is full').toBe(query.limit);
          expect(page.next.id).toBe(page.incidents.at(-1)?.id);
          after = page.next;
          await between(out.length, out.flat());
          if (out.length > 100) throw new Error('paging does not end');
        }
      };
      /** Skips a test of `listPage` for a store without it, unless the store must have it. */
      const noListPage = (skip: (note: string) => void): void => {
        expect(handle.paged, 'this store must have listPage').not.toBe(true);
        skip('store has no listPage (the engine lists through list())');
      };
      /** Opened `minutes` after 08:00. */
      const openedAt = (minutes: number) => new Date(Date.parse('2024-05-01T08:00:00.000Z') + minutes * 60_000).toISOString();

      it('pages through every incident once, in opened-time order then id, and the last page has no next', async ({ skip }) => {
        const listPage = store.listPage;
        if (listPage === undefined) return noListPage(skip);
        // 23 incidents: some opened at the same time (ordered by id), one written with an offset (compared as an instant).
        const opened: Array<[string, string]> = [];
        for (let i = 0; i < 20; i++) opened.push([`P-${String(i).padStart(2, '0')}`, openedAt(20 - i)]);
        opened.push(['Q-b', openedAt(5)], ['Q-a', openedAt(5)], ['Q-offset', '2024-05-01T10:02:30.000+02:00']);
        for (const [id, at] of opened) await put(store, makeIncident(id, { openedAt: at }), 0);
        const expected = [...opened]
          .sort(([idA, atA], [idB, atB]) => Date.parse(atA) - Date.parse(atB) || (idA < idB ? -1 : idA > idB ? 1 : 0))
          .map(([id]) => id);
        expect(expected.slice(0, 4)).toEqual(['P-19', 'P-18', 'Q-offset', 'P-17']); // 08:01, 08:02, 08:02:30, 08:03
        const byFive = await pages(listPage, { at: AT, limit: 5 });
        expect(byFive.map((page) => page.length)).toEqual([5, 5, 5, 5, 3]);
        expect(byFive.flat()).toEqual(expected);
        // A last page that is exactly full says so: no next.
        const exact = await pages(listPage, { at: AT, limit: 23 });
        expect(exact).toEqual([expected]);
        expect(await pages(listPage, { at: AT, limit: 1 })).toEqual(expected.map((id) => [id]));
      });

      it('filters by open, stage and overdue (at the given time), alone and combined', async ({ skip }) => {
        const listPage = store.listPage;
        if (listPage === undefined) return noListPage(skip);
        const breached = (id: string) => deadline(id, '2024-05-01T08:30:00.000Z', { status: 'breached', breachedAt: '2024-05-01T08:30:00.000Z' });
        const incidents = [
          makeIncident('A', { openedAt: openedAt(1), stage: 'detection' }),
          makeIncident('B', { openedAt: openedAt(2), stage: 'response', deadlines: [deadline('report', '2024-05-01T09:00:00.000Z')] }),
          makeIncident('C', { openedAt: openedAt(3), stage: 'response', deadlines: [breached('first'), deadline('report', '2024-05-01T15:00:00.000Z')] }),
          makeIncident('D', { openedAt: openedAt(4), stage: 'closed', closed: true, closedAt: openedAt(50), deadlines: [breached('first')] }),
          makeIncident('E', { openedAt: openedAt(5), stage: 'detection', deadlines: [deadline('report', '2024-05-01T11:00:00.000Z'), deadline('met', '2024-05-01T08:10:00.000Z', { status: 'met', metAt: openedAt(9) })] }),
          makeIncident('F', { openedAt: openedAt(6), stage: 'response', closed: true, closedAt: openedAt(40) }),
        ];
        for (const incident of incidents) await put(store, incident, 0);
        const ids = async (query: Omit<IncidentListQuery, 'limit'>) => (await pages(listPage, { ...query, limit: 2 })).flat();
        expect(await ids({ at: AT })).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
        expect(await ids({ at: AT, open: true })).toEqual(['A', 'B', 'C', 'E']);
        expect(await ids({ at: AT, open: false })).toEqual(['D', 'F']);
        expect(await ids({ at: AT, stage: 'response' })).toEqual(['B', 'C', 'F']);
        expect(await ids({ at: AT, stage: 'response', open: true })).toEqual(['B', 'C']);
        expect(await ids({ at: AT, stage: 'nowhere' })).toEqual([]);
        expect(await ids({ at: AT, overdue: true })).toEqual(['B', 'C']);
        expect(await ids({ at: AT, overdue: false })).toEqual(['A', 'D', 'E', 'F']);
        expect(await ids({ at: '2024-05-01T08:59:59.999Z', overdue: true })).toEqual(['C']);
        expect(await ids({ at: '2024-05-01T09:00:00.000Z', overdue: true })).toEqual(['B', 'C']); // due at the time: overdue
        expect(await ids({ at: '2024-05-01T13:00:00+02:00', overdue: true, stage: 'detection' })).toEqual(['E']); // 11:00 UTC
        expect(await ids({ at: AT, overdue: false, open: true })).toEqual(['A', 'E']);
        expect(await ids({ at: AT, overdue: true, open: false })).toEqual([]);
        // Saves move incidents between filters: B's deadline met and B closed; A moves to response.
        const b = (await store.get('B'))!;
        await put(store, nextVersion(b, { closed: true, closedAt: openedAt(70), stage: 'closed', deadlines: [{ ...b.deadlines[0]!, status: 'met', metAt: openedAt(60) }] }), b.version);
        const a = (await store.get('A'))!;
        await put(store, nextVersion(a, { stage: 'response' }), a.version);
        expect(await ids({ at: AT, overdue: true })).toEqual(['C']);
        expect(await ids({ at: AT, open: true })).toEqual(['A', 'C', 'E']);
        expect(await ids({ at: AT, open: false })).toEqual(['B', 'D', 'F']);
        expect(await ids({ at: AT, stage: 'response' })).toEqual(['A', 'C', 'F']);
        expect(await ids({ at: AT, stage: 'detection' })).toEqual(['E']);
        expect(await ids({ at: AT, stage: 'closed' })).toEqual(['B', 'D']);
      });

      it('shows each incident at most once while incidents are opened, changed and closed between pages', async ({ skip }) => {
        const listPage = store.listPage;
        if (listPage === undefined) return noListPage(skip);
        const sid = (n: number): string | undefined => (n < 30 ? `S-${String(n).padStart(2, '0')}` : undefined);
        for (let n = 0; n < 30; n++) await put(store, makeIncident(sid(n)!, { openedAt: openedAt(n) }), 0);
        let opened = 0;
        let closedDuring = new Set<string>();
        const change = async (id: string | undefined, changes: Partial<Incident>) => {
          const current = id === undefined ? undefined : await store.get(id);
          if (current === undefined || current.closed) return;
          await put(store, nextVersion(current, changes), current.version);
          if (changes.closed === true) closedDuring.add(current.id);
        };
        const close = { closed: true, closedAt: openedAt(100), stage: 'closed' };
        // After page p: close one already listed and one not reached yet, move one ahead to another stage, open two more.
        const churn = async (page: number) => {
          await change(sid(page * 3 - 2), close);
          await change(sid(page * 4 + 3), close);
          await change(sid(page * 4 + 5), { stage: 'response', title: `changed after page ${page}` });
          for (let n = 0; n < 2; n++) await put(store, makeIncident(`N-${String(opened++).padStart(2, '0')}`, { openedAt: openedAt(200 + opened) }), 0);
        };
        const originals = Array.from({ length: 30 }, (_, n) => sid(n)!);
        const all = (await pages(listPage, { at: AT, limit: 4 }, churn)).flat();
        expect(closedDuring.size).toBeGreaterThan(5);
        expect(new Set(all).size).toBe(all.length); // nobody twice
        expect(all.filter((id) => id.startsWith('S-'))).toEqual(originals); // every original once, in order, closed or not
        expect(all.filter((id) => id.startsWith('N-'))).toEqual(Array.from({ length: opened }, (_, n) => `N-${String(n).padStart(2, '0')}`).slice(0, all.length - 30));
        // Open ones only: whoever is closed before its page is left out; whoever stays open is there once.
        const openAtStart = new Set<string>();
        for (const id of originals) if ((await store.get(id))?.closed === false) openAtStart.add(id);
        closedDuring = new Set();
        const churnOpen = async (page: number, listed: string[]) => {
          const listedOpen = listed.filter((id) => openAtStart.has(id) && !closedDuring.has(id));
          const ahead = [...openAtStart].filter((id) => !listed.includes(id) && !closedDuring.has(id));
          await change(listedOpen.at(-1), close);
          await change(ahead[1], close);
          await change(ahead[2], { stage: 'response', title: `changed after open page ${page}` });
          await put(store, makeIncident(`N-${String(opened++).padStart(2, '0')}`, { openedAt: openedAt(200 + opened) }), 0);
        };
        const open = (await pages(listPage, { at: AT, limit: 3, open: true }, churnOpen)).flat();
        expect(closedDuring.size).toBeGreaterThan(2);
        expect(new Set(open).size).toBe(open.length);
        const listedOriginals = open.filter((id) => id.startsWith('S-'));
        expect(listedOriginals).toEqual([...listedOriginals].sort());
        for (const id of listedOriginals) expect(openAtStart.has(id), id).toBe(true);
        for (const id of openAtStart) if (!closedDuring.has(id)) expect(listedOriginals, id).toContain(id);
      });

      it('lists items without the timeline: the fields and the last entry', async ({ skip }) => {
        if (store.listPage === undefined) return noListPage(skip);
        const incident = makeIncident('T-1', { timeline: appendEntries([], 40), version: 1, deadlines: [deadline('report', '2024-05-01T09:00:00.000Z')], outbox: [effect('T-1', 0)] });
        await put(store, incident, 0);
        const next = nextVersion(incident, { stage: 'response' }, 3);
        await put(store, next, 1);
        const { incidents, next: after } = await store.listPage({ at: AT, limit: 10 });
        expect(after).toBeUndefined();
        const { timeline, ...fields } = next;
        expect(incidents).toEqual([{ ...fields, lastEntry: timeline[42] }]);
        expect('timeline' in incidents[0]!).toBe(false);
      });

      it('refuses a limit out of range, a bad time and a bad position', async ({ skip }) => {
        const listPage = store.listPage;
        if (listPage === undefined) return noListPage(skip);
        await put(store, makeIncident('L-1'), 0);
        for (const limit of [0, -1, 1.5, Number.NaN, MAX_LIST_LIMIT + 1]) {
          await expect(listPage.call(store, { at: AT, limit }), `limit ${limit}`).rejects.toThrow(RangeError);
        }
        expect((await listPage.call(store, { at: AT, limit: MAX_LIST_LIMIT })).incidents).toHaveLength(1);
        await expect(listPage.call(store, { at: 'soon', limit: 5 })).rejects.toThrow(/ISO 8601/);
        await expect(listPage.call(store, { at: AT, limit: 5, after: { openedMs: 1.5, id: 'x' } })).rejects.toThrow(TypeError);
      });

      it('pages the same after a reopen (the index is rebuilt from storage)', async ({ skip }) => {
        if (store.listPage === undefined) return noListPage(skip);
        if (handle.reopen === undefined) return skip('not a durable store');
        for (let i = 0; i < 7; i++) {
          await put(store, makeIncident(`R-${i}`, { openedAt: openedAt(10 - i), closed: i % 3 === 0, stage: i % 3 === 0 ? 'closed' : 'detection' }), 0);
        }
        const before = await pages(store.listPage, { at: AT, limit: 2, open: true });
        await store.close?.();
        const reopened = await handle.reopen();
        try {
          const again = await reopened.listPage!({ at: AT, limit: 2, open: true });
          expect(again.incidents.map((i) => i.id)).toEqual(before[0]);
          expect(before.flat()).toEqual(['R-5', 'R-4', 'R-2', 'R-1']);
        } finally {
          await reopened.close?.();
        }
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
