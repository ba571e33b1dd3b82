import type { Incident } from '../incident.js';
import { compareDue, parseQueryTime, pendingDeadlines } from './due-deadlines.js';
import { assertIncidentId } from './incident-id.js';
import { assertSavable } from './save-preconditions.js';
import { VersionConflictError, type DueDeadline, type IncidentStore } from './store.js';

/**
 * An in-memory {@link IncidentStore}: a `Map` from incident id to a private copy.
 * `save` and `get` copy with `structuredClone`, so neither the caller nor the store can change
 * the other's objects. Saves are atomic because a save never awaits between its version check
 * and its write. Nothing survives the process; use it for tests, drills and simulations.
 *
 * @example
 * ```ts
 * const store = memoryStore();
 * await store.save(incident, 0);           // new incident (incident.version === 1)
 * const copy = await store.get(incident.id);
 * ```
 */
export function memoryStore(): IncidentStore & { withPendingEffects(): Promise<string[]> } {
  const docs = new Map<string, Incident>();

  return {
    async get(id) {
      assertIncidentId(id);
      const doc = docs.get(id);
      return doc === undefined ? undefined : structuredClone(doc);
    },

    async save(incident, expectedVersion) {
      assertSavable(incident, expectedVersion);
      const actual = docs.get(incident.id)?.version ?? null;
      if ((actual ?? 0) !== expectedVersion) {
        throw new VersionConflictError(incident.id, expectedVersion, actual);
      }
      docs.set(incident.id, structuredClone(incident));
    },

    async list() {
      return [...docs.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((d) => structuredClone(d));
    },

    async dueBefore(time) {
      const limit = parseQueryTime(time);
      const out: DueDeadline[] = [];
      for (const doc of docs.values()) {
        for (const d of pendingDeadlines(doc)) if (Date.parse(d.dueAt) <= limit) out.push(d);
      }
      return out.sort(compareDue);
    },

    async withPendingEffects() {
      return [...docs.values()].filter((d) => d.outbox.length > 0).map((d) => d.id).sort();
    },
  };
}
