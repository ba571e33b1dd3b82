import pg from 'pg';
import type { Pool } from 'pg';
import { canonicalize } from '../compile/canonical-json.js';
import type { Incident, IncidentSnapshot, IncidentState, TimelineEntry } from '../runtime/incident.js';
import type { ListedIncident } from '../runtime/listed-incident.js';
import { stateOf } from '../runtime/incident-snapshot.js';
import { compareDue, parseQueryTime, pendingDeadlines } from '../runtime/stores/due-deadlines.js';
import { assertIncidentId } from '../runtime/stores/incident-id.js';
import { assertValidSave, CorruptIncidentError, parseIncidentDocument, parseIncidentState, parseTimelineEntry } from '../runtime/stores/incident-document.js';
import { checkListQuery } from '../runtime/stores/list-limits.js';
import { parseListedDocument } from '../runtime/stores/listed-document.js';
import { assertSavable } from '../runtime/stores/save-preconditions.js';
import { assertAppends } from '../runtime/stores/snapshot-preconditions.js';
import {
  VersionConflictError,
  type CorruptIncident,
  type DueDeadline,
  type IncidentListPage,
  type IncidentListQuery,
  type IncidentStore,
  type StoredChange,
  type StoredSnapshot,
} from '../runtime/stores/store.js';
import { timelinePageOf } from '../runtime/stores/timeline-page.js';
import { changeFeed, changePayloadSql, CHANGE_CHANNEL } from './change-feed.js';
import { LATEST_SCHEMA_VERSION, runMigrations } from './migrations.js';
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
  listPage(query: IncidentListQuery): Promise<IncidentListPage>;
  update: NonNullable<IncidentStore['update']>;
  /** Creates or upgrades the tables (idempotent, safe from several processes at once). */
  migrate(): Promise<{ from: number; to: number }>;
  /** Ends the pool if the store created it; a pool passed in is left open. */
  close(): Promise<void>;
  /** Resolves when the database answers and the schema is at this planwright's layout version; rejects saying what to do. */
  ping(): Promise<void>;
  /** Saves of this schema's incidents by any process, through PostgreSQL `LISTEN`/`NOTIFY` (one connection while watched). */
  watch(watcher: (change: StoredChange) => void): () => void;
}

interface IncidentRow {
  id: string;
  version: number;
  doc: Record<string, unknown>;
  /** The timeline entries' JSON texts joined into one JSON array text (cheaper than jsonb_agg). */
  timeline: string | null;
  timeline_length: number;
  last_hash: string;
}

/** A snapshot row: the incident's state and version, and its head entry (the last timeline row) as JSON text. */
interface SnapshotRow {
  id: string;
  version: number;
  doc: Record<string, unknown>;
  timeline_length: number;
  last_hash: string;
  head_entry: string | null;
}

interface ListedRow {
  id: string;
  version: number;
  doc: Record<string, unknown>;
  /** The last timeline entry's JSON text (null when the row has no timeline). */
  last_entry: string | null;
  timeline_length: number;
  last_hash: string;
  /** bigint, as text. */
  opened_ms: string;
}

interface DueRow {
  incident_id: string;
  deadline_id: string;
  instance: number;
  due_text: string;
}

const toDue = (r: DueRow): DueDeadline => ({ incidentId: r.incident_id, deadlineId: r.deadline_id, instance: r.instance, dueAt: r.due_text });

/** The JSON parameters of `save_incident` for `incident`: its state (no timeline, no head), its pending deadlines, its outbox. */
function saveColumns(incident: IncidentState): { doc: string; deadlines: string; outbox: string } {
  const rest = stateOf(incident);
  const deadlines = pendingDeadlines(incident).map((d) => ({
    deadline_id: d.deadlineId,
    instance: d.instance,
    due_at: new Date(Date.parse(d.dueAt)).toISOString(),
    due_text: d.dueAt,
  }));
  const outbox = incident.outbox.map((e, position) => ({ effect_id: e.id, position, name: e.name, requested_at: e.at, payload: e.payload }));
  return { doc: JSON.stringify(rest), deadlines: JSON.stringify(deadlines), outbox: JSON.stringify(outbox) };
}

/**
 * A {@link IncidentStore} on PostgreSQL (node-postgres), for one or many engine processes.
 *
 * Layout (in `schema`, created by {@link PostgresStore.migrate}): `incidents` (the document
 * without its timeline as JSONB, plus a `version` column), `timeline` (one append-only row per
 * entry with `prev_hash`/`hash`; a trigger refuses updates and deletes), `deadlines` (the pending
 * instances, indexed by due time, with a lease), `outbox` (mirrors `incident.outbox`).
 *
 * A save is one transaction in one round trip (the `save_incident` function): it locks the
 * incident row and checks `version = expected` (or inserts, for expected version 0), so
 * concurrent saves of one incident serialize and all but one fail with `VersionConflictError`;
 * it inserts only the new timeline entries, checked to continue the stored hash chain
 * (`TimelineIntegrityError` otherwise, nothing written), brings the deadline rows in line with
 * the pending instances (a lease survives while its instance stays pending with the same due
 * time) and replaces the outbox rows. A save sends only the snapshot and the new entries (store
 * contract v2): its cost does not grow with the history. `getSnapshot` reads the incident row and
 * its last timeline row (one index lookup), never the whole timeline; `get` reads it all and
 * `timeline` a page of it. Rows written before the snapshot's `timelineIndex` existed are read as
 * they are (the engine derives the index once); no layout migration is needed for it.
 *
 * `listPage` is one query: a range scan, in list order, of the index that fits its filters
 * (`incidents_list`, `incidents_list_closed`, `incidents_list_stage` on the list columns that
 * `save_incident` keeps: `opened_ms`, `closed`, `stage`, `breached`, `next_due_ms`), from the
 * cursor on, `LIMIT` the page size plus one; each row brings its document and its last timeline
 * entry (one primary-key probe), never the whole timeline.
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
  const feed = changeFeed(pool, schemaName);
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
    let timeline: unknown;
    try {
      timeline = JSON.parse(row.timeline ?? '[]');
    } catch (error) {
      throw new CorruptIncidentError(source, `its timeline rows are not valid JSON (${(error as Error).message})`, { cause: error });
    }
    // JSONB does not keep key order; sorted keys give one order whatever the storage, and the
    // engine writes canonical (sorted) documents, so what it saved comes back byte for byte.
    const incident = parseIncidentDocument(canonicalize({ ...row.doc, timeline }), source);
    if (incident.id !== row.id) throw new CorruptIncidentError(source, `document holds id ${JSON.stringify(incident.id)}`);
    if (incident.version !== row.version) {
      throw new CorruptIncidentError(source, `document version ${incident.version} differs from the version column ${row.version}`);
    }
    if (incident.timeline.length !== row.timeline_length) {
      throw new CorruptIncidentError(source, `${incident.timeline.length} timeline rows, the incident row says ${row.timeline_length}`);
    }
    return incident;
  }

  /** A list row as a list item, checked against its row; a row that is not one throws {@link CorruptIncidentError}. */
  function toListed(row: ListedRow): ListedIncident {
    const source = `${schemaName}.incidents row id=${JSON.stringify(row.id)}`;
    let lastEntry: unknown;
    try {
      lastEntry = JSON.parse(row.last_entry ?? 'null');
    } catch (error) {
      throw new CorruptIncidentError(source, `its last timeline row is not valid JSON (${(error as Error).message})`, { cause: error });
    }
    const listed = parseListedDocument(canonicalize({ ...row.doc, lastEntry }), source);
    if (listed.id !== row.id) throw new CorruptIncidentError(source, `document holds id ${JSON.stringify(listed.id)}`);
    if (listed.version !== row.version) throw new CorruptIncidentError(source, `document version ${listed.version} differs from the version column ${row.version}`);
    if (listed.lastEntry.seq !== row.timeline_length - 1 || listed.lastEntry.hash !== row.last_hash) {
      throw new CorruptIncidentError(source, `its last timeline row (seq ${listed.lastEntry.seq}) is not the head the incident row names (${row.timeline_length} entries ending in ${JSON.stringify(row.last_hash)})`);
    }
    return listed;
  }

  /** The SQL and parameters of one list page (see `listPage`). */
  function listSql(query: IncidentListQuery, atMs: number): { text: string; values: unknown[] } {
    const values: unknown[] = [];
    const param = (value: unknown): string => {
      values.push(value);
      return `$${values.length}`;
    };
    const where: string[] = [];
    if (query.open !== undefined) where.push(query.open ? 'NOT i.closed' : 'i.closed');
    if (query.stage !== undefined) where.push(`i.stage = ${param(query.stage)}`);
    if (query.overdue === true) where.push(`NOT i.closed AND (i.breached OR i.next_due_ms <= ${param(atMs)})`);
    if (query.overdue === false) where.push(`(i.closed OR (NOT i.breached AND (i.next_due_ms IS NULL OR i.next_due_ms > ${param(atMs)})))`);
    if (query.after !== undefined) where.push(`(i.opened_ms, i.id COLLATE "C") > (${param(query.after.openedMs)}, ${param(query.after.id)})`);
    const text = `SELECT i.id, i.version, i.doc, i.timeline_length, i.last_hash, i.opened_ms,
           (SELECT t.entry::text FROM ${s}.timeline t WHERE t.incident_id = i.id AND t.seq = i.timeline_length - 1) AS last_entry
      FROM ${s}.incidents i
     ${where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`}
     ORDER BY i.opened_ms, i.id COLLATE "C"
     LIMIT ${param(query.limit + 1)}`;
    return { text, values };
  }
  /** A snapshot row as the engine reads it: the state validated, its head from the head entry. */
  function toStoredSnapshot(row: SnapshotRow): StoredSnapshot {
    const source = `${schemaName}.incidents row id=${JSON.stringify(row.id)}`;
    const state = parseIncidentState(canonicalize(row.doc), source);
    if (state.id !== row.id) throw new CorruptIncidentError(source, `document holds id ${JSON.stringify(state.id)}`);
    if (state.version !== row.version) throw new CorruptIncidentError(source, `document version ${state.version} differs from the version column ${row.version}`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(row.head_entry ?? 'null');
    } catch (error) {
      throw new CorruptIncidentError(source, `its last timeline row is not valid JSON (${(error as Error).message})`, { cause: error });
    }
    if (parsed === null) throw new CorruptIncidentError(source, `the incident row says ${row.timeline_length} timeline rows, row ${row.timeline_length - 1} is missing`);
    const headEntry = parseTimelineEntry(canonicalize(parsed), source);
    if (headEntry.seq !== row.timeline_length - 1 || headEntry.hash !== row.last_hash) {
      throw new CorruptIncidentError(source, `its last timeline row (seq ${headEntry.seq}) is not the head the incident row names (${row.timeline_length} rows ending in ${JSON.stringify(row.last_hash)})`);
    }
    return { snapshot: { ...state, head: { at: headEntry.at, hash: headEntry.hash, seq: headEntry.seq } }, headEntry };
  }

  /** Reads one incident's snapshot row with its head entry (one index lookup of the timeline). */
  const selectSnapshot = `
    SELECT i.id, i.version, i.doc, i.timeline_length, i.last_hash, t.entry::text AS head_entry
      FROM ${s}.incidents i LEFT JOIN ${s}.timeline t ON t.incident_id = i.id AND t.seq = i.timeline_length - 1
     WHERE i.id = $1`;

  const selectIncidents = `
    SELECT i.id, i.version, i.doc, i.timeline_length, i.last_hash,
           (SELECT '[' || string_agg(t.entry::text, ',' ORDER BY t.seq) || ']' FROM ${s}.timeline t WHERE t.incident_id = i.id) AS timeline
      FROM ${s}.incidents i`;

  /**
   * Checks a save before it is sent (entries continuing `base` — seq and prevHash — the snapshot's
   * head their last, the state and the new entries valid); returns the parameters of `save_incident`.
   */
  function saveParameters(snapshot: IncidentSnapshot, entries: readonly TimelineEntry[], base: { length: number; hash: string }, expectedVersion: number): unknown[] {
    const id = snapshot.id;
    try {
      assertAppends(snapshot, entries, { seq: base.length - 1, hash: base.hash });
    } catch (error) {
      throw new TimelineIntegrityError(id, (error as Error).message.replace(`incident ${id} cannot be saved: `, ''));
    }
    const state = stateOf(snapshot);
    assertValidSave(state, entries);
    const { doc, deadlines, outbox } = saveColumns(state);
    return [id, expectedVersion, snapshot.version, doc, base.length, base.hash, JSON.stringify(entries), deadlines, outbox, schemaName];
  }

  // A successful save notifies the change feed in the same transaction (delivered on commit).
  const saveSql = `SELECT saved.result, CASE WHEN saved.result = 'ok' THEN pg_notify('${CHANGE_CHANNEL}', ${changePayloadSql('$10', '$3', '$1')}) END
       FROM (SELECT ${s}.save_incident($1, $2, $3, $4::jsonb, $5, $6, $7::jsonb, $8::jsonb, $9::jsonb) AS result) AS saved`;

  /**
   * `update`'s first query: locks the incident's row and returns its version and timeline base.
   * It reads nothing else: a statement that waited for the lock still sees, in its subqueries, the
   * snapshot taken before the wait (READ COMMITTED), so the incident, when the caller's copy is
   * stale, is read by a second statement, which sees the state as locked.
   */
  const lockSql = `SELECT version, timeline_length, last_hash FROM ${s}.incidents WHERE id = $1 FOR UPDATE`;

  async function actualVersion(id: string): Promise<number | null> {
    const r = await pool.query<{ version: number }>(`SELECT version FROM ${s}.incidents WHERE id = $1`, [id]);
    return r.rows[0]?.version ?? null;
  }

  return {
    schema: schemaName,
    migrate,

    async getSnapshot(id) {
      assertIncidentId(id);
      await ready();
      const r = await pool.query<SnapshotRow>(selectSnapshot, [id]);
      const row = r.rows[0];
      return row === undefined ? undefined : toStoredSnapshot(row);
    },

    async get(id) {
      assertIncidentId(id);
      await ready();
      const r = await pool.query<IncidentRow>(`${selectIncidents} WHERE i.id = $1`, [id]);
      const row = r.rows[0];
      return row === undefined ? undefined : toIncident(row);
    },

    async timeline(id, page) {
      assertIncidentId(id);
      const { after, limit } = timelinePageOf(page);
      await ready();
      const r = await pool.query<{ entry: string }>(
        `SELECT entry::text AS entry FROM ${s}.timeline WHERE incident_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
        [id, after, Math.min(limit, 2_147_483_647)],
      );
      const source = `${schemaName}.timeline rows of incident ${JSON.stringify(id)}`;
      return r.rows.map((row) => {
        try {
          return canonicalize(JSON.parse(row.entry)) as TimelineEntry;
        } catch (error) {
          throw new CorruptIncidentError(source, `a row is not valid JSON (${(error as Error).message})`, { cause: error });
        }
      });
    },

    async save(snapshot, entries, expectedVersion) {
      assertSavable(snapshot, expectedVersion);
      await ready();
      const id = snapshot.id;
      // The stored chain this save continues: where its first entry joins (or, with no entries, the head it keeps).
      // (The database checks it is the stored one, under the row lock.)
      const first = entries[0];
      const base =
        expectedVersion === 0
          ? { length: 0, hash: '' }
          : first === undefined
            ? { length: snapshot.head.seq + 1, hash: snapshot.head.hash }
            : { length: first.seq, hash: first.prevHash };
      // A successful save notifies the change feed in the same transaction (delivered on commit).
      const r = await pool.query<{ result: string }>(saveSql, saveParameters(snapshot, entries, base, expectedVersion));
      const result = r.rows[0]?.result ?? '';
      if (result === 'ok') return;
      if (result.startsWith('conflict')) {
        const stored = result.slice('conflict '.length);
        const actual = result === 'conflict' ? null : /^\d+$/.test(stored) ? Number(stored) : await actualVersion(id);
        throw new VersionConflictError(id, expectedVersion, actual);
      }
      const match = /^base (\d+) (.*)$/.exec(result);
      if (match === null) throw new Error(`save_incident returned ${JSON.stringify(result)}`);
      // The stored version is the expected one, but its timeline is not the one these entries continue.
      throw new TimelineIntegrityError(id, `the stored timeline has ${match[1]} entries ending in ${JSON.stringify(match[2] ?? '')}; the save continues ${base.length} ending in ${JSON.stringify(base.hash)}`);
    },

    async update(id, known, change) {
      assertIncidentId(id);
      await ready();
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        try {
          const locked = await client.query<{ version: number; timeline_length: number; last_hash: string }>(lockSql, [id]);
          const row = locked.rows[0];
          if (row === undefined) {
            await client.query('COMMIT');
            return undefined;
          }
          const fresh = known !== undefined && known.id === id && known.version === row.version && known.head.hash === row.last_hash && known.head.seq === row.timeline_length - 1;
          let current: StoredSnapshot['snapshot'];
          let headEntry: TimelineEntry | undefined;
          if (fresh) current = known;
          else {
            const read = await client.query<SnapshotRow>(selectSnapshot, [id]);
            const stored = read.rows[0];
            if (stored === undefined) throw new Error(`incident ${id} vanished under its row lock`);
            ({ snapshot: current, headEntry } = toStoredSnapshot(stored));
          }
          const next = await change(current, headEntry);
          if (next === undefined) {
            await client.query('COMMIT');
            return current;
          }
          if (next.snapshot.id !== id) throw new Error(`update of incident ${id} returned incident ${next.snapshot.id}`);
          assertSavable(next.snapshot, current.version);
          const parameters = saveParameters(next.snapshot, next.entries, { length: row.timeline_length, hash: row.last_hash }, current.version);
          const saved = await client.query<{ result: string }>(saveSql, parameters);
          const result = saved.rows[0]?.result ?? '';
          // The row is locked by this transaction: neither its version nor its timeline can have moved.
          if (result !== 'ok') throw new Error(`save_incident returned ${JSON.stringify(result)} under the row lock`);
          await client.query('COMMIT');
          return next.snapshot;
        } catch (error) {
          await client.query('ROLLBACK').catch((rollbackError: unknown) => {
            broken = rollbackError as Error; // the connection is unusable: the pool drops it
          });
          throw error;
        }
      } finally {
        client.release(broken);
      }
    },

    async list() {
      await ready();
      const r = await pool.query<IncidentRow>(`${selectIncidents} ORDER BY i.id`);
      return r.rows.map(toIncident);
    },

    async listPage(query) {
      const atMs = checkListQuery(query);
      await ready();
      const r = await pool.query<ListedRow>(listSql(query, atMs));
      const rows = r.rows.slice(0, query.limit);
      const incidents: ListedIncident[] = [];
      const corrupt: CorruptIncident[] = [];
      for (const row of rows) {
        try {
          incidents.push(toListed(row));
        } catch (error) {
          if (!(error instanceof CorruptIncidentError)) throw error;
          corrupt.push({ incidentId: row.id, error });
        }
      }
      const last = rows[rows.length - 1];
      const more = r.rows.length > query.limit && last !== undefined;
      return { incidents, ...(corrupt.length === 0 ? {} : { corrupt }), ...(more ? { next: { openedMs: Number(last.opened_ms), id: last.id } } : {}) };
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

    watch(watcher) {
      return feed.watch(watcher);
    },

    async ping() {
      await ready();
      const r = await pool.query<{ version: number }>(`SELECT version FROM ${s}.schema_version`).catch((error: unknown) => {
        throw new Error(`postgres store (schema ${schemaName}): ${(error as Error).message}; run \`planwright migrate\``, { cause: error });
      });
      const version = r.rows[0]?.version ?? 0;
      if (version !== LATEST_SCHEMA_VERSION) {
        throw new Error(`postgres store (schema ${schemaName}) is at layout version ${version}, this planwright needs ${LATEST_SCHEMA_VERSION}; run \`planwright migrate\``);
      }
    },

    async withPendingEffects() {
      await ready();
      const r = await pool.query<{ incident_id: string }>(`SELECT DISTINCT incident_id FROM ${s}.outbox ORDER BY incident_id`);
      return r.rows.map((row) => row.incident_id);
    },

    async close() {
      if (closed) return;
      closed = true;
      feed.close();
      if (ownsPool) await pool.end();
    },
  };
}
