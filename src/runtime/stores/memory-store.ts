import { canonicalFrozen } from '../canonical-freeze.js';
import { isDeepFrozen } from '../deep-freeze.js';
import type { IncidentSnapshot, TimelineEntry } from '../incident.js';
import { wholeIncident } from '../incident-snapshot.js';
import { dueBy, parseQueryTime, pendingDeadlines } from './due-deadlines.js';
import { assertIncidentId } from './incident-id.js';
import { listFieldsOf } from './list-fields.js';
import { ListIndex } from './list-index.js';
import { checkListQuery } from './list-limits.js';
import { listedOfSnapshot } from './listed-document.js';
import { assertSavable } from './save-preconditions.js';
import { assertAppends } from './snapshot-preconditions.js';
import { VersionConflictError, type IncidentStore } from './store.js';
import { pageOfTimeline } from './timeline-page.js';

/** What the store holds per incident: its latest snapshot and its timeline (only ever appended to). */
interface Held {
  snapshot: IncidentSnapshot;
  timeline: TimelineEntry[];
}

/** `value` itself when deep-frozen (the engine's own objects), else a canonical deep-frozen copy. */
const kept = <T>(value: T): T => (isDeepFrozen(value) ? value : canonicalFrozen(structuredClone(value)));

/**
 * An in-memory {@link IncidentStore}: per incident id, the latest snapshot and an append-only
 * array of timeline entries. A save appends its entries and replaces the snapshot (cost: the
 * entries it adds, whatever the history). Deep-frozen snapshots and entries (as the engine saves;
 * the engine's own are known to be, without a walk) are kept by reference; any other is copied
 * with `structuredClone` and the copy deep-frozen with its keys in canonical (sorted) order, as the
 * engine writes them, so a caller changing its object after `save` does not change the store.
 * `getSnapshot` returns the stored frozen snapshot itself; `get` and `list` a frozen whole
 * incident built from it (its timeline a copy of the store's array). `listPage` walks a list index
 * (`ListIndex`, kept up to date by each save) and returns frozen list items made from the stored
 * snapshots and last entries (no timeline copied). Saves are atomic because a
 * save never awaits between its version check and its write. Nothing survives the process; use it
 * for tests, drills and simulations.
 *
 * @example
 * ```ts
 * const store = memoryStore();
 * await store.save(snapshot, entries, 0);   // new incident (snapshot.version === 1)
 * const { snapshot: stored } = (await store.getSnapshot(snapshot.id))!;
 * ```
 */
export function memoryStore(): IncidentStore & Required<Pick<IncidentStore, 'withPendingEffects' | 'listPage'>> {
  const held = new Map<string, Held>();
  const listIndex = new ListIndex();
  const whole = ({ snapshot, timeline }: Held) => Object.freeze(wholeIncident(snapshot, Object.freeze(timeline.slice()) as TimelineEntry[]));

  return {
    async getSnapshot(id) {
      assertIncidentId(id);
      const found = held.get(id);
      if (found === undefined) return undefined;
      return { snapshot: found.snapshot, headEntry: found.timeline[found.timeline.length - 1] as TimelineEntry };
    },

    async get(id) {
      assertIncidentId(id);
      const found = held.get(id);
      return found === undefined ? undefined : whole(found);
    },

    async timeline(id, page) {
      assertIncidentId(id);
      return pageOfTimeline(held.get(id)?.timeline ?? [], page);
    },

    async save(snapshot, entries, expectedVersion) {
      assertSavable(snapshot, expectedVersion);
      const previous = held.get(snapshot.id);
      const actual = previous?.snapshot.version ?? null;
      if ((actual ?? 0) !== expectedVersion) throw new VersionConflictError(snapshot.id, expectedVersion, actual);
      assertAppends(snapshot, entries, previous?.snapshot.head ?? { seq: -1, hash: '' });
      const timeline = previous?.timeline ?? [];
      for (const entry of entries) timeline.push(kept(entry));
      held.set(snapshot.id, { snapshot: kept(snapshot), timeline });
      listIndex.set(snapshot.id, listFieldsOf(snapshot));
    },

    async ping() {},

    async list() {
      return [...held.values()].sort((a, b) => (a.snapshot.id < b.snapshot.id ? -1 : a.snapshot.id > b.snapshot.id ? 1 : 0)).map(whole);
    },

    async listPage(query) {
      const atMs = checkListQuery(query);
      const { ids, next } = listIndex.page(query, atMs);
      const incidents = ids.map((id) => {
        const { snapshot, timeline } = held.get(id) as Held;
        return listedOfSnapshot(snapshot, timeline[timeline.length - 1] as TimelineEntry);
      });
      return next === undefined ? { incidents } : { incidents, next };
    },

    async dueBefore(time) {
      return dueBy(parseQueryTime(time), [...held.values()].flatMap((h) => pendingDeadlines(h.snapshot)));
    },

    async withPendingEffects() {
      return [...held.values()].filter((h) => h.snapshot.outbox.length > 0).map((h) => h.snapshot.id).sort();
    },
  };
}
