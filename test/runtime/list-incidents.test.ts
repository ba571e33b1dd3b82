// engine.list: pages filtered and paged in the store (listPage), the same pages from a store that
// only has list(), cursors checked, overdue judged at the first page's time, corrupt items skipped.
import { describe, expect, it } from 'vitest';
import {
  createEngine,
  createManualClock,
  isPlanwrightError,
  ListQueryError,
  memoryStore,
  type Engine,
  type EngineInspection,
  type Incident,
  type IncidentPage,
  type IncidentStore,
  type ListFilter,
  type ListedIncident,
} from '../../src/runtime/index.js';
import { must, openSeed, seedPlan } from './seed-fixtures.js';
import { put } from '../stores/fixtures.js';

const T0 = '2024-05-01T08:00:00.000Z';

/** The store as a host store written before listPage existed: get, save, list, dueBefore. */
function withoutListPage(inner: IncidentStore): IncidentStore {
  return {
    getSnapshot: (id) => inner.getSnapshot(id),
    get: (id) => inner.get(id),
    timeline: (id, page) => inner.timeline(id, page),
    save: (snapshot, entries, expected) => inner.save(snapshot, entries, expected),
    list: () => inner.list(),
    dueBefore: (time) => inner.dueBefore(time),
  };
}

function setup(store: IncidentStore = memoryStore()) {
  const clock = createManualClock(T0);
  const inspections: EngineInspection[] = [];
  let n = 0;
  const engine = createEngine(seedPlan(), {
    clock,
    store,
    newId: () => `PO-${String(++n).padStart(3, '0')}`,
    effects: { notify: async () => {}, publish: async () => {} },
    inspect: (event) => inspections.push(event),
  });
  return { clock, engine, store, inspections };
}

/** Every page of `filter`, following `next`. */
async function allPages(engine: Engine, filter: ListFilter): Promise<IncidentPage[]> {
  const pages: IncidentPage[] = [];
  let cursor: string | undefined;
  do {
    const page = await engine.list(cursor === undefined ? filter : { ...filter, cursor });
    pages.push(page);
    cursor = page.next;
  } while (cursor !== undefined && pages.length < 100);
  return pages;
}

const idsOf = (pages: IncidentPage[]) => pages.map((page) => page.incidents.map((incident) => incident.id));

/** 12 incidents opened a minute apart; 3, 6, 9, 12 reported (assess); 6 and 12 dismissed (closed); then 40 minutes later. */
async function twelve(engine: Engine, clock: ReturnType<typeof createManualClock>): Promise<void> {
  for (let i = 1; i <= 12; i++) {
    const incident = await openSeed(engine);
    if (i % 3 === 0) await must(engine, incident.id, 'REPORT');
    if (i % 6 === 0) await must(engine, incident.id, 'DISMISS');
    clock.advance('1m');
  }
  clock.advance('40m'); // 'report' (30 min after open) is past due for those still in report
}

describe('engine.list', () => {
  it('pages in opened order with limit and cursor; a store with only list() gives the same pages', async () => {
    const paged = setup();
    await twelve(paged.engine, paged.clock);
    const listing = setup(withoutListPage(paged.store));
    listing.clock.set(paged.clock.now());
    const id = (n: number) => `PO-${String(n).padStart(3, '0')}`;
    const range = (ns: number[]) => ns.map(id);
    const cases: Array<[ListFilter, string[][]]> = [
      [{ limit: 5 }, [range([1, 2, 3, 4, 5]), range([6, 7, 8, 9, 10]), range([11, 12])]],
      [{ open: true, limit: 4 }, [range([1, 2, 3, 4]), range([5, 7, 8, 9]), range([10, 11])]],
      [{ open: false, limit: 4 }, [range([6, 12])]],
      [{ stage: 'assess', limit: 1 }, [range([3]), range([9])]],
      [{ stage: 'closed' }, [range([6, 12])]],
      [{ overdue: true, limit: 3 }, [range([1, 2, 4]), range([5, 7, 8]), range([10, 11])]],
      [{ overdue: false }, [range([3, 6, 9, 12])]],
      [{ overdue: true, stage: 'assess' }, [[]]],
      [{ open: true, stage: 'report', limit: 8 }, [range([1, 2, 4, 5, 7, 8, 10, 11])]],
    ];
    for (const [filter, expected] of cases) {
      expect(idsOf(await allPages(paged.engine, filter)), `paged ${JSON.stringify(filter)}`).toEqual(expected);
      expect(idsOf(await allPages(listing.engine, filter)), `listed ${JSON.stringify(filter)}`).toEqual(expected);
    }
    const first = await paged.engine.list({ open: true, limit: 4 });
    const again = await listing.engine.list({ open: true, limit: 4 });
    expect(again).toEqual(first); // the same items and the same cursor
    await paged.engine.dispose();
    await listing.engine.dispose();
  });

  it('hands out frozen list items: the incident without its timeline, and the last entry', async () => {
    for (const store of [memoryStore(), withoutListPage(memoryStore())]) {
      const { engine } = setup(store);
      const opened = await openSeed(engine);
      const reported = await must(engine, opened.id, 'REPORT');
      const { incidents } = await engine.list();
      const { timeline, ...fields } = reported;
      expect(incidents).toEqual([{ ...fields, lastEntry: timeline.at(-1) }]);
      const [listed] = incidents as [ListedIncident];
      expect('timeline' in listed).toBe(false);
      expect(Object.isFrozen(listed) && Object.isFrozen(listed.lastEntry) && Object.isFrozen(listed.deadlines)).toBe(true);
      await engine.dispose();
    }
  });

  it('serves 50 by default and at most 500', async () => {
    const { engine } = setup();
    for (let i = 0; i < 55; i++) await openSeed(engine);
    const first = await engine.list();
    expect(first.incidents).toHaveLength(50);
    expect((await engine.list({ cursor: first.next! })).incidents.map((i) => i.id)).toEqual(['PO-051', 'PO-052', 'PO-053', 'PO-054', 'PO-055']);
    const all = await engine.list({ limit: 500 });
    expect([all.incidents.length, all.next]).toEqual([55, undefined]);
    await engine.dispose();
  });

  it('judges overdue at the time of the first page for every page of a listing', async () => {
    const { engine, clock } = setup();
    for (let i = 0; i < 3; i++) {
      await openSeed(engine); // PO-001, PO-002, PO-003 at 08:00, 08:10, 08:20: report due 30 minutes later
      clock.advance('10m');
    }
    clock.advance('5m'); // 08:35: PO-001 overdue
    const first = await engine.list({ overdue: false, limit: 1 });
    expect(first.incidents.map((i) => i.id)).toEqual(['PO-002']);
    clock.advance('20m'); // 08:55: all three past due
    const rest = await engine.list({ overdue: false, limit: 1, cursor: first.next! });
    expect(rest.incidents.map((i) => i.id)).toEqual(['PO-003']); // as at 08:35
    expect(rest.next).toBeUndefined();
    expect(await engine.list({ overdue: false })).toEqual({ incidents: [] }); // a new listing: 08:55
    expect((await engine.list({ overdue: true })).incidents.map((i) => i.id)).toEqual(['PO-001', 'PO-002', 'PO-003']);
    await engine.dispose();
  });

  it('refuses a malformed, cut, edited or foreign cursor and bad filters with ListQueryError naming the parameter', async () => {
    const { engine, store } = setup();
    for (let i = 0; i < 3; i++) await openSeed(engine);
    const { next } = await engine.list({ open: true, limit: 1 });
    const cursor = next as string;
    const content = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    const edited = (change: Record<string, unknown>) => Buffer.from(JSON.stringify({ ...content, ...change }), 'utf8').toString('base64url');
    const refusal = async (filter: unknown) => {
      const error = await engine.list(filter as ListFilter).then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      expect(error, JSON.stringify(filter)).toBeInstanceOf(ListQueryError);
      expect(isPlanwrightError(error) && error.code).toBe('invalid-list-query');
      return [(error as ListQueryError).parameter, (error as ListQueryError).reason];
    };
    expect(await refusal({ open: true, cursor: 'not a cursor!' })).toEqual(['cursor', expect.stringMatching(/not a cursor of this list/)]);
    expect(await refusal({ open: true, cursor: cursor.slice(0, 20) })).toEqual(['cursor', expect.stringMatching(/damaged or cut/)]);
    expect(await refusal({ open: true, cursor: `${cursor}AAAA` })).toEqual(['cursor', expect.stringMatching(/not a cursor of this list/)]);
    expect(await refusal({ open: true, cursor: edited({ i: '../etc/passwd' }) })).toEqual(['cursor', expect.stringMatching(/damaged or edited/)]);
    expect(await refusal({ open: true, cursor: edited({ v: 2 }) })).toEqual(['cursor', expect.stringMatching(/damaged or edited/)]);
    expect(await refusal({ open: true, cursor: edited({ o: 1.5 }) })).toEqual(['cursor', expect.stringMatching(/damaged or edited/)]);
    expect(await refusal({ open: true, cursor: edited({ t: 9e15 }) })).toEqual(['cursor', expect.stringMatching(/damaged or edited/)]); // past what a Date holds
    expect(await refusal({ open: true, cursor: edited({ o: -1e300 }) })).toEqual(['cursor', expect.stringMatching(/damaged or edited/)]);
    expect(await refusal({ open: true, cursor: edited({ admin: true }) })).toEqual(['cursor', expect.stringMatching(/damaged or edited/)]);
    expect(await refusal({ open: true, cursor: 'x'.repeat(2000) })).toEqual(['cursor', expect.stringMatching(/not a cursor/)]);
    expect(await refusal({ cursor })).toEqual(['cursor', 'issued for other filters (open=true, not none): start again without a cursor']);
    expect(await refusal({ open: true, stage: 'report', cursor })).toEqual(['cursor', expect.stringMatching(/^issued for other filters \(open=true, not open=true&stage=report\)/)]);
    expect(await refusal({ open: true, cursor: 42 })).toEqual(['cursor', 'expected the text of a cursor, got number']);
    for (const limit of [0, -3, 2.5, MAX + 1, '10', Number.NaN, null]) expect((await refusal({ limit }))[0]).toBe('limit');
    expect(await refusal({ open: 'yes' })).toEqual(['open', 'expected true or false, got "yes"']);
    expect((await refusal({ overdue: 1 }))[0]).toBe('overdue');
    expect((await refusal({ stage: '' }))[0]).toBe('stage');
    expect((await refusal(null))[0]).toBe('filter');
    // A valid cursor, edited to point elsewhere, only moves the start: it names a position, not a permission.
    const moved = await engine.list({ open: true, cursor: edited({ i: 'PO-002' }) });
    expect(moved.incidents.map((i) => i.id)).toEqual(['PO-003']);
    // The same checks without listPage in the store.
    const listing = setup(withoutListPage(store));
    await expect(listing.engine.list({ cursor: edited({ v: 0 }) })).rejects.toMatchObject({ code: 'invalid-list-query', parameter: 'cursor' });
    expect((await listing.engine.list({ open: true, cursor })).incidents.map((i) => i.id)).toEqual(['PO-002', 'PO-003']);
    await engine.dispose();
    await listing.engine.dispose();
  });

  it('skips a stored incident whose state does not match its chain, reports it, and lists the rest', async () => {
    for (const pages of [true, false]) {
      const inner = memoryStore();
      const { engine, inspections } = setup(pages ? inner : withoutListPage(inner));
      for (let i = 0; i < 3; i++) await openSeed(engine);
      // Edited outside the engine: a new version with another title, the chain left as it was.
      const stored = (await inner.get('PO-002')) as Incident;
      await put(inner, { ...structuredClone(stored), title: 'edited in the database', version: stored.version + 1 }, stored.version);
      inspections.length = 0;
      const page = await engine.list({ limit: 2 });
      expect(inspections).toEqual([{ type: 'corrupt', incidentId: 'PO-002', detail: { message: expect.stringMatching(/stateDigest/) } }]);
      if (pages) {
        // The store's page held PO-001 and PO-002: one item short, and a next page.
        expect(page.incidents.map((i) => i.id)).toEqual(['PO-001']);
        expect((await engine.list({ limit: 2, cursor: page.next! })).incidents.map((i) => i.id)).toEqual(['PO-003']);
      } else {
        // Read, checked and filtered in the engine: the page is filled from the readable ones.
        expect([page.incidents.map((i) => i.id), page.next]).toEqual([['PO-001', 'PO-003'], undefined]);
      }
      await engine.dispose();
    }
  });

  it('reports the items a store could not read and lists the others', async () => {
    const inner = memoryStore();
    const { engine, inspections } = setup({
      ...withoutListPage(inner),
      async listPage(query) {
        const page = await inner.listPage(query);
        const { CorruptIncidentError } = await import('../../src/runtime/index.js');
        return { ...page, corrupt: [{ incidentId: 'PO-404', error: new CorruptIncidentError('row PO-404', 'not JSON') }] };
      },
    });
    await openSeed(engine);
    inspections.length = 0;
    expect((await engine.list()).incidents.map((i) => i.id)).toEqual(['PO-001']);
    expect(inspections).toEqual([{ type: 'corrupt', incidentId: 'PO-404', detail: { message: 'corrupt incident document row PO-404: not JSON' } }]);
    await engine.dispose();
  });
});

const MAX = 500;
