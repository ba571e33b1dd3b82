import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { postgresStore, type PostgresStore } from '../../src/postgres/index.js';
import { createEngine, createManualClock, type Engine, type EngineInspection } from '../../src/runtime/index.js';
import { ev, openSeed, seedPlan } from '../runtime/seed-fixtures.js';
import { dropSchema, PG_URL, requirePostgres, testSchemaName } from './pg-test-database.js';

beforeAll(requirePostgres);

/**
 * Issue #19 §1: two engines share one schema with default settings (cache on); the engine that
 * armed a deadline goes away; the survivor must fire it once it falls due, although its cached
 * copy of the incident predates the arming.
 */
describe('postgres failover with default engine settings', () => {
  const schema = testSchemaName('pw_failover');
  const stores: PostgresStore[] = [];
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
    await dropSchema(schema);
  });

  it('the survivor fires a deadline armed by a departed engine, once', async () => {
    const clock = createManualClock('2026-03-02T09:00:00+08:00');
    const storeA = postgresStore({ connectionString: PG_URL, schema, max: 2 });
    const storeB = postgresStore({ connectionString: PG_URL, schema, max: 2 });
    stores.push(storeA, storeB);
    const seen: EngineInspection[] = [];
    const engineA = createEngine(seedPlan(), { store: storeA, clock });
    const engineB = createEngine(seedPlan(), { store: storeB, clock, inspect: (event) => seen.push(event) });
    const engines: Record<'A' | 'B', Engine> = { A: engineA, B: engineB };

    const incident = await openSeed(engineB);
    const steps: [keyof typeof engines, string, Record<string, unknown>?][] = [
      ['B', 'REPORT'],
      ['A', 'ASSESS', { severity: 'I', nature: 'service complaint', scope: 'city', risk: 'protest' }],
      ['B', 'APPROVE_STRATEGY'],
      ['A', 'PUBLISH_STATEMENT'],
      ['B', 'BRIEF_MEDIA'],
      ['A', 'ENGAGE_PUBLIC'],
    ];
    for (const [who, type, data] of steps) {
      clock.advance('1m');
      const result = await engines[who].send(incident.id, ev(type, data));
      expect(result.ok, `${type} on ${who}`).toBe(true);
    }
    const armed = await engineA.get(incident.id);
    expect(armed?.stage).toBe('monitor');
    expect(armed?.deadlines.find((d) => d.id === 'monitor-reading' && d.status === 'pending')).toBeDefined();

    await engineA.dispose();
    await storeA.close();
    stores.splice(stores.indexOf(storeA), 1);

    clock.advance('2h1m');
    const fired = await engineB.runDue();
    expect(fired).toBeGreaterThanOrEqual(1);
    const after = await engineB.get(incident.id);
    const reading = after?.deadlines.filter((d) => d.id === 'monitor-reading');
    expect(reading?.[0]?.status).toBe('breached');
    expect(after?.timeline.filter((e) => e.type === 'deadline-breached' && e.data?.['deadline'] === 'monitor-reading')).toHaveLength(1);
    expect(seen.some((event) => event.type === 'fired' && event.incidentId === incident.id)).toBe(true);

    // Nothing left to fire: a second run fires nothing and reports no unfired claim.
    const before = seen.length;
    expect(await engineB.runDue()).toBe(0);
    expect(seen.slice(before).filter((event) => event.type === 'claim-unfired')).toEqual([]);
    await engineB.dispose();
  });
});
