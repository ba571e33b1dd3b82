// The memory and file stores' list index against a plain oracle (every incident, sorted and
// filtered): random saves (new incidents, stage and open/closed changes, moved opened times),
// deletions and paged queries.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comparePositions, matchesListFilter, type ListFields } from '../../src/runtime/stores/list-fields.js';
import { ListIndex } from '../../src/runtime/stores/list-index.js';
import type { IncidentListQuery, ListPosition } from '../../src/runtime/stores/store.js';

const STAGES = ['report', 'assess', 'monitor', 'closed'];
const AT_MS = 50_000;

const fieldsArbitrary = fc.record({
  openedMs: fc.integer({ min: 0, max: 4 }).map((n) => n * 1000), // few distinct times: many ties (ordered by id), many saves in place
  closed: fc.boolean(),
  stage: fc.constantFrom(...STAGES),
  breached: fc.boolean(),
  nextDueMs: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: undefined }),
});

const operation = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), id: fc.integer({ min: 0, max: 12 }).map((n) => `I-${n}`), fields: fieldsArbitrary }),
  fc.record({ kind: fc.constant('delete' as const), id: fc.integer({ min: 0, max: 12 }).map((n) => `I-${n}`) }),
);

const queryArbitrary = fc.record(
  {
    open: fc.boolean(),
    stage: fc.constantFrom(...STAGES, 'nowhere'),
    overdue: fc.boolean(),
  },
  { requiredKeys: [] },
);

/** Every page of `query` from the index, following `next`. */
function pages(index: ListIndex, query: Omit<IncidentListQuery, 'at' | 'after'>): string[][] {
  const out: string[][] = [];
  let after: ListPosition | undefined;
  for (;;) {
    const page = index.page({ ...query, at: new Date(AT_MS).toISOString(), ...(after === undefined ? {} : { after }) }, AT_MS);
    out.push(page.ids);
    if (page.next === undefined) return out;
    expect(page.ids).toHaveLength(query.limit);
    after = page.next;
    if (out.length > 100) throw new Error('paging does not end');
  }
}

describe('ListIndex', () => {
  it('pages like sorting and filtering every incident, after any sequence of saves and deletions', () => {
    fc.assert(
      fc.property(fc.array(operation, { minLength: 10, maxLength: 120, size: 'large' }), fc.array(queryArbitrary, { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 7 }), (operations, queries, limit) => {
        const index = new ListIndex();
        const oracle = new Map<string, ListFields>();
        for (const op of operations) {
          if (op.kind === 'set') {
            index.set(op.id, op.fields);
            oracle.set(op.id, op.fields);
          } else {
            index.delete(op.id);
            oracle.delete(op.id);
          }
        }
        expect(index.size).toBe(oracle.size);
        for (const query of queries) {
          const expected = [...oracle]
            .filter(([, fields]) => matchesListFilter(fields, query, AT_MS))
            .sort(([idA, a], [idB, b]) => comparePositions({ openedMs: a.openedMs, id: idA }, { openedMs: b.openedMs, id: idB }))
            .map(([id]) => id);
          const paged = pages(index, { ...query, limit });
          expect(paged.flat()).toEqual(expected);
          expect(paged.at(-1)?.length ?? 0).toBeLessThanOrEqual(limit);
          if (expected.length > 0) expect(paged.at(-1)?.length).toBeGreaterThan(0); // no empty last page
        }
      }),
      { numRuns: 300 },
    );
  });

  it('forgets everything on clear', () => {
    const index = new ListIndex();
    index.set('A', { openedMs: 1, closed: false, stage: 'report', breached: false, nextDueMs: undefined });
    index.clear();
    expect([index.size, index.page({ at: new Date(0).toISOString(), limit: 5 }, 0)]).toEqual([0, { ids: [] }]);
  });
});
