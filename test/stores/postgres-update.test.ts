/**
 * `postgresStore.update`: read → decide → save of one incident in one transaction holding its row
 * lock (issue #16: several processes on the same incidents without version conflicts).
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { postgresStore, type PostgresStore } from '../../src/postgres/index.js';
import type { IncidentSnapshot, StoredSnapshot } from '../../src/runtime/index.js';
import { fixtureSnapshot, put } from './contract.js';
import { makeIncident, nextSave } from './fixtures.js';
import { dropSchema, PG_URL, queryTestDatabase, requirePostgres, testSchemaName } from './pg-test-database.js';

beforeAll(requirePostgres);

describe('postgresStore.update', { timeout: 60_000 }, () => {
  let schema: string;
  let stores: PostgresStore[];
  beforeEach(async () => {
    schema = testSchemaName('pw_update');
    stores = [0, 1].map(() => postgresStore({ connectionString: PG_URL, schema, max: 2 }));
    await stores[0]?.migrate();
  });
  afterEach(async () => {
    for (const store of stores) await store.close();
    await dropSchema(schema);
  });

  it('hands the caller its own copy when it is the stored version, the stored incident when it is not', async () => {
    const [first, second] = stores as [PostgresStore, PostgresStore];
    const incident = makeIncident('UP-1');
    await put(first, incident, 0);
    const opened = fixtureSnapshot(incident);
    const seen: Array<{ current: StoredSnapshot['snapshot']; headEntry: unknown }> = [];
    const afterFirst = await first.update('UP-1', opened, (current, headEntry) => {
      seen.push({ current, headEntry });
      return nextSave(current, { stage: 'assess' });
    });
    expect(seen[0]?.current).toBe(opened); // not read again: the very object passed in
    expect(seen[0]?.headEntry).toBeUndefined();
    expect([afterFirst?.version, afterFirst?.stage, afterFirst?.head.seq]).toEqual([2, 'assess', 1]);
    // The second store still knows version 1: it is given version 2 as stored (with its head entry), and saves version 3.
    const afterSecond = await second.update('UP-1', opened, (current, headEntry) => {
      seen.push({ current, headEntry });
      return nextSave(current, { stage: 'review' });
    });
    expect(seen[1]?.current).not.toBe(opened);
    expect([seen[1]?.current.version, seen[1]?.current.stage, seen[1]?.current.head.seq]).toEqual([2, 'assess', 1]);
    expect(seen[1]?.headEntry).toMatchObject({ seq: 1, hash: seen[1]?.current.head.hash });
    expect(seen[1]?.current).not.toHaveProperty('timeline');
    expect([afterSecond?.version, afterSecond?.head.seq]).toEqual([3, 2]);
    const stored = await first.get('UP-1');
    expect([stored?.version, stored?.stage, stored?.timeline.map((entry) => entry.seq)]).toEqual([3, 'review', [0, 1, 2]]);
  });

  it('serializes concurrent updates of one incident from two stores: no conflict, no lost change', async () => {
    const [first, second] = stores as [PostgresStore, PostgresStore];
    const incident = makeIncident('UP-2', { data: { count: 0 } });
    await put(first, incident, 0);
    const opened = fixtureSnapshot(incident);
    const increment = (current: StoredSnapshot['snapshot']) => nextSave(current, { data: { count: (current.data['count'] as number) + 1 } });
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? first : second).update('UP-2', opened, increment)),
    );
    const stored = await first.get('UP-2');
    expect([stored?.version, stored?.data['count'], stored?.timeline.length]).toEqual([21, 20, 21]);
  });

  it('writes nothing when the change returns undefined or throws, and answers undefined for an unknown incident', async () => {
    const [store] = stores as [PostgresStore];
    const incident = makeIncident('UP-3');
    await put(store, incident, 0);
    const opened: IncidentSnapshot = fixtureSnapshot(incident) as IncidentSnapshot;
    expect(await store.update('UP-3', opened, () => undefined)).toBe(opened);
    await expect(
      store.update('UP-3', opened, () => {
        throw new Error('decided against it');
      }),
    ).rejects.toThrow('decided against it');
    // A change that returns an invalid incident (version not above the current) is refused, nothing written.
    await expect(store.update('UP-3', opened, (current) => ({ snapshot: { ...(current as IncidentSnapshot) }, entries: [] }))).rejects.toThrow(RangeError);
    const rows = await queryTestDatabase<{ version: number; n: string }>(
      `SELECT i.version, (SELECT count(*) FROM "${schema}".timeline t WHERE t.incident_id = i.id) AS n FROM "${schema}".incidents i WHERE i.id = 'UP-3'`,
    );
    expect(rows).toEqual([{ version: 1, n: '1' }]);
    let called = false;
    expect(await store.update('UP-NONE', undefined, () => ((called = true), undefined))).toBeUndefined();
    expect(called).toBe(false);
    // The pool is still usable after the rolled-back transactions (max 2 connections).
    expect((await store.get('UP-3'))?.version).toBe(1);
  });
});
