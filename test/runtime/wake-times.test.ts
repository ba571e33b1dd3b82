import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WakeTimes } from '../../src/runtime/wake-times.js';

type Op = { kind: 'set'; id: string; at: number } | { kind: 'delete'; id: string } | { kind: 'query'; now: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), at: fc.integer({ min: 0, max: 50 }) }),
  fc.record({ kind: fc.constant('delete' as const), id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f') }),
  fc.record({ kind: fc.constant('query' as const), now: fc.integer({ min: -1, max: 51 }) }),
);

describe('WakeTimes', () => {
  it('answers earliest() and dueBy() as a plain map would, through any sequence of sets and deletes', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const wake = new WakeTimes();
        const model = new Map<string, number>();
        for (const o of ops) {
          if (o.kind === 'set') {
            wake.set(o.id, o.at);
            model.set(o.id, o.at);
          } else if (o.kind === 'delete') {
            wake.delete(o.id);
            model.delete(o.id);
          } else {
            const expected = [...model].filter(([, at]) => at <= o.now).sort((x, y) => x[1] - y[1] || (x[0] < y[0] ? -1 : 1)).map(([id]) => id);
            expect(wake.dueBy(o.now)).toEqual(expected);
          }
          expect(wake.size).toBe(model.size);
          expect(wake.earliest()).toBe(model.size === 0 ? undefined : Math.min(...model.values()));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps its heap bounded while one incident moves its time many times', () => {
    const wake = new WakeTimes();
    for (let t = 10_000; t > 0; t--) wake.set('PO-1', t);
    wake.set('PO-2', 5);
    expect(wake.earliest()).toBe(1);
    expect(wake.dueBy(4)).toEqual(['PO-1']);
    expect((wake as unknown as { heap: unknown[] }).heap.length).toBeLessThanOrEqual(2 * 2 + 64 + 1);
  });
});
