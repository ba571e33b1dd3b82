// PostgreSQL lists: layout step 2 (list columns kept by save_incident, backfilled, list indexes),
// a page as an index range scan (EXPLAIN), and pages that read no timeline but the last entry.
import pg from 'pg';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, postgresStore, type PostgresStore } from '../../src/postgres/index.js';
import { appendEntries, deadline, makeIncident, nextSave, nextVersion, put } from './fixtures.js';
import { dropSchema, PG_URL, queryTestDatabase, requirePostgres, testSchemaName } from './pg-test-database.js';

beforeAll(requirePostgres);

const AT = '2024-05-01T10:00:00.000Z';
const openedAt = (minutes: number) => new Date(Date.parse('2024-05-01T08:00:00.000Z') + minutes * 60_000).toISOString();
const breached = deadline('first', '2024-05-01T08:30:00.000Z', { status: 'breached', breachedAt: '2024-05-01T08:30:00.000Z' });

/** Creates `schema` at layout version 1, as planwright before the list columns did. */
async function createVersion1(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(`CREATE SCHEMA "${schema}"`);
    await client.query(`CREATE TABLE "${schema}".schema_version (singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton), version integer NOT NULL, migrated_at timestamptz NOT NULL DEFAULT now())`);
    for (const statement of MIGRATIONS[0]!.statements) await client.query(statement.replaceAll('$schema', `"${schema}"`));
    await client.query(`INSERT INTO "${schema}".schema_version (version) VALUES (1)`);
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
}

describe('postgresStore lists', () => {
  let schema: string;
  const stores: PostgresStore[] = [];
  const open = (options: { autoMigrate?: boolean; pool?: pg.Pool } = {}): PostgresStore => {
    const store = options.pool === undefined
      ? postgresStore({ connectionString: PG_URL, schema, max: 2, autoMigrate: options.autoMigrate ?? true })
      : postgresStore({ pool: options.pool, schema });
    stores.push(store);
    return store;
  };
  beforeEach(() => {
    schema = testSchemaName('pw_list');
  });
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
    await dropSchema(schema);
  });

  it('migrates a database written with layout version 1: backfills the list columns, then saves keep them', async () => {
    await createVersion1(schema);
    const old = open({ autoMigrate: false });
    // Saved through the version-1 save_incident (same parameters), which knows no list columns.
    await put(old, makeIncident('A', { openedAt: openedAt(3), stage: 'detection' }), 0);
    await put(old, makeIncident('B', { openedAt: openedAt(1), stage: 'response', deadlines: [deadline('report', '2024-05-01T09:00:00.000Z')] }), 0);
    await put(old, makeIncident('C', { openedAt: openedAt(2), stage: 'response', deadlines: [breached, deadline('report', '2024-05-01T15:00:00.000Z')] }), 0);
    await put(old, makeIncident('D', { openedAt: '2024-05-01T10:04:00+02:00', stage: 'closed', closed: true, closedAt: openedAt(50) }), 0);
    await expect(old.ping()).rejects.toThrow(/layout version 1, this planwright needs 2; run `planwright migrate`/);

    expect(await open().migrate()).toEqual({ from: 1, to: LATEST_SCHEMA_VERSION });
    expect(LATEST_SCHEMA_VERSION).toBe(2);
    const rows = await queryTestDatabase<{ id: string; opened_ms: string; closed: boolean; stage: string; breached: boolean; next_due_ms: string | null }>(
      `SELECT id, opened_ms, closed, stage, breached, next_due_ms FROM "${schema}".incidents ORDER BY id`,
    );
    expect(rows).toEqual([
      { id: 'A', opened_ms: String(Date.parse(openedAt(3))), closed: false, stage: 'detection', breached: false, next_due_ms: null },
      { id: 'B', opened_ms: String(Date.parse(openedAt(1))), closed: false, stage: 'response', breached: false, next_due_ms: String(Date.parse('2024-05-01T09:00:00.000Z')) },
      { id: 'C', opened_ms: String(Date.parse(openedAt(2))), closed: false, stage: 'response', breached: true, next_due_ms: String(Date.parse('2024-05-01T15:00:00.000Z')) },
      { id: 'D', opened_ms: String(Date.parse(openedAt(4))), closed: true, stage: 'closed', breached: false, next_due_ms: null },
    ]);

    const store = open();
    const ids = async (query: { open?: boolean; stage?: string; overdue?: boolean }) => (await store.listPage({ at: AT, limit: 10, ...query })).incidents.map((i) => i.id);
    expect(await ids({})).toEqual(['B', 'C', 'A', 'D']);
    expect(await ids({ open: true })).toEqual(['B', 'C', 'A']);
    expect(await ids({ stage: 'response' })).toEqual(['B', 'C']);
    expect(await ids({ overdue: true })).toEqual(['B', 'C']);
    // The new save_incident keeps the columns: B's deadline met and B closed, A breached.
    const b = (await store.get('B'))!;
    await put(store, nextVersion(b, { stage: 'closed', closed: true, closedAt: openedAt(70), deadlines: [{ ...b.deadlines[0]!, status: 'met', metAt: openedAt(60) }] }), b.version);
    const a = (await store.get('A'))!;
    await put(store, nextVersion(a, { deadlines: [breached] }), a.version);
    expect(await ids({ overdue: true })).toEqual(['C', 'A']);
    expect(await ids({ open: false })).toEqual(['B', 'D']);
    expect(await ids({ stage: 'closed' })).toEqual(['B', 'D']);
    // And so does an update (the locked read → decide → save).
    await store.update('C', undefined, (current) => nextSave(current, { stage: 'review' }));
    expect(await ids({ stage: 'review' })).toEqual(['C']);
  });

  it('--print-sql from version 1 applies step 2 only', async () => {
    const { migrationScript } = await import('../../src/postgres/index.js');
    const script = migrationScript(schema, `"${schema}"`, 1);
    expect(script).toContain('-- step 2: list columns');
    expect(script).not.toContain('-- step 1:');
    await createVersion1(schema);
    await queryTestDatabase(script);
    expect((await queryTestDatabase<{ version: number }>(`SELECT version FROM "${schema}".schema_version`))[0]?.version).toBe(2);
  });

  it('answers a page with a range scan of a list index, in order, with no sort (EXPLAIN)', async () => {
    const pool = new pg.Pool({ connectionString: PG_URL, max: 2 });
    const asked: Array<{ text: string; values: unknown[] }> = [];
    const query = pool.query.bind(pool);
    // Remember the list queries the store sends, to EXPLAIN them.
    (pool as unknown as { query: (config: unknown, values?: unknown) => unknown }).query = (config: unknown, values?: unknown) => {
      if (typeof config === 'object' && config !== null && /ORDER BY i\.opened_ms/.test((config as { text: string }).text)) asked.push(config as { text: string; values: unknown[] });
      return (query as (config: unknown, values?: unknown) => unknown)(config, values);
    };
    try {
      const store = open({ pool });
      await store.migrate();
      // 20,000 rows written directly (only the list columns matter to the plan), then statistics.
      await queryTestDatabase(
        `INSERT INTO "${schema}".incidents (id, version, doc, opened_ms, closed, stage, breached, next_due_ms)
         SELECT 'X-' || lpad(g::text, 6, '0'), 1, '{}'::jsonb, 1714550400000 + g * 1000, g % 4 = 0,
                CASE WHEN g % 50 = 0 THEN 'review' WHEN g % 4 = 0 THEN 'closed' ELSE 'monitor' END, g % 9 = 0,
                CASE WHEN g % 2 = 0 THEN 1714550400000 + g * 2000 END
           FROM generate_series(1, 20000) g`,
      );
      await queryTestDatabase(`ANALYZE "${schema}".incidents`);
      const after = { openedMs: 1714550400000 + 12_345_000, id: 'X-012345' };
      const queries = [
        { at: AT, limit: 50 },
        { at: AT, limit: 50, after },
        { at: AT, limit: 50, open: true, after },
        { at: AT, limit: 50, open: false, after },
        { at: AT, limit: 50, stage: 'review', after },
        { at: AT, limit: 50, overdue: true, after },
      ];
      for (const listQuery of queries) await store.listPage(listQuery); // rows are not incidents: all reported corrupt, none listed
      expect(asked).toHaveLength(queries.length);
      for (const [position, { text, values }] of asked.entries()) {
        const plan = (await queryTestDatabase<{ 'QUERY PLAN': string }>(`EXPLAIN ${text}`, values)).map((row) => row['QUERY PLAN']).join('\n');
        const label = JSON.stringify(queries[position]);
        expect(plan.split('\n')[0], label).toMatch(/^Limit/);
        expect(plan, label).toMatch(/Index (Only )?Scan using incidents_list\w* on incidents i/);
        expect(plan, label).not.toMatch(/Sort|Seq Scan/);
        if ('after' in queries[position]!) expect(plan, label).toMatch(/Index Cond: .*ROW\(opened_ms, .*id.*\) > ROW/);
      }
    } finally {
      for (const store of stores.splice(0)) await store.close();
      await pool.end();
    }
  });

  it('reads no timeline but the last entry, and reports a row it cannot read instead of failing the page', async () => {
    const store = open();
    await put(store, makeIncident('LONG', { openedAt: openedAt(1), timeline: appendEntries([], 300), version: 1 }), 0);
    await put(store, makeIncident('OK', { openedAt: openedAt(2) }), 0);
    await put(store, makeIncident('BAD', { openedAt: openedAt(3) }), 0);
    // Damage LONG's first entry (past the append-only trigger) and BAD's document.
    await queryTestDatabase(`ALTER TABLE "${schema}".timeline DISABLE TRIGGER timeline_append_only`);
    await queryTestDatabase(`UPDATE "${schema}".timeline SET entry = '{"not": "an entry"}' WHERE incident_id = 'LONG' AND seq = 0`);
    await queryTestDatabase(`UPDATE "${schema}".incidents SET doc = doc - 'planHash' WHERE id = 'BAD'`);
    await expect(store.get('LONG')).rejects.toThrow(/timeline\.0/); // get reads the whole timeline
    const page = await store.listPage({ at: AT, limit: 2 });
    expect(page.incidents.map((i) => [i.id, i.lastEntry.seq])).toEqual([['LONG', 299], ['OK', 0]]);
    expect(page.next).toEqual({ openedMs: Date.parse(openedAt(2)), id: 'OK' });
    const rest = await store.listPage({ at: AT, limit: 2, after: page.next! });
    expect(rest.incidents).toEqual([]);
    expect(rest.corrupt?.map((c) => [c.incidentId, c.error.code])).toEqual([['BAD', 'corrupt-incident']]);
    expect(rest.corrupt?.[0]?.error.message).toMatch(/row id="BAD".*planHash/);
    expect(rest.next).toBeUndefined();
  });
});
