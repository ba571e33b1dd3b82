import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The test database (set PLANWRIGHT_PG_URL to run elsewhere). */
export const PG_URL = process.env['PLANWRIGHT_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A fresh schema name for one test. */
export function testSchemaName(prefix = 'pw_test'): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}

/** Drops a test schema and everything in it. */
export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/** Runs one query on the test database (for assertions on the raw tables). */
export async function queryTestDatabase<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    return (await client.query<R>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/**
 * Fails fast, with what to do, when the test database cannot be reached (call in `beforeAll`).
 */
export async function requirePostgres(): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${PG_URL} (${(error as Error).message}). Start it ` +
        '(`pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`) or point PLANWRIGHT_PG_URL at a database ' +
        'where the user may create schemas.',
      { cause: error },
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}
