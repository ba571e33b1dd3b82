import type { Incident } from '../runtime/incident.js';
import { compareDue, pendingDeadlines } from '../runtime/stores/due-deadlines.js';
import { VersionConflictError, type DueDeadline, type IncidentStore } from '../runtime/stores/store.js';

/**
 * The in-memory store simulations use: it keeps the frozen incidents the engine saves by
 * reference instead of copying them (the engine recognises its own objects and skips re-reading
 * them), with optimistic concurrency on `version`. Only for incidents that nothing else mutates —
 * the engine's are frozen. Use `memoryStore()` when callers may hand in their own objects.
 *
 * @example
 * ```ts
 * const engine = createEngine(plan, { clock, store: simulationStore() });
 * ```
 */
export function simulationStore(): IncidentStore {
  const docs = new Map<string, Incident>();
  return {
    async get(id) {
      return docs.get(id);
    },
    async save(incident, expectedVersion) {
      const actual = docs.get(incident.id)?.version ?? null;
      if ((actual ?? 0) !== expectedVersion) throw new VersionConflictError(incident.id, expectedVersion, actual);
      docs.set(incident.id, Object.isFrozen(incident) ? incident : structuredClone(incident));
    },
    async list() {
      return [...docs.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    },
    async dueBefore(time) {
      const limit = Date.parse(time);
      const out: DueDeadline[] = [];
      for (const doc of docs.values()) for (const d of pendingDeadlines(doc)) if (Date.parse(d.dueAt) <= limit) out.push(d);
      return out.sort(compareDue);
    },
  };
}
