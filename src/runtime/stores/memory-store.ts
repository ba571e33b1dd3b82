import { canonicalFrozen } from '../canonical-freeze.js';
import { isDeepFrozen } from '../deep-freeze.js';
import type { Incident } from '../incident.js';
import { dueBy, parseQueryTime, pendingDeadlines } from './due-deadlines.js';
import { assertIncidentId } from './incident-id.js';
import { listFieldsOf } from './list-fields.js';
import { ListIndex } from './list-index.js';
import { checkListQuery } from './list-limits.js';
import { listedOf } from './listed-document.js';
import { assertSavable } from './save-preconditions.js';
import { VersionConflictError, type IncidentStore } from './store.js';

/**
 * An in-memory {@link IncidentStore}: a `Map` from incident id to a deep-frozen document.
 * A deep-frozen incident (as the engine saves; the engine's own are known to be, without a walk) is
 * kept by reference; any other is copied with
 * `structuredClone` and the copy deep-frozen with its keys in canonical (sorted) order, as the
 * engine writes them, so a caller changing its object after `save` does
 * not change the store. `get` and `list` return the stored frozen documents themselves: nobody
 * can change them, so sharing is safe and costs nothing. `listPage` walks a list index
 * (`ListIndex`, kept up to date by each save) and returns frozen list items made from the stored
 * documents (no timeline copied). Saves are atomic because a save never awaits between its
 * version check and its write. Nothing survives the process; use it for tests, drills and
 * simulations.
 *
 * @example
 * ```ts
 * const store = memoryStore();
 * await store.save(incident, 0);           // new incident (incident.version === 1)
 * const doc = await store.get(incident.id); // deep-frozen
 * ```
 */
export function memoryStore(): IncidentStore & Required<Pick<IncidentStore, 'withPendingEffects' | 'listPage'>> {
  const docs = new Map<string, Incident>();
  const listIndex = new ListIndex();

  return {
    async get(id) {
      assertIncidentId(id);
      return docs.get(id);
    },

    async save(incident, expectedVersion) {
      assertSavable(incident, expectedVersion);
      const previous = docs.get(incident.id);
      const actual = previous?.version ?? null;
      if ((actual ?? 0) !== expectedVersion) {
        throw new VersionConflictError(incident.id, expectedVersion, actual);
      }
      docs.set(incident.id, isDeepFrozen(incident) ? incident : canonicalFrozen(structuredClone(incident)));
      listIndex.set(incident.id, listFieldsOf(incident));
    },

    async ping() {},

    async list() {
      return [...docs.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    },

    async listPage(query) {
      const atMs = checkListQuery(query);
      const { ids, next } = listIndex.page(query, atMs);
      const incidents = ids.map((id) => listedOf(docs.get(id) as Incident));
      return next === undefined ? { incidents } : { incidents, next };
    },

    async dueBefore(time) {
      return dueBy(parseQueryTime(time), [...docs.values()].flatMap(pendingDeadlines));
    },

    async withPendingEffects() {
      return [...docs.values()].filter((d) => d.outbox.length > 0).map((d) => d.id).sort();
    },
  };
}

