import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { postgresStore, type PostgresStore, type StoredChange } from '../../src/postgres/index.js';
import { createEngine, createManualClock, type EngineChange } from '../../src/runtime/index.js';
import { ev, openSeed, seedPlan } from '../runtime/seed-fixtures.js';
import { dropSchema, PG_URL, requirePostgres, testSchemaName } from './pg-test-database.js';

beforeAll(requirePostgres);

/** Waits until `check` holds (polling), at most `ms`. */
async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await sleep(20);
  }
}

describe('the PostgreSQL change feed (issue #19 §4)', () => {
  const schema = testSchemaName('pw_feed');
  const stores: PostgresStore[] = [];
  const open = (): PostgresStore => {
    const store = postgresStore({ connectionString: PG_URL, schema, max: 2 });
    stores.push(store);
    return store;
  };
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
    await dropSchema(schema);
  });

  it('a subscriber of one engine sees changes another process saved, once each, with the entries it had not seen', async () => {
    const clock = createManualClock('2026-03-02T09:00:00+08:00');
    const writer = createEngine(seedPlan(), { store: open(), clock });
    const readerStore = open();
    const reader = createEngine(seedPlan(), { store: readerStore, clock });
    const seen: EngineChange[] = [];
    const stop = reader.subscribe((change) => seen.push(change));
    await sleep(300); // LISTEN is set up on its own connection

    const incident = await openSeed(writer);
    await until(() => seen.length === 1);
    expect(seen[0]?.incident.version).toBe(incident.version);
    expect(seen[0]?.entries.map((entry) => entry.type)).toEqual(incident.timeline.map((entry) => entry.type));

    clock.advance('5m');
    const reported = await writer.send(incident.id, ev('REPORT'));
    expect(reported.ok).toBe(true);
    await until(() => seen.length === 2);
    const added = seen[1]?.entries ?? [];
    expect(seen[1]?.incident.stage).toBe('assess');
    expect(added.length).toBeGreaterThan(0);
    expect(added.map((entry) => entry.seq)).toEqual((reported.ok ? reported.entries : []).map((entry) => entry.seq));
    expect(added.map((entry) => entry.seq)[0]).toBe(incident.timeline.length);

    // The reader's own send reaches its subscriber once (from the engine, not again from the feed).
    clock.advance('5m');
    const own = await reader.send(incident.id, ev('NOTE'));
    expect(own.ok).toBe(true);
    await sleep(500);
    expect(seen.map((change) => change.incident.version)).toEqual([1, reported.ok ? reported.incident.version : -1, own.ok ? own.incident.version : -1]);

    stop();
    clock.advance('5m');
    expect((await writer.send(incident.id, ev('NOTE'))).ok).toBe(true);
    await sleep(500);
    expect(seen).toHaveLength(3);
    await writer.dispose();
    await reader.dispose();
  });

  it('a store watcher gets every save of its schema, and none of another schema', async () => {
    const store = open();
    const other = postgresStore({ connectionString: PG_URL, schema: `${schema}_other`, max: 1 });
    const changes: StoredChange[] = [];
    const stop = store.watch((change) => changes.push(change));
    await sleep(300);
    const engine = createEngine(seedPlan(), { store, clock: createManualClock(0) });
    const elsewhere = createEngine(seedPlan(), { store: other, clock: createManualClock(0) });
    const incident = await openSeed(engine);
    await openSeed(elsewhere);
    await until(() => changes.length === 1);
    await sleep(300);
    expect(changes).toEqual([{ incidentId: incident.id, version: 1 }]);
    stop();
    await engine.dispose();
    await elsewhere.dispose();
    await other.close();
    await dropSchema(`${schema}_other`);
  });
});
