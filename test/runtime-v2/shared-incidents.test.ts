/**
 * Runtime v2 (issue #16): several processes on the same incidents. Two engines (each with its own
 * cache and its own `postgresStore` pool, as two processes have) send in alternation to the same
 * incidents; before the store's `update` (read, decide and save under the incident's row lock) every
 * send after the other engine's found its cached copy stale, failed its save with a version
 * conflict and retried. Serialized per incident in the database, conflicts must be rare. Counted with the engines' `inspect` events (`type: 'conflict'`), not timed.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { postgresStore, type PostgresStore } from '../../src/postgres/index.js';
import { createEngine, createManualClock, verifyTimeline } from '../../src/runtime/index.js';
import { dropSchema, PG_URL, requirePostgres, testSchemaName } from '../stores/pg-test-database.js';
import { clerk, integrityPlan, T0 } from './integrity-plan.js';

const plan = integrityPlan();
const ids = Array.from({ length: 10 }, (_, i) => `SH-${String(i).padStart(2, '0')}`);
const ROUNDS = 10;

describe('runtime v2: two engines on the same PostgreSQL incidents', { timeout: 120_000 }, () => {
  let schema: string;
  let stores: PostgresStore[] = [];
  beforeAll(requirePostgres);
  beforeEach(async () => {
    schema = testSchemaName('pw_v2_shared');
    stores = [0, 1].map(() => postgresStore({ connectionString: PG_URL, schema, max: 2 }));
    await stores[0]?.migrate();
  });
  afterEach(async () => {
    for (const store of stores) await store.close();
    await dropSchema(schema);
  });

  it('sending in alternation to shared incidents, version conflicts are rare (at most 5 % of sends)', async () => {
    const clock = createManualClock(T0);
    const conflicts = [0, 0];
    let next = 0;
    const engines = stores.map((store, index) =>
      createEngine(plan, {
        clock,
        store,
        newId: () => ids[next++] as string,
        inspect: (event) => {
          if (event.type === 'conflict') conflicts[index] = (conflicts[index] ?? 0) + 1;
        },
      }),
    );
    const [first, second] = engines as [(typeof engines)[0], (typeof engines)[0]];
    try {
      for (let i = 0; i < ids.length; i++) await first.open({ by: clerk, title: `shared ${i}`, category: 'any' });
      let sends = 0;
      for (let round = 0; round < ROUNDS; round++) {
        for (const [index, engine] of [first, second].entries()) {
          for (const id of ids) {
            const result = await engine.send(id, { type: 'NOTE', by: clerk, data: { note: `engine ${index} round ${round}` } });
            expect(result.ok).toBe(true);
            sends++;
          }
        }
      }
      for (const id of ids) {
        const incident = await first.get(id);
        expect(incident === undefined ? false : verifyTimeline(incident).ok).toBe(true);
        expect(incident?.timeline.filter((e) => e.data?.['event'] === 'NOTE')).toHaveLength(2 * ROUNDS);
      }
      const total = (conflicts[0] ?? 0) + (conflicts[1] ?? 0);
      expect(total, `${total} version conflicts retried in ${sends} sends`).toBeLessThanOrEqual(0.05 * sends);
    } finally {
      for (const engine of engines) await engine.dispose();
    }
  });
});
