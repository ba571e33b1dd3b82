import pg from 'pg';
import { canonicalize } from '../../src/compile/canonical-json.js';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  CorruptIncidentError,
  LATEST_SCHEMA_VERSION,
  postgresStore,
  TimelineIntegrityError,
  VersionConflictError,
  type PostgresStore,
} from '../../src/postgres/index.js';
import { describeStoreContract } from './contract.js';
import { appendEntries, deadline, effect, makeIncident, nextVersion, put } from './fixtures.js';
import { dropSchema, PG_URL, queryTestDatabase, requirePostgres, testSchemaName } from './pg-test-database.js';

beforeAll(requirePostgres);

describeStoreContract('postgresStore', async () => {
  const schema = testSchemaName();
  const opened: PostgresStore[] = [postgresStore({ connectionString: PG_URL, schema, max: 4 })];
  return {
    store: opened[0]!,
    paged: true,
    reopen: async () => {
      const again = postgresStore({ connectionString: PG_URL, schema, max: 4 });
      opened.push(again);
      return again;
    },
    dispose: async () => {
      for (const s of opened) await s.close();
      await dropSchema(schema);
    },
  };
});

describe('postgresStore tables', () => {
  let schema: string;
  let store: PostgresStore;
  beforeEach(() => {
    schema = testSchemaName();
    store = postgresStore({ connectionString: PG_URL, schema, max: 4 });
  });
  afterEach(async () => {
    await store.close();
    await dropSchema(schema);
  });

  it('migrates idempotently, also from several processes at once', async () => {
    const others = Array.from({ length: 4 }, () => postgresStore({ connectionString: PG_URL, schema, max: 1 }));
    try {
      const results = await Promise.all(others.map((o) => o.migrate()));
      expect(results.filter((r) => r.from === 0)).toHaveLength(1);
      expect(results.every((r) => r.to === LATEST_SCHEMA_VERSION)).toBe(true);
      expect(await store.migrate()).toEqual({ from: LATEST_SCHEMA_VERSION, to: LATEST_SCHEMA_VERSION });
      const tables = await queryTestDatabase<{ table_name: string }>(
        'SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name',
        [schema],
      );
      expect(tables.map((t) => t.table_name)).toEqual(['deadlines', 'incidents', 'outbox', 'schema_version', 'timeline']);
    } finally {
      for (const o of others) await o.close();
    }
  });

  it('refuses a schema written by a newer planwright', async () => {
    await store.migrate();
    await queryTestDatabase(`UPDATE "${schema}".schema_version SET version = 999`);
    await expect(store.migrate()).rejects.toThrow(/version 999, newer than this planwright knows/);
  });

  it('refuses a schema name that is not a plain identifier', () => {
    expect(() => postgresStore({ connectionString: PG_URL, schema: 'x"; drop table y; --' })).toThrow(/invalid schema name/);
  });

  it('inserts only new timeline entries, and the timeline table refuses updates and deletes', async () => {
    const v1 = makeIncident('PO-1');
    await put(store, v1, 0);
    const v2 = nextVersion(v1, {}, 3);
    await put(store, v2, 1);
    const rows = await queryTestDatabase<{ seq: number; prev_hash: string; hash: string }>(
      `SELECT seq, prev_hash, hash FROM "${schema}".timeline WHERE incident_id = 'PO-1' ORDER BY seq`,
    );
    expect(rows).toEqual(v2.timeline.map((e) => ({ seq: e.seq, prev_hash: e.prevHash, hash: e.hash })));
    await expect(queryTestDatabase(`UPDATE "${schema}".timeline SET hash = 'forged' WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(queryTestDatabase(`DELETE FROM "${schema}".timeline`)).rejects.toThrow(/append-only/);
    const doc = await queryTestDatabase<{ doc: Record<string, unknown> }>(`SELECT doc FROM "${schema}".incidents`);
    expect(doc[0]?.doc).not.toHaveProperty('timeline');
  });

  it('saves from a store that has not read the incident (another process wrote the last version)', async () => {
    const other = postgresStore({ connectionString: PG_URL, schema, max: 2 });
    try {
      const v1 = makeIncident('PO-1');
      await put(store, v1, 0);
      const v2 = nextVersion(v1, {}, 2);
      await put(other, v2, 1); // other never read PO-1
      const v3 = nextVersion(v2, {}, 1);
      await put(store, v3, 2); // store last saw version 1
      await expect(put(other, nextVersion(v2), 2)).rejects.toMatchObject({ actualVersion: 3 });
      expect(await other.get('PO-1')).toEqual(v3);
      const rows = await queryTestDatabase<{ timeline_length: number; last_hash: string }>(`SELECT timeline_length, last_hash FROM "${schema}".incidents`);
      expect(rows).toEqual([{ timeline_length: 4, last_hash: v3.timeline[3]!.hash }]);
    } finally {
      await other.close();
    }
  });

  it('refuses a timeline that does not continue the stored chain, and writes nothing', async () => {
    const v1 = makeIncident('PO-1', { deadlines: [deadline('d', '2024-05-01T09:00:00.000Z')], outbox: [effect('PO-1', 0)] });
    await put(store, v1, 0);
    const v2 = nextVersion(v1, {}, 2);
    await put(store, v2, 1);
    const changes = { deadlines: [], outbox: [] };

    // No new entry, and a head (entry 1) that is not the stored one (entry 2).
    const shorter = { ...nextVersion(v2, changes), timeline: v2.timeline.slice(0, 2) };
    await expect(put(store, shorter, 2)).rejects.toThrow(/the stored timeline has 3 entries ending in .*; the save continues 2 ending in/);

    // A new entry that continues another chain (its prevHash is not the stored head's hash).
    const rewritten = nextVersion(v2, changes);
    rewritten.timeline[3] = { ...rewritten.timeline[3]!, prevHash: 'f'.repeat(64) };
    await expect(put(store, rewritten, 2)).rejects.toBeInstanceOf(TimelineIntegrityError);
    await expect(put(store, rewritten, 2)).rejects.toThrow(/the stored timeline has 3 entries ending in .*; the save continues 3 ending in "f{64}"/);

    const broken = nextVersion(v2, changes, 2);
    broken.timeline[4] = { ...broken.timeline[4]!, prevHash: 'nope' };
    await expect(put(store, broken, 2)).rejects.toThrow(/timeline entry 4 does not continue the stored chain \(seq 4, prevHash "nope"\)/);

    const badSeq = nextVersion(v2, changes);
    badSeq.timeline[3] = { ...badSeq.timeline[3]!, seq: 7 };
    await expect(put(store, badSeq, 2)).rejects.toThrow(/the stored timeline has 3 entries ending in .*; the save continues 7 ending in/);

    const firstWithPrev = makeIncident('PO-2');
    firstWithPrev.timeline[0] = { ...firstWithPrev.timeline[0]!, prevHash: 'x' };
    await expect(put(store, firstWithPrev, 0)).rejects.toThrow(/timeline entry 0 does not continue the stored chain \(seq 0, prevHash "x"\)/);
    expect(await store.get('PO-2')).toBeUndefined();

    expect(await store.get('PO-1')).toEqual(v2);
    expect(await store.dueBefore('2024-05-02T00:00:00Z')).toHaveLength(1);
    expect(await store.withPendingEffects()).toEqual(['PO-1']);
    expect(await queryTestDatabase(`SELECT seq FROM "${schema}".timeline`)).toHaveLength(3);
  });

  it('mirrors the outbox and the pending deadlines into their tables', async () => {
    const v1 = makeIncident('PO-1', {
      deadlines: [deadline('a', '2024-05-01T09:00:00+08:00'), deadline('b', '2024-05-01T09:00:00.000Z', { status: 'met', metAt: '2024-05-01T08:30:00.000Z' })],
      outbox: [effect('PO-1', 0), effect('PO-1', 1, 'publish')],
    });
    await put(store, v1, 0);
    expect(await queryTestDatabase(`SELECT effect_id, position, name FROM "${schema}".outbox ORDER BY position`)).toEqual([
      { effect_id: 'PO-1:0:0', position: 0, name: 'notify' },
      { effect_id: 'PO-1:1:0', position: 1, name: 'publish' },
    ]);
    const due = await queryTestDatabase<{ deadline_id: string; due_text: string; due_at: Date }>(
      `SELECT deadline_id, due_text, due_at FROM "${schema}".deadlines`,
    );
    expect(due).toEqual([{ deadline_id: 'a', due_text: '2024-05-01T09:00:00+08:00', due_at: new Date('2024-05-01T01:00:00.000Z') }]);
    expect(await store.dueBefore('2024-05-01T01:00:00.000Z')).toEqual([
      { incidentId: 'PO-1', deadlineId: 'a', instance: 1, dueAt: '2024-05-01T09:00:00+08:00' },
    ]);
  });

  it('returns canonical (sorted-key) documents byte for byte, although JSONB reorders keys', async () => {
    const incident = canonicalize(makeIncident('PO-1', { data: { zeta: 1, alpha: { y: 2, b: 1 }, mid: [{ k: 1, a: 2 }] } }));
    await put(store, incident, 0);
    const stored = await queryTestDatabase<{ data: string }>(`SELECT (doc->'data')::text AS data FROM "${schema}".incidents`);
    expect(stored[0]?.data).toBe('{"mid": [{"a": 2, "k": 1}], "zeta": 1, "alpha": {"b": 1, "y": 2}}'); // JSONB's own order
    expect(JSON.stringify(await store.get('PO-1'))).toBe(JSON.stringify(incident));
  });

  it('names the row of a corrupt document', async () => {
    await put(store, makeIncident('PO-1'), 0);
    await queryTestDatabase(`UPDATE "${schema}".incidents SET doc = doc - 'planHash' || '{"closed": "yes"}'`);
    const error = await store.get('PO-1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorruptIncidentError);
    expect((error as Error).message).toMatch(new RegExp(`${schema}\\.incidents row id="PO-1": .*planHash`));
    expect((error as Error).message).toMatch(/closed/);
    await queryTestDatabase(`UPDATE "${schema}".incidents SET version = 5`);
    await expect(store.list()).rejects.toThrow(/planHash/);
  });

  it('detects a version column that disagrees with the document', async () => {
    await put(store, makeIncident('PO-1'), 0);
    await queryTestDatabase(`UPDATE "${schema}".incidents SET version = 5`);
    await expect(store.get('PO-1')).rejects.toThrow(/document version 1 differs from the version column 5/);
    await expect(put(store, nextVersion(makeIncident('PO-1')), 1)).rejects.toMatchObject({ actualVersion: 5 });
  });

  it('refuses to store a document it could not read back', async () => {
    const bad = makeIncident('PO-1', { deadlines: [deadline('d', 'tomorrow')] });
    await expect(put(store, bad, 0)).rejects.toThrow(/cannot be saved.*deadlines\.0\.dueAt/);
    expect(await store.list()).toEqual([]);
  });

  it('uses a pool passed in without ending it', async () => {
    const pool = new pg.Pool({ connectionString: PG_URL, max: 2 });
    const shared = postgresStore({ pool, schema });
    await put(shared, makeIncident('PO-1', { timeline: appendEntries([], 2), version: 1 }), 0);
    await shared.close();
    expect((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM "${schema}".timeline`)).rows[0]?.n).toBe('2');
    await pool.end();
    await expect(shared.get('PO-1')).rejects.toThrow(/closed/);
    await expect(put(store, makeIncident('PO-1'), 0)).rejects.toBeInstanceOf(VersionConflictError);
  });
});
