// Host guide samples: an IncidentStore (store contract v2) over a key-value service with atomic conditional batches.
// #region doc:store
import type { DueDeadline, Incident, IncidentStore, StoredSnapshot, TimelineEntry } from '../../../src/runtime/index.js';
import { CorruptIncidentError, INCIDENT_ID_PATTERN, InvalidIncidentIdError, VersionConflictError } from '../../../src/runtime/index.js';

/** A key-value service that writes several keys at once on a condition (etcd or FoundationDB transactions, Redis WATCH/MULTI/EXEC, DynamoDB TransactWriteItems, …). */
export interface KeyValue {
  get(key: string): Promise<string | undefined>;
  /** Keys starting with `prefix`. */
  keys(prefix: string): Promise<string[]>;
  /** Writes every `[key, value]` of `writes` at once, only if `check.key` holds `check.value` (undefined: absent); false and nothing written otherwise. */
  commit(check: { key: string; value: string | undefined }, writes: ReadonlyArray<readonly [string, string]>): Promise<boolean>;
}

type Stored = StoredSnapshot['snapshot']; // the state, and the head of the stored timeline

export function keyValueStore(kv: KeyValue): IncidentStore {
  // One key per snapshot, one per timeline entry (seq zero-padded: keys sort in timeline order).
  const snapshotKey = (id: string) => `incident:${id}`;
  const entryKey = (id: string, seq: number) => `timeline:${id}:${String(seq).padStart(12, '0')}`;
  const checkId = (id: string) => {
    if (!INCIDENT_ID_PATTERN.test(id)) throw new InvalidIncidentIdError(id);
  };
  const readSnapshot = async (id: string): Promise<{ text: string | undefined; snapshot: Stored | undefined }> => {
    checkId(id);
    const text = await kv.get(snapshotKey(id));
    return { text, snapshot: text === undefined ? undefined : (JSON.parse(text) as Stored) };
  };
  /** Entries `from` to `to` (seqs), which the snapshot read first says exist. */
  const readEntries = async (id: string, from: number, to: number): Promise<TimelineEntry[]> => {
    const seqs = Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
    const texts = await Promise.all(seqs.map((seq) => kv.get(entryKey(id, seq))));
    return texts.map((text, i) => {
      if (text === undefined) throw new CorruptIncidentError(entryKey(id, seqs[i]!), 'timeline entry missing');
      return JSON.parse(text) as TimelineEntry;
    });
  };
  const whole = async ({ head, ...state }: Stored): Promise<Incident> => ({ ...state, timeline: await readEntries(state.id, 0, head.seq) });
  const snapshots = async (): Promise<Stored[]> => {
    const texts = await Promise.all((await kv.keys('incident:')).sort().map((key) => kv.get(key)));
    return texts.flatMap((text) => (text === undefined ? [] : [JSON.parse(text) as Stored]));
  };

  return {
    async getSnapshot(id) {
      const { snapshot } = await readSnapshot(id);
      if (snapshot === undefined) return undefined;
      const [headEntry] = await readEntries(id, snapshot.head.seq, snapshot.head.seq);
      return { snapshot, headEntry: headEntry! };
    },

    async get(id) {
      const { snapshot } = await readSnapshot(id);
      return snapshot === undefined ? undefined : whole(snapshot); // fresh objects on every call
    },

    async timeline(id, page = {}) {
      const after = page.after ?? -1;
      const limit = page.limit ?? Number.MAX_SAFE_INTEGER;
      if (!Number.isSafeInteger(after) || after < -1 || !Number.isSafeInteger(limit) || limit < 1) throw new RangeError(`bad timeline page ${JSON.stringify(page)}`);
      const { snapshot } = await readSnapshot(id);
      // Only up to the head: entries past it would be a save still in flight (none here: a save is one batch).
      return snapshot === undefined ? [] : readEntries(id, after + 1, Math.min(snapshot.head.seq, after + limit));
    },

    async save(next, entries, expectedVersion) {
      checkId(next.id);
      if (!Number.isSafeInteger(expectedVersion) || expectedVersion < 0) throw new RangeError(`bad expected version ${expectedVersion}`);
      if (next.version <= expectedVersion) throw new RangeError(`version ${next.version} does not move forward`);
      const { text, snapshot: stored } = await readSnapshot(next.id);
      if ((stored?.version ?? 0) !== expectedVersion) throw new VersionConflictError(next.id, expectedVersion, stored?.version ?? null);
      // Append only: the entries continue the stored chain, and the snapshot's head is the last of them.
      let head = stored?.head ?? { seq: -1, hash: '', at: '' };
      for (const entry of entries) {
        if (entry.seq !== head.seq + 1 || entry.prevHash !== head.hash) throw new TypeError(`entry ${entry.seq} does not continue the stored timeline (at seq ${head.seq})`);
        head = { seq: entry.seq, hash: entry.hash, at: entry.at };
      }
      if (next.head.seq !== head.seq || next.head.hash !== head.hash) throw new TypeError(`head ${JSON.stringify(next.head)} is not the last timeline entry (seq ${head.seq})`);
      // One conditional batch: the new entries and the snapshot, only if nobody saved since the read.
      const writes = entries.map((entry) => [entryKey(next.id, entry.seq), JSON.stringify(entry)] as const);
      if (!(await kv.commit({ key: snapshotKey(next.id), value: text }, [...writes, [snapshotKey(next.id), JSON.stringify({ ...next, head })]]))) {
        const now = (await readSnapshot(next.id)).snapshot;
        throw new VersionConflictError(next.id, expectedVersion, now?.version ?? null);
      }
    },

    async list() {
      return Promise.all((await snapshots()).map(whole));
    },

    async dueBefore(time) {
      const limit = Date.parse(time);
      if (Number.isNaN(limit)) throw new TypeError(`not an ISO 8601 time: ${time}`);
      const due: DueDeadline[] = [];
      for (const snapshot of await snapshots()) {
        for (const d of snapshot.deadlines) {
          if (d.status === 'pending' && Date.parse(d.dueAt) <= limit) {
            due.push({ incidentId: snapshot.id, deadlineId: d.id, instance: d.instance, dueAt: d.dueAt });
          }
        }
      }
      // By due time (as instants), then incident id.
      return due.sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || (a.incidentId < b.incidentId ? -1 : a.incidentId > b.incidentId ? 1 : 0));
    },

    async withPendingEffects() {
      return (await snapshots()).filter((snapshot) => snapshot.outbox.length > 0).map((snapshot) => snapshot.id);
    },
  };
}
// #endregion

/** An in-memory KeyValue for the tests (a real one is a network service): a Map, each commit checked and written in one step. */
export function memoryKeyValue(): KeyValue {
  const map = new Map<string, string>();
  return {
    async get(k) {
      return map.get(k);
    },
    async keys(prefix) {
      return [...map.keys()].filter((k) => k.startsWith(prefix));
    },
    async commit(check, writes) {
      if (map.get(check.key) !== check.value) return false;
      for (const [k, value] of writes) map.set(k, value);
      return true;
    },
  };
}
