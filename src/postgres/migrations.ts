import type { PoolClient } from 'pg';

/** One step of the store's database layout. Steps run in order, each once, in one transaction. */
export interface Migration {
  version: number;
  description: string;
  /** SQL statements, with `$schema` standing for the quoted schema name. */
  statements: readonly string[];
}

/** The store's database layout, oldest first. Append new steps; never edit a released one. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'incidents, append-only hash-chained timeline, deadlines with leases, outbox',
    statements: [
      `CREATE TABLE $schema.incidents (
         id text PRIMARY KEY,
         version integer NOT NULL CHECK (version >= 1),
         doc jsonb NOT NULL,
         updated_at timestamptz NOT NULL DEFAULT now()
       )`,
      `CREATE TABLE $schema.timeline (
         incident_id text NOT NULL REFERENCES $schema.incidents (id),
         seq integer NOT NULL CHECK (seq >= 0),
         prev_hash text NOT NULL,
         hash text NOT NULL,
         entry jsonb NOT NULL,
         PRIMARY KEY (incident_id, seq)
       )`,
      `CREATE FUNCTION $schema.timeline_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         RAISE EXCEPTION 'the planwright timeline is append-only (% on incident %)', TG_OP, OLD.incident_id;
       END $$`,
      `CREATE TRIGGER timeline_append_only BEFORE UPDATE OR DELETE ON $schema.timeline
         FOR EACH ROW EXECUTE FUNCTION $schema.timeline_is_append_only()`,
      `CREATE TABLE $schema.deadlines (
         incident_id text NOT NULL REFERENCES $schema.incidents (id),
         deadline_id text NOT NULL,
         instance integer NOT NULL,
         due_at timestamptz NOT NULL,
         due_text text NOT NULL,
         lease_owner text,
         lease_until timestamptz,
         PRIMARY KEY (incident_id, deadline_id, instance)
       )`,
      `CREATE INDEX deadlines_due ON $schema.deadlines (due_at, incident_id, deadline_id, instance)`,
      `CREATE TABLE $schema.outbox (
         incident_id text NOT NULL REFERENCES $schema.incidents (id),
         effect_id text NOT NULL,
         position integer NOT NULL,
         name text NOT NULL,
         requested_at text NOT NULL,
         payload jsonb NOT NULL,
         PRIMARY KEY (incident_id, effect_id)
       )`,
    ],
  },
];

/** The layout version this build of planwright writes. */
export const LATEST_SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;

/**
 * Creates or upgrades the store's tables in `schema` (already quoted). Idempotent and safe to run
 * from several processes at once: a transaction-scoped advisory lock serializes them, and a
 * `schema_version` table records the last step applied. Refuses a database written by a newer
 * planwright. Returns the version before and after.
 *
 * @example
 * ```ts
 * const client = await pool.connect();
 * try { await runMigrations(client, '"planwright"', 'planwright'); } finally { client.release(); }
 * ```
 */
export async function runMigrations(client: PoolClient, quotedSchema: string, schemaName: string): Promise<{ from: number; to: number }> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`planwright:migrate:${schemaName}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quotedSchema}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${quotedSchema}.schema_version (
         singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
         version integer NOT NULL,
         migrated_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    const current = await client.query<{ version: number }>(`SELECT version FROM ${quotedSchema}.schema_version`);
    const from = current.rows[0]?.version ?? 0;
    if (from > LATEST_SCHEMA_VERSION) {
      throw new Error(
        `schema ${schemaName} is at planwright store version ${from}, newer than this planwright knows (${LATEST_SCHEMA_VERSION}); upgrade planwright`,
      );
    }
    for (const step of MIGRATIONS) {
      if (step.version <= from) continue;
      for (const statement of step.statements) await client.query(statement.replaceAll('$schema', quotedSchema));
    }
    if (from < LATEST_SCHEMA_VERSION) {
      await client.query(
        `INSERT INTO ${quotedSchema}.schema_version (singleton, version) VALUES (true, $1)
         ON CONFLICT (singleton) DO UPDATE SET version = EXCLUDED.version, migrated_at = now()`,
        [LATEST_SCHEMA_VERSION],
      );
    }
    await client.query('COMMIT');
    return { from, to: LATEST_SCHEMA_VERSION };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
