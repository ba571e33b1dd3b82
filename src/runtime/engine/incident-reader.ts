import { canonicalFrozen } from '../canonical-freeze.js';
import { isEngineIncident, markEngineIncident } from '../deep-freeze.js';
import type { Incident, IncidentSnapshot, TimelineEntry } from '../incident.js';
import { headOf, snapshotFromIncident } from '../incident-snapshot.js';
import { checkBinding, checkIncidentBinding } from '../state-binding.js';
import { indexTimeline } from '../timeline-index.js';
import { CorruptIncidentError, parseIncidentDocument, parseIncidentState } from '../stores/incident-document.js';
import type { IncidentStore, StoredSnapshot } from '../stores/store.js';
import type { IncidentCache } from './incident-cache.js';

/** How the engine reads incidents from its store. */
export interface IncidentReader {
  /**
   * Takes a snapshot read from the store into the engine: validated, checked against its head
   * entry (`stateDigest`, state-binding.ts), its timeline index derived once from the timeline when
   * it was stored without one (written before runtime v2), canonicalized and frozen, then
   * remembered. Throws `CorruptIncidentError` for one that fails (and forgets the cached copy).
   */
  adoptSnapshot(stored: StoredSnapshot): Promise<IncidentSnapshot>;
  /** The same for a whole incident (`engine.get`, `engine.list`): checked, frozen, its snapshot remembered. */
  adoptIncident(incident: Incident): Incident;
  /** The snapshot as cached (unless `fresh`) or as stored, adopted; undefined when there is none. */
  load(id: string, fresh: boolean): Promise<IncidentSnapshot | undefined>;
}

/**
 * The engine's reader: `remember` is called with every snapshot adopted (the engine caches it and
 * schedules its deadlines).
 * @internal
 *
 * @example
 * const reader = incidentReader(store, cache, remember);
 * const snapshot = await reader.load('PO-1', true); // as stored
 */
export function incidentReader(store: IncidentStore, cache: IncidentCache, remember: (snapshot: IncidentSnapshot) => void): IncidentReader {
  const corrupt = (id: string, message: string): never => {
    cache.drop(id);
    throw new CorruptIncidentError(`store incident ${id}`, message);
  };

  const adoptSnapshot = async ({ snapshot, headEntry }: StoredSnapshot): Promise<IncidentSnapshot> => {
    // A store that keeps the frozen snapshots it was given hands back objects an engine built
    // (valid by construction).
    if (isEngineIncident(snapshot)) {
      remember(snapshot as IncidentSnapshot);
      return snapshot as IncidentSnapshot;
    }
    const cached = cache.get(snapshot.id);
    if (cached !== undefined && cached.version === snapshot.version && cached.planHash === snapshot.planHash && cached.head.hash === snapshot.head.hash) return cached;
    parseIncidentState(snapshot, `store incident ${snapshot.id}`);
    // The state must match its head entry (one hash of the state, no walk of the timeline);
    // checked once per (id, version): the cache above answers later reads of the same version.
    let earlier: number | undefined;
    let timelineIndex = snapshot.timelineIndex;
    if (timelineIndex === undefined) {
      // Stored before runtime v2 kept a timeline index: derived once here, stored by its next save.
      const timeline = await store.timeline(snapshot.id);
      for (let index = timeline.length - 2; index >= 0 && earlier === undefined; index--) if ((timeline[index] as TimelineEntry).stateDigest !== undefined) earlier = index;
      const problem = checkBinding(snapshot, headEntry, () => earlier);
      if (problem !== undefined) corrupt(snapshot.id, problem.message);
      const last = timeline[timeline.length - 1];
      if (last === undefined || last.seq !== headEntry.seq || last.hash !== headEntry.hash) {
        corrupt(snapshot.id, `its timeline (${timeline.length} entries) does not end at its head entry (seq ${headEntry.seq})`);
      }
      timelineIndex = indexTimeline(timeline);
    } else {
      const problem = checkBinding(snapshot, headEntry, () => undefined);
      if (problem !== undefined) corrupt(snapshot.id, problem.message);
    }
    const adopted = markEngineIncident(canonicalFrozen({ ...snapshot, timelineIndex }) as IncidentSnapshot);
    remember(adopted);
    return adopted;
  };

  return {
    adoptSnapshot,

    adoptIncident(document) {
      // The version this engine holds (same version and head) was checked when it was adopted or
      // saved; the store validates the timeline it reads.
      const cached = cache.get(document.id);
      const head = headOf(document.timeline);
      if (cached !== undefined && cached.version === document.version && cached.head.hash === head.hash && cached.planHash === document.planHash) return canonicalFrozen(document);
      parseIncidentDocument(document, `store incident ${document.id}`);
      const problem = checkIncidentBinding(document);
      if (problem !== undefined) corrupt(document.id, problem.message);
      const incident = canonicalFrozen(document);
      remember(markEngineIncident(canonicalFrozen(snapshotFromIncident(incident))));
      return incident;
    },

    async load(id, fresh) {
      if (!fresh) {
        const cached = cache.get(id);
        if (cached !== undefined) return cached;
      }
      const stored = await store.getSnapshot(id);
      if (stored === undefined) {
        cache.drop(id);
        return undefined;
      }
      return adoptSnapshot(stored);
    },
  };
}
