import type { TimelineEntry } from '../incident.js';
import { headOf, stateOf, wholeIncident } from '../incident-snapshot.js';
import { CorruptIncidentError } from './incident-document.js';
import { VersionConflictError, type IncidentStore, type IncidentStoreV1 } from './store.js';
import { assertSavable } from './save-preconditions.js';
import { assertAppends } from './snapshot-preconditions.js';
import { pageOfTimeline } from './timeline-page.js';

/** How many incidents' timelines the adapter keeps between saves (a miss costs one `get`). */
const KEPT_TIMELINES = 1000;

/**
 * Whether `store` follows the store contract of runtime v2 ({@link IncidentStore}: it reads snapshots).
 * @internal
 */
export function isIncidentStore(store: IncidentStore | IncidentStoreV1): store is IncidentStore {
  return typeof (store as Partial<IncidentStore>).getSnapshot === 'function';
}

/**
 * Adapts a store written for the contract before runtime v2 ({@link IncidentStoreV1}: whole
 * incidents) to {@link IncidentStore}. Snapshots and timeline pages are cut from the whole
 * document `get` returns; a save joins the new entries to the incident's timeline (kept from the
 * last read or save of the same version, or read again) and hands the store the whole document.
 * Such a store's cost still grows with the history, as it always did; `update` is not offered (the
 * engine then saves optimistically and retries on version conflicts).
 * @internal
 *
 * @example
 * const store = isIncidentStore(given) ? given : adaptStoreV1(given);
 */
export function adaptStoreV1(store: IncidentStoreV1): IncidentStore {
  /** By incident id: the timeline of the version last read or saved. */
  const timelines = new Map<string, { version: number; timeline: readonly TimelineEntry[] }>();
  const keep = (id: string, version: number, timeline: readonly TimelineEntry[]): void => {
    timelines.delete(id);
    timelines.set(id, { version, timeline });
    if (timelines.size > KEPT_TIMELINES) {
      const oldest = timelines.keys().next().value;
      if (oldest !== undefined) timelines.delete(oldest);
    }
  };
  const read = async (id: string) => {
    const incident = await store.get(id);
    if (incident === undefined) timelines.delete(id);
    else keep(id, incident.version, incident.timeline);
    return incident;
  };

  const adapted: IncidentStore = {
    async getSnapshot(id) {
      const incident = await read(id);
      if (incident === undefined) return undefined;
      const headEntry = incident.timeline[incident.timeline.length - 1];
      if (headEntry === undefined) throw new CorruptIncidentError(`store incident ${id}`, 'its timeline is empty (every incident has at least its opened entry)');
      return { snapshot: { ...stateOf(incident), head: headOf(incident.timeline) }, headEntry };
    },
    get: read,
    async timeline(id, page) {
      return pageOfTimeline((await read(id))?.timeline ?? [], page);
    },
    async save(snapshot, entries, expectedVersion) {
      assertSavable(snapshot, expectedVersion);
      let before: readonly TimelineEntry[] = [];
      if (expectedVersion > 0) {
        const known = timelines.get(snapshot.id);
        if (known !== undefined && known.version === expectedVersion) before = known.timeline;
        else {
          const stored = await store.get(snapshot.id);
          if (stored?.version !== expectedVersion) throw new VersionConflictError(snapshot.id, expectedVersion, stored?.version ?? null);
          before = stored.timeline;
        }
      }
      assertAppends(snapshot, entries, headOf(before));
      const timeline = before.concat(entries);
      await store.save(wholeIncident(snapshot, timeline), expectedVersion);
      keep(snapshot.id, snapshot.version, timeline);
    },
    list: () => store.list(),
    dueBefore: (time) => store.dueBefore(time),
  };
  if (store.claimDue !== undefined) adapted.claimDue = store.claimDue.bind(store);
  if (store.corrupt !== undefined) adapted.corrupt = store.corrupt.bind(store);
  if (store.withPendingEffects !== undefined) adapted.withPendingEffects = store.withPendingEffects.bind(store);
  if (store.watch !== undefined) adapted.watch = store.watch.bind(store);
  if (store.ping !== undefined) adapted.ping = store.ping.bind(store);
  if (store.close !== undefined) adapted.close = store.close.bind(store);
  return adapted;
}
