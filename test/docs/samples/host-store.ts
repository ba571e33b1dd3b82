// Host guide samples: an IncidentStore over a key-value service with conditional writes.
// #region doc:store
import type { DueDeadline, Incident, IncidentStoreV1 } from '../../../src/runtime/index.js';
import { VersionConflictError } from '../../../src/runtime/index.js';

/** A key-value service with compare-and-set (Redis WATCH/MULTI, DynamoDB conditions, etcd, …). */
export interface KeyValue {
  get(key: string): Promise<string | undefined>;
  /** Writes `value` only if the key currently holds `expected` (undefined: the key is absent). */
  compareAndSet(key: string, expected: string | undefined, value: string): Promise<boolean>;
  keys(prefix: string): Promise<string[]>;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/; // the id rule of planwright's own stores

function checkId(id: string): void {
  if (!ID.test(id)) throw new Error(`invalid incident id ${JSON.stringify(id)}`);
}

export function keyValueStore(kv: KeyValue): IncidentStoreV1 {
  const key = (id: string) => `incident:${id}`;
  const read = async (id: string): Promise<{ text: string | undefined; doc: Incident | undefined }> => {
    const text = await kv.get(key(id));
    return { text, doc: text === undefined ? undefined : (JSON.parse(text) as Incident) };
  };
  const all = async (): Promise<Incident[]> => {
    const docs: Incident[] = [];
    for (const k of (await kv.keys('incident:')).sort()) {
      const text = await kv.get(k);
      if (text !== undefined) docs.push(JSON.parse(text) as Incident);
    }
    return docs;
  };

  return {
    async get(id) {
      checkId(id);
      return (await read(id)).doc; // a fresh object on every call
    },

    async save(incident, expectedVersion) {
      checkId(incident.id);
      if (!Number.isSafeInteger(expectedVersion) || expectedVersion < 0) throw new RangeError(`bad expected version ${expectedVersion}`);
      if (incident.version <= expectedVersion) throw new RangeError(`version ${incident.version} does not move forward`);
      const { text, doc } = await read(incident.id);
      const actual = doc?.version ?? 0;
      if (actual !== expectedVersion) throw new VersionConflictError(incident.id, expectedVersion, doc?.version ?? null);
      // Atomic and conditional: fails if anyone wrote in between.
      if (!(await kv.compareAndSet(key(incident.id), text, JSON.stringify(incident)))) {
        const now = (await read(incident.id)).doc;
        throw new VersionConflictError(incident.id, expectedVersion, now?.version ?? null);
      }
    },

    list: all,

    async dueBefore(time) {
      const limit = Date.parse(time);
      if (Number.isNaN(limit)) throw new TypeError(`not an ISO 8601 time: ${time}`);
      const due: DueDeadline[] = [];
      for (const doc of await all()) {
        for (const d of doc.deadlines) {
          if (d.status === 'pending' && Date.parse(d.dueAt) <= limit) {
            due.push({ incidentId: doc.id, deadlineId: d.id, instance: d.instance, dueAt: d.dueAt });
          }
        }
      }
      // By due time (as instants), then incident id.
      return due.sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || (a.incidentId < b.incidentId ? -1 : a.incidentId > b.incidentId ? 1 : 0));
    },

    async withPendingEffects() {
      return (await all()).filter((doc) => doc.outbox.length > 0).map((doc) => doc.id);
    },
  };
}
// #endregion

/** An in-memory KeyValue for the tests (a real one is a network service). */
export function memoryKeyValue(): KeyValue {
  const map = new Map<string, string>();
  return {
    async get(k) {
      return map.get(k);
    },
    async compareAndSet(k, expected, value) {
      if (map.get(k) !== expected) return false;
      map.set(k, value);
      return true;
    },
    async keys(prefix) {
      return [...map.keys()].filter((k) => k.startsWith(prefix));
    },
  };
}
