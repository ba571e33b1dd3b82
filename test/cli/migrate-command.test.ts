import pg from 'pg';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { LATEST_SCHEMA_VERSION, postgresStore } from '../../src/postgres/index.js';
import { dropSchema, PG_URL, queryTestDatabase, requirePostgres, testSchemaName } from '../stores/pg-test-database.js';
import { captureIo } from './capture-io.js';

beforeAll(requirePostgres);

const tablesOf = async (schema: string): Promise<string[]> =>
  (
    await queryTestDatabase<{ table_name: string }>(
      'SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name',
      [schema],
    )
  ).map((row) => row.table_name);

describe('planwright migrate', () => {
  const schemas: string[] = [];
  afterEach(async () => {
    for (const schema of schemas.splice(0)) await dropSchema(schema);
  });

  it('creates the tables, then says they are current', async () => {
    const schema = testSchemaName('pw_migrate');
    schemas.push(schema);
    const first = captureIo();
    expect(await run(['migrate', '--pg-url', PG_URL, '--schema', schema, '--json'], first)).toBe(0);
    expect(JSON.parse(first.out())).toEqual({ ok: true, schema, from: 0, to: LATEST_SCHEMA_VERSION });
    expect(await tablesOf(schema)).toEqual(['deadlines', 'incidents', 'outbox', 'schema_version', 'timeline']);
    const again = captureIo();
    expect(await run(['migrate', '--pg-url', PG_URL, '--schema', schema], again)).toBe(0);
    expect(again.out()).toBe(`schema ${schema}: already at layout version ${LATEST_SCHEMA_VERSION}\n`);
  });

  it('prints a script a DBA can run, after which a store without autoMigrate works and pings', async () => {
    const schema = testSchemaName('pw_migrate_sql');
    schemas.push(schema);
    const io = captureIo();
    expect(await run(['migrate', '--print-sql', '--schema', schema], io)).toBe(0);
    const script = io.out();
    expect(script).toMatch(/^-- planwright store: /);
    expect(script.trim().endsWith('COMMIT;')).toBe(true);
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    try {
      await client.query(script);
      // Run twice, it refuses: the schema is no longer at version 0 (and nothing is applied twice).
      await expect(client.query(script)).rejects.toThrow(`schema ${schema} is not at planwright store version 0`);
    } finally {
      await client.end();
    }
    expect(await tablesOf(schema)).toEqual(['deadlines', 'incidents', 'outbox', 'schema_version', 'timeline']);
    const store = postgresStore({ connectionString: PG_URL, schema, autoMigrate: false, max: 1 });
    try {
      await expect(store.ping()).resolves.toBeUndefined();
      expect(await store.migrate()).toEqual({ from: LATEST_SCHEMA_VERSION, to: LATEST_SCHEMA_VERSION });
    } finally {
      await store.close();
    }
  });

  it('a store on a schema nobody migrated fails its ping, saying what to run', async () => {
    const schema = testSchemaName('pw_unmigrated');
    schemas.push(schema);
    const store = postgresStore({ connectionString: PG_URL, schema, autoMigrate: false, max: 1 });
    try {
      await expect(store.ping()).rejects.toThrow(/run `planwright migrate`/);
    } finally {
      await store.close();
    }
  });

  it('refuses bad arguments with exit 2', async () => {
    const cases: string[][] = [
      ['migrate', '--print-sql', '--schema', 'Bad-Name'],
      ['migrate', '--print-sql', '--from', '99'],
      ['migrate', '--print-sql', '--from', 'x'],
      ['migrate', 'extra'],
    ];
    for (const args of cases) {
      const io = captureIo();
      expect(await run(args, io), args.join(' ')).toBe(2);
      expect(io.err()).toMatch(/^planwright migrate: /);
    }
    const saved = process.env['PLANWRIGHT_PG_URL'];
    delete process.env['PLANWRIGHT_PG_URL'];
    try {
      const io = captureIo();
      expect(await run(['migrate'], io)).toBe(2);
      expect(io.err()).toMatch(/--pg-url/);
    } finally {
      if (saved !== undefined) process.env['PLANWRIGHT_PG_URL'] = saved;
    }
  });

  it('reports a database that cannot be reached with exit 1', async () => {
    const io = captureIo();
    expect(await run(['migrate', '--pg-url', 'postgres://postgres@127.0.0.1:1/none', '--json'], io)).toBe(1);
    expect(JSON.parse(io.out())).toMatchObject({ ok: false, schema: 'planwright' });
  });
});
