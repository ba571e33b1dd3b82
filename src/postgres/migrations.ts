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
         timeline_length integer NOT NULL DEFAULT 0,
         last_hash text NOT NULL DEFAULT '',
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
      // One save in one round trip (and so one short row lock): version check, timeline append
      // with chain check at the junction, deadline rows brought in line (leases kept on rows
      // that do not change), outbox rows replaced. Returns 'ok', 'conflict [<stored version> | ?]'
      // (nothing written; no version: no such incident, ?: created meanwhile) or
      // 'base <length> <last hash>' when p_base_length is not the stored timeline length
      // (nothing written; the caller retries with the right base). Bad input raises.
      `CREATE FUNCTION $schema.save_incident(
         p_id text, p_expected integer, p_version integer, p_doc jsonb,
         p_base_length integer, p_base_hash text, p_entries jsonb, p_deadlines jsonb, p_outbox jsonb)
       RETURNS text LANGUAGE plpgsql AS $$
       DECLARE
         cur_version integer;
         cur_length integer;
         cur_hash text;
         n integer := jsonb_array_length(p_entries);
       BEGIN
         IF p_expected = 0 THEN
           IF p_base_length <> 0 THEN RAISE EXCEPTION 'save_incident: a new incident has base length 0'; END IF;
           cur_length := 0;
           cur_hash := '';
         ELSE
           SELECT version, timeline_length, last_hash INTO cur_version, cur_length, cur_hash
             FROM $schema.incidents WHERE id = p_id FOR UPDATE;
           IF NOT FOUND THEN RETURN 'conflict'; END IF;
           IF cur_version <> p_expected THEN RETURN 'conflict ' || cur_version; END IF;
           IF p_base_length <> cur_length OR p_base_hash <> cur_hash THEN
             RETURN 'base ' || cur_length || ' ' || cur_hash;
           END IF;
         END IF;
         IF n > 0 AND ((p_entries->0->>'seq')::integer <> cur_length OR p_entries->0->>'prevHash' <> cur_hash) THEN
           RAISE EXCEPTION 'save_incident: incident % entry % does not continue the stored timeline', p_id, p_entries->0->>'seq';
         END IF;
         IF p_expected = 0 THEN
           INSERT INTO $schema.incidents (id, version, doc, timeline_length, last_hash)
             VALUES (p_id, p_version, p_doc, n, CASE WHEN n > 0 THEN p_entries->(n - 1)->>'hash' ELSE '' END)
             ON CONFLICT (id) DO NOTHING;
           IF NOT FOUND THEN RETURN 'conflict ?'; END IF;
         ELSE
           UPDATE $schema.incidents
              SET version = p_version, doc = p_doc, timeline_length = cur_length + n,
                  last_hash = CASE WHEN n > 0 THEN p_entries->(n - 1)->>'hash' ELSE cur_hash END,
                  updated_at = now()
            WHERE id = p_id;
         END IF;
         IF n > 0 THEN
           INSERT INTO $schema.timeline (incident_id, seq, prev_hash, hash, entry)
             SELECT p_id, (e->>'seq')::integer, e->>'prevHash', e->>'hash', e FROM jsonb_array_elements(p_entries) AS e;
         END IF;
         IF p_expected <> 0 THEN
           DELETE FROM $schema.deadlines d WHERE d.incident_id = p_id AND NOT EXISTS (
             SELECT 1 FROM jsonb_to_recordset(p_deadlines) AS r(deadline_id text, instance integer, due_text text)
              WHERE r.deadline_id = d.deadline_id AND r.instance = d.instance AND r.due_text = d.due_text);
           DELETE FROM $schema.outbox WHERE incident_id = p_id;
         END IF;
         INSERT INTO $schema.deadlines (incident_id, deadline_id, instance, due_at, due_text)
           SELECT p_id, r.deadline_id, r.instance, r.due_at, r.due_text
             FROM jsonb_to_recordset(p_deadlines) AS r(deadline_id text, instance integer, due_at timestamptz, due_text text)
           ON CONFLICT (incident_id, deadline_id, instance) DO NOTHING;
         INSERT INTO $schema.outbox (incident_id, effect_id, position, name, requested_at, payload)
           SELECT p_id, r.effect_id, r.position, r.name, r.requested_at, r.payload
             FROM jsonb_to_recordset(p_outbox) AS r(effect_id text, position integer, name text, requested_at text, payload jsonb);
         RETURN 'ok';
       END $$`,
    ],
  },
  {
    version: 2,
    description: 'list columns (opened time, closed, stage, breached, earliest pending due time) kept by save_incident, backfilled; list indexes',
    statements: [
      // ms since the epoch of an ISO 8601 text, or NULL for a text PostgreSQL cannot read (the
      // engine writes Date#toISOString, which it always can).
      `CREATE FUNCTION $schema.time_ms(p_text text) RETURNS bigint LANGUAGE plpgsql STABLE AS $$
       BEGIN
         RETURN floor(extract(epoch FROM p_text::timestamptz) * 1000)::bigint;
       EXCEPTION WHEN others THEN
         RETURN NULL;
       END $$`,
      `ALTER TABLE $schema.incidents
         ADD COLUMN opened_ms bigint, ADD COLUMN closed boolean, ADD COLUMN stage text,
         ADD COLUMN breached boolean, ADD COLUMN next_due_ms bigint`,
      `UPDATE $schema.incidents i SET
         opened_ms = COALESCE($schema.time_ms(i.doc->>'openedAt'), 0),
         closed = COALESCE(i.doc->>'closed' = 'true', false),
         stage = COALESCE(i.doc->>'stage', ''),
         breached = COALESCE(jsonb_path_exists(i.doc, '$.deadlines[*] ? (@.status == "breached")'), false),
         next_due_ms = (SELECT floor(extract(epoch FROM min(d.due_at)) * 1000)::bigint FROM $schema.deadlines d WHERE d.incident_id = i.id)`,
      `ALTER TABLE $schema.incidents
         ALTER COLUMN opened_ms SET NOT NULL, ALTER COLUMN closed SET NOT NULL,
         ALTER COLUMN stage SET NOT NULL, ALTER COLUMN breached SET NOT NULL`,
      // A page is a range scan of one of these, in list order (opened time, then id in byte
      // order, as JavaScript compares ids), from the cursor on: all incidents; open or closed
      // ones (also for overdue, a filter on the open ones); one stage's.
      `CREATE INDEX incidents_list ON $schema.incidents (opened_ms, id COLLATE "C")`,
      `CREATE INDEX incidents_list_closed ON $schema.incidents (closed, opened_ms, id COLLATE "C")`,
      `CREATE INDEX incidents_list_stage ON $schema.incidents (stage, opened_ms, id COLLATE "C")`,
      // save_incident as in step 1, also writing the list columns from the document and the
      // pending deadlines (same parameters: processes of the previous version keep working).
      `CREATE OR REPLACE FUNCTION $schema.save_incident(
         p_id text, p_expected integer, p_version integer, p_doc jsonb,
         p_base_length integer, p_base_hash text, p_entries jsonb, p_deadlines jsonb, p_outbox jsonb)
       RETURNS text LANGUAGE plpgsql AS $$
       DECLARE
         cur_version integer;
         cur_length integer;
         cur_hash text;
         n integer := jsonb_array_length(p_entries);
         list_opened_ms bigint := COALESCE($schema.time_ms(p_doc->>'openedAt'), 0);
         list_closed boolean := COALESCE(p_doc->>'closed' = 'true', false);
         list_stage text := COALESCE(p_doc->>'stage', '');
         list_breached boolean := COALESCE(jsonb_path_exists(p_doc, '$.deadlines[*] ? (@.status == "breached")'), false);
         list_next_due_ms bigint := (SELECT floor(extract(epoch FROM min(r.due_at)) * 1000)::bigint
                                       FROM jsonb_to_recordset(p_deadlines) AS r(due_at timestamptz));
       BEGIN
         IF p_expected = 0 THEN
           IF p_base_length <> 0 THEN RAISE EXCEPTION 'save_incident: a new incident has base length 0'; END IF;
           cur_length := 0;
           cur_hash := '';
         ELSE
           SELECT version, timeline_length, last_hash INTO cur_version, cur_length, cur_hash
             FROM $schema.incidents WHERE id = p_id FOR UPDATE;
           IF NOT FOUND THEN RETURN 'conflict'; END IF;
           IF cur_version <> p_expected THEN RETURN 'conflict ' || cur_version; END IF;
           IF p_base_length <> cur_length OR p_base_hash <> cur_hash THEN
             RETURN 'base ' || cur_length || ' ' || cur_hash;
           END IF;
         END IF;
         IF n > 0 AND ((p_entries->0->>'seq')::integer <> cur_length OR p_entries->0->>'prevHash' <> cur_hash) THEN
           RAISE EXCEPTION 'save_incident: incident % entry % does not continue the stored timeline', p_id, p_entries->0->>'seq';
         END IF;
         IF p_expected = 0 THEN
           INSERT INTO $schema.incidents (id, version, doc, timeline_length, last_hash, opened_ms, closed, stage, breached, next_due_ms)
             VALUES (p_id, p_version, p_doc, n, CASE WHEN n > 0 THEN p_entries->(n - 1)->>'hash' ELSE '' END,
                     list_opened_ms, list_closed, list_stage, list_breached, list_next_due_ms)
             ON CONFLICT (id) DO NOTHING;
           IF NOT FOUND THEN RETURN 'conflict ?'; END IF;
         ELSE
           UPDATE $schema.incidents
              SET version = p_version, doc = p_doc, timeline_length = cur_length + n,
                  last_hash = CASE WHEN n > 0 THEN p_entries->(n - 1)->>'hash' ELSE cur_hash END,
                  updated_at = now(), opened_ms = list_opened_ms, closed = list_closed, stage = list_stage,
                  breached = list_breached, next_due_ms = list_next_due_ms
            WHERE id = p_id;
         END IF;
         IF n > 0 THEN
           INSERT INTO $schema.timeline (incident_id, seq, prev_hash, hash, entry)
             SELECT p_id, (e->>'seq')::integer, e->>'prevHash', e->>'hash', e FROM jsonb_array_elements(p_entries) AS e;
         END IF;
         IF p_expected <> 0 THEN
           DELETE FROM $schema.deadlines d WHERE d.incident_id = p_id AND NOT EXISTS (
             SELECT 1 FROM jsonb_to_recordset(p_deadlines) AS r(deadline_id text, instance integer, due_text text)
              WHERE r.deadline_id = d.deadline_id AND r.instance = d.instance AND r.due_text = d.due_text);
           DELETE FROM $schema.outbox WHERE incident_id = p_id;
         END IF;
         INSERT INTO $schema.deadlines (incident_id, deadline_id, instance, due_at, due_text)
           SELECT p_id, r.deadline_id, r.instance, r.due_at, r.due_text
             FROM jsonb_to_recordset(p_deadlines) AS r(deadline_id text, instance integer, due_at timestamptz, due_text text)
           ON CONFLICT (incident_id, deadline_id, instance) DO NOTHING;
         INSERT INTO $schema.outbox (incident_id, effect_id, position, name, requested_at, payload)
           SELECT p_id, r.effect_id, r.position, r.name, r.requested_at, r.payload
             FROM jsonb_to_recordset(p_outbox) AS r(effect_id text, position integer, name text, requested_at text, payload jsonb);
         RETURN 'ok';
       END $$`,
    ],
  },
];

/** The layout version this build of planwright writes. */
export const LATEST_SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;

/** The statements that create the migration lock and the `schema_version` table, before any step. */
function preludeStatements(quotedSchema: string): string[] {
  return [
    `CREATE SCHEMA IF NOT EXISTS ${quotedSchema}`,
    `CREATE TABLE IF NOT EXISTS ${quotedSchema}.schema_version (
         singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
         version integer NOT NULL,
         migrated_at timestamptz NOT NULL DEFAULT now()
       )`,
  ];
}

/** The statement that records `version` as applied. */
function recordVersionStatement(quotedSchema: string, version: number): string {
  return `INSERT INTO ${quotedSchema}.schema_version (singleton, version) VALUES (true, ${version})
         ON CONFLICT (singleton) DO UPDATE SET version = EXCLUDED.version, migrated_at = now()`;
}

/**
 * The SQL script that upgrades `schemaName` from layout version `from` (0: an empty schema) to
 * {@link LATEST_SCHEMA_VERSION}, for DBAs who run DDL themselves (`planwright migrate --print-sql`).
 * It runs in one transaction under the same advisory lock as `store.migrate()`, and checks the
 * recorded version first, so it fails rather than applying steps twice.
 *
 * @example
 * ```ts
 * const sql = migrationScript('planwright', '"planwright"', 0); // BEGIN; … COMMIT;
 * ```
 */
export function migrationScript(schemaName: string, quotedSchema: string, from: number): string {
  const lines: string[] = [
    `-- planwright store: schema ${schemaName}, layout version ${from} → ${LATEST_SCHEMA_VERSION}`,
    'BEGIN;',
    `SELECT pg_advisory_xact_lock(hashtextextended('planwright:migrate:${schemaName}', 0));`,
    ...preludeStatements(quotedSchema).map((statement) => `${statement};`),
    // Stop (and roll back) unless the schema is at the version this script starts from.
    `DO $check$ BEGIN
   IF COALESCE((SELECT version FROM ${quotedSchema}.schema_version), 0) <> ${from} THEN
     RAISE EXCEPTION 'schema ${schemaName} is not at planwright store version ${from}';
   END IF;
 END $check$;`,
  ];
  for (const step of MIGRATIONS) {
    if (step.version <= from) continue;
    lines.push(`-- step ${step.version}: ${step.description}`);
    for (const statement of step.statements) lines.push(`${statement.replaceAll('$schema', quotedSchema)};`);
  }
  if (from < LATEST_SCHEMA_VERSION) lines.push(`${recordVersionStatement(quotedSchema, LATEST_SCHEMA_VERSION)};`);
  lines.push('COMMIT;', '');
  return lines.join('\n');
}

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
    for (const statement of preludeStatements(quotedSchema)) await client.query(statement);
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
    if (from < LATEST_SCHEMA_VERSION) await client.query(recordVersionStatement(quotedSchema, LATEST_SCHEMA_VERSION));
    await client.query('COMMIT');
    return { from, to: LATEST_SCHEMA_VERSION };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
