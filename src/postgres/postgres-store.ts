import pg from 'pg';
import type { Pool, PoolClient } from 'pg';
import { canonicalize } from '../compile/canonical-json.js';
import type { Incident, TimelineEntry } from '../runtime/incident.js';
import { compareDue, parseQueryTime, pendingDeadlines } from '../runtime/stores/due-deadlines.js';
import { assertIncidentId } from '../runtime/stores/incident-id.js';
import { assertValidIncident, CorruptIncidentError, parseIncidentDocument } from '../runtime/stores/incident-document.js';
import { assertSavable } from '../runtime/stores/save-preconditions.js';
import { VersionConflictError, type DueDeadline, type IncidentStore } from '../runtime/stores/store.js';
import { runMigrations } from './migrations.js';
import { quoteSchema } from './schema-name.js';
import { TimelineIntegrityError } from './timeline-integrity-error.js';

/** Options of {@link postgresStore}: a pool you own, or a connection string (the store then owns its pool). */
export type PostgresStoreOptions = (
  | { pool: Pool; connectionString?: never }
  | { connectionString: string; pool?: never; /** Pool size when the store creates the pool (default 10). */ max?: number }
) & {
  /** Schema holding the store's tables (default `planwright`); created by `migrate()`. */
  schema?: string;
  /** Run `migrate()` before the first operation (default true). Set false when the role may not run DDL. */
  autoMigrate?: boolean;
};

/** A PostgreSQL-backed {@link IncidentStore} for several engine processes on one database. */
export interface PostgresStore extends IncidentStore {
  /** The schema name in use. */
  readonly schema: string;
  claimDue(time: string, owner: string, leaseMs: number, limit: number): Promise<DueDeadline[]>;
  withPendingEffects(): Promise<string[]>;
  /** Creates or upgrades the tables (idempotent, safe from several processes at once). */
  migrate(): Promise<{ from: number; to: number }>;
  /** Ends the pool if the store created it; a pool passed in is left open. */
  close(): Promise<void>;
}

interface IncidentRow {
  id: string;
  version: number;
  doc: Record<string, unknown>;
  timeline: unknown[];
}

interface DueRow {
  incident_id: string;
  deadline_id: string;
  instance: number;
  due_text: string;
}

const toDue = (r: DueRow): DueDeadline => ({ incidentId: r.incident_id, deadlineId: r.deadline_id, instance: r.instance, dueAt: r.due_text });

/**
 * A {@link IncidentStore} on PostgreSQL (node-postgres), for one or many engine processes.
 *
 * Layout (in `schema`, created by {@link PostgresStore.migrate}): `incidents` (the document
 * without its timeline as JSONB, plus a `version` column), `timeline` (one append-only row per
 * entry with `prev_hash`/`hash`; a trigger refuses updates and deletes), `deadlines` (the pending
 * instances, indexed by due time, with a lease), `outbox` (mirrors `incident.outbox`).
 *
 * A save is one transaction: `UPDATE incidents … WHERE version = $expected` (or an insert for
 * expected version 0) takes the incident's row lock, so concurrent saves of one incident
 * serialize and all but one fail with `VersionConflictError`; then only the new timeline
 * entries are inserted after checking they continue the stored hash chain
 * (`TimelineIntegrityError` otherwise), the deadline rows are brought in line with the pending
 * instances (a lease survives while its instance stays pending with the same due time), and the
 * outbox rows are replaced.
 *
 * `claimDue` picks due rows with `FOR UPDATE SKIP LOCKED` and leases them to `owner` until the
 * database clock passes `leaseMs`: concurrent claimants get disjoint items, and the items of a
 * claimant that dies are claimable again once its lease runs out. Exactly-once firing rests on the
 * version check: a claimant that lost a race gets a `VersionConflictError` and, on reloading,
 * finds the instance no longer pending.
 *
 * Documents come back with their object keys sorted at every level (JSONB does not keep key
 * order): equal to what was saved, and byte-identical when it was canonical, as the engine's are.
 *
 * @example
 * ```ts
 * import { postgresStore } from 'planwright/postgres';
 * const store = postgresStore({ connectionString: process.env.DATABASE_URL!, schema: 'planwright' });
 * await store.migrate();
 * const engine = createEngine(bundle, { store });
 * ```
 */
export function postgresStore(options: PostgresStoreOptions): PostgresStore {
  const schemaName = options.schema ?? 'planwright';
  const s = quoteSchema(schemaName);
  const ownsPool = options.pool === undefined;
  const pool: Pool =
    options.pool ?? new pg.Pool({ connectionString: options.connectionString, max: 'max' in options && options.max !== undefined ? options.max : 10 });
  // An idle client losing its connection makes the pool emit 'error'; without a listener that
  // would end the process. The next query reports the problem instead.
  if (ownsPool) pool.on('error', () => undefined);
  const autoMigrate = options.autoMigrate ?? true;
  let migrated: Promise<unknown> | undefined;
  let closed = false;

  async function migrate(): Promise<{ from: number; to: number }> {
    const client = await pool.connect();
    try {
      return await runMigrations(client, s, schemaName);
    } finally {
      client.release();
    }
  }

  async function ready(): Promise<void> {
    if (closed) throw new Error(`postgres store (schema ${schemaName}) is closed`);
    if (!autoMigrate) return;
    migrated ??= migrate().catch((error: unknown) => {
      migrated = undefined; // let a later call try again (e.g. the database was not up yet)
      throw error;
    });
    await migrated;
  }

  function toIncident(row: IncidentRow): Incident {
    const source = `${schemaName}.incidents row id=${JSON.stringify(row.id)}`;
    // JSONB does not keep key order; sorted keys give one order whatever the storage, and the
    // engine writes canonical (sorted) documents, so what it saved comes back byte for byte.
    const incident = parseIncidentDocument(canonicalize({ ...row.doc, timeline: row.timeline }), source);
    if (incident.id !== row.id) throw new CorruptIncidentError(source, `document holds id ${JSON.stringify(incident.id)}`);
    if (incident.version !== row.version) {
      throw new CorruptIncidentError(source, `document version ${incident.version} differs from the version column ${row.version}`);
    }
    return incident;
  }

  const selectIncidents = `
    SELECT i.id, i.version, i.doc,
           COALESCE((SELECT jsonb_agg(t.entry ORDER BY t.seq) FROM ${s}.timeline t WHERE t.incident_id = i.id), '[]'::jsonb) AS timeline
      FROM ${s}.incidents i`;

  async function appendTimeline(client: PoolClient, incident: Incident, isNew: boolean): Promise<void> {
    const id = incident.id;
    let stored = 0;
    let lastHash = '';
    if (!isNew) {
      const last = await client.query<{ seq: number; hash: string }>(
        `SELECT seq, hash FROM ${s}.timeline WHERE incident_id = $1 ORDER BY seq DESC LIMIT 1`,
        [id],
      );
      const row = last.rows[0];
      if (row !== undefined) {
        stored = row.seq + 1;
        lastHash = row.hash;
        const same = incident.timeline[row.seq];
        if (same === undefined) {
          throw new TimelineIntegrityError(id, `it has ${incident.timeline.length} entries, ${stored} are stored`);
        }
        if (same.hash !== row.hash) throw new TimelineIntegrityError(id, `stored entry ${row.seq} has hash ${row.hash}, the incident has ${same.hash}`);
      }
    }
    const fresh: TimelineEntry[] = incident.timeline.slice(stored);
    fresh.forEach((entry, i) => {
      const seq = stored + i;
      if (entry.seq !== seq) throw new TimelineIntegrityError(id, `entry at position ${seq} has seq ${entry.seq}`);
      const expectedPrev = seq === 0 ? '' : seq === stored ? lastHash : (fresh[i - 1] as TimelineEntry).hash;
      if (entry.prevHash !== expectedPrev) {
        throw new TimelineIntegrityError(id, `entry ${seq} has prevHash ${JSON.stringify(entry.prevHash)}, the previous hash is ${JSON.stringify(expectedPrev)}`);
      }
    });
    if (fresh.length === 0) return;
    await client.query(
      `INSERT INTO ${s}.timeline (incident_id, seq, prev_hash, hash, entry)
       SELECT $1, (e->>'seq')::integer, e->>'prevHash', e->>'hash', e FROM jsonb_array_elements($2::jsonb) AS e`,
      [id, JSON.stringify(fresh)],
    );
  }

  async function syncDeadlines(client: PoolClient, incident: Incident, isNew: boolean): Promise<void> {
    const rows = pendingDeadlines(incident).map((d) => ({
      deadline_id: d.deadlineId,
      instance: d.instance,
      due_at: new Date(Date.parse(d.dueAt)).toISOString(),
      due_text: d.dueAt,
    }));
    const json = JSON.stringify(rows);
    if (!isNew) {
      await client.query(
        `DELETE FROM ${s}.deadlines d WHERE d.incident_id = $1 AND NOT EXISTS (
           SELECT 1 FROM jsonb_to_recordset($2::jsonb) AS r(deadline_id text, instance integer, due_text text)
            WHERE r.deadline_id = d.deadline_id AND r.instance = d.instance AND r.due_text = d.due_text)`,
        [incident.id, json],
      );
    }
    if (rows.length === 0) return;
    await client.query(
      `INSERT INTO ${s}.deadlines (incident_id, deadline_id, instance, due_at, due_text)
       SELECT $1, r.deadline_id, r.instance, r.due_at, r.due_text
         FROM jsonb_to_recordset($2::jsonb) AS r(deadline_id text, instance integer, due_at timestamptz, due_text text)
       ON CONFLICT (incident_id, deadline_id, instance) DO NOTHING`,
      [incident.id, json],
    );
  }

  async function syncOutbox(client: PoolClient, incident: Incident, isNew: boolean): Promise<void> {
    if (!isNew) await client.query(`DELETE FROM ${s}.outbox WHERE incident_id = $1`, [incident.id]);
    if (incident.outbox.length === 0) return;
    const rows = incident.outbox.map((e, position) => ({ effect_id: e.id, position, name: e.name, requested_at: e.at, payload: e.payload }));
    await client.query(
      `INSERT INTO ${s}.outbox (incident_id, effect_id, position, name, requested_at, payload)
       SELECT $1, r.effect_id, r.position, r.name, r.requested_at, r.payload
         FROM jsonb_to_recordset($2::jsonb) AS r(effect_id text, position integer, name text, requested_at text, payload jsonb)`,
      [incident.id, JSON.stringify(rows)],
    );
  }

  async function actualVersion(id: string): Promise<number | null> {
    const r = await pool.query<{ version: number }>(`SELECT version FROM ${s}.incidents WHERE id = $1`, [id]);
    return r.rows[0]?.version ?? null;
  }

  return {
    schema: schemaName,
    migrate,

    async get(id) {
      assertIncidentId(id);
      await ready();
      const r = await pool.query<IncidentRow>(`${selectIncidents} WHERE i.id = $1`, [id]);
      const row = r.rows[0];
      return row === undefined ? undefined : toIncident(row);
    },

    async save(incident, expectedVersion) {
      assertSavable(incident, expectedVersion);
      assertValidIncident(incident);
      await ready();
      const { timeline: _timeline, ...rest } = incident;
      const doc = JSON.stringify(rest);
      const isNew = expectedVersion === 0;
      const client = await pool.connect();
      let conflict = false;
      try {
        await client.query('BEGIN');
        const written = isNew
          ? await client.query(
              `INSERT INTO ${s}.incidents (id, version, doc) VALUES ($1, $2, $3::jsonb) ON CONFLICT (id) DO NOTHING`,
              [incident.id, incident.version, doc],
            )
          : await client.query(
              `UPDATE ${s}.incidents SET version = $2, doc = $3::jsonb, updated_at = now() WHERE id = $1 AND version = $4`,
              [incident.id, incident.version, doc, expectedVersion],
            );
        if (written.rowCount !== 1) {
          conflict = true;
          await client.query('ROLLBACK');
        } else {
          await appendTimeline(client, incident, isNew);
          await syncDeadlines(client, incident, isNew);
          await syncOutbox(client, incident, isNew);
          await client.query('COMMIT');
        }
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
      if (conflict) throw new VersionConflictError(incident.id, expectedVersion, await actualVersion(incident.id));
    },

    async list() {
      await ready();
      const r = await pool.query<IncidentRow>(`${selectIncidents} ORDER BY i.id`);
      return r.rows.map(toIncident);
    },

    async dueBefore(time) {
      const limit = new Date(parseQueryTime(time)).toISOString();
      await ready();
      const r = await pool.query<DueRow>(
        `SELECT incident_id, deadline_id, instance, due_text FROM ${s}.deadlines
          WHERE due_at <= $1 ORDER BY due_at, incident_id, deadline_id, instance`,
        [limit],
      );
      return r.rows.map(toDue);
    },

    async claimDue(time, owner, leaseMs, limit) {
      const until = new Date(parseQueryTime(time)).toISOString();
      if (!Number.isFinite(leaseMs) || leaseMs <= 0) throw new RangeError(`leaseMs must be a positive number, got ${leaseMs}`);
      if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, got ${limit}`);
      await ready();
      const r = await pool.query<DueRow>(
        `WITH due AS (
           SELECT incident_id, deadline_id, instance FROM ${s}.deadlines
            WHERE due_at <= $1 AND (lease_until IS NULL OR lease_until <= clock_timestamp())
            ORDER BY due_at, incident_id, deadline_id, instance
            LIMIT $4
            FOR UPDATE SKIP LOCKED)
         UPDATE ${s}.deadlines d
            SET lease_owner = $2, lease_until = clock_timestamp() + $3 * interval '1 millisecond'
           FROM due
          WHERE d.incident_id = due.incident_id AND d.deadline_id = due.deadline_id AND d.instance = due.instance
         RETURNING d.incident_id, d.deadline_id, d.instance, d.due_text`,
        [until, owner, leaseMs, limit],
      );
      return r.rows.map(toDue).sort(compareDue);
    },

    async withPendingEffects() {
      await ready();
      const r = await pool.query<{ incident_id: string }>(`SELECT DISTINCT incident_id FROM ${s}.outbox ORDER BY incident_id`);
      return r.rows.map((row) => row.incident_id);
    },

    async close() {
      if (closed) return;
      closed = true;
      if (ownsPool) await pool.end();
    },
  };
}
