import { canonicalFrozen } from '../canonical-freeze.js';
import { isDeepFrozen } from '../deep-freeze.js';
import type { IncidentSnapshot, TimelineEntry } from '../incident.js';
import { wholeIncident } from '../incident-snapshot.js';
import { dueBy, parseQueryTime, pendingDeadlines } from './due-deadlines.js';
import { assertIncidentId } from './incident-id.js';
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
 * incident built from it (its timeline a copy of the store's array). Saves are atomic because a
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
export function memoryStore(): IncidentStore & { withPendingEffects(): Promise<string[]> } {
  const held = new Map<string, Held>();
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
    },

    async ping() {},

    async list() {
      return [...held.values()].sort((a, b) => (a.snapshot.id < b.snapshot.id ? -1 : a.snapshot.id > b.snapshot.id ? 1 : 0)).map(whole);
    },

    async dueBefore(time) {
      return dueBy(parseQueryTime(time), [...held.values()].flatMap((h) => pendingDeadlines(h.snapshot)));
    },

    async withPendingEffects() {
      return [...held.values()].filter((h) => h.snapshot.outbox.length > 0).map((h) => h.snapshot.id).sort();
    },
  };
}
