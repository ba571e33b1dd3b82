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
