import type { TimelineEntry, TimelineIndex } from './incident.js';

/**
 * The index of an empty timeline.
 * @internal
 */
export const EMPTY_TIMELINE_INDEX: TimelineIndex = Object.freeze({ deadlineArmed: Object.freeze({}), stageEntered: Object.freeze({}) }) as TimelineIndex;

/**
 * `index` after `entry` (appended to the timeline it indexes): a new canonical index when the entry
 * is of a kind it keeps (`stage-entered`, `deadline-armed`, `regraded`), otherwise `index` itself.
 * @internal
 *
 * @example
 * const next = indexEntry(index, { seq: 4, at: '2024-05-01T08:05:00.000Z', type: 'stage-entered', data: { stage: 'assess' }, … });
 * next.stageEntered['assess']; // { at: '2024-05-01T08:05:00.000Z', seq: 4 }
 */
export function indexEntry(index: TimelineIndex, entry: Pick<TimelineEntry, 'seq' | 'at' | 'type' | 'data'>): TimelineIndex {
  const data = entry.data ?? {};
  // Built in canonical key order (the index is part of the state digest), from an index in that
  // order: the engine's own, or one read through `canonicalFrozen`.
  if (entry.type === 'stage-entered' && typeof data['stage'] === 'string') {
    return withIndex(index, { stageEntered: withKey(index.stageEntered, data['stage'], { at: entry.at, seq: entry.seq }) });
  }
  if (entry.type === 'deadline-armed' && typeof data['deadline'] === 'string') {
    return withIndex(index, { deadlineArmed: withKey(index.deadlineArmed, data['deadline'], entry.seq) });
  }
  const { from: previous } = data;
  if (entry.type === 'regraded' && typeof previous === 'string') return withIndex(index, { regradedFrom: previous });
  return index;
}

/** `index` with `change` applied, its keys in canonical order. */
function withIndex(index: TimelineIndex, change: Partial<TimelineIndex>): TimelineIndex {
  const regradedFrom = 'regradedFrom' in change ? change.regradedFrom : index.regradedFrom;
  const deadlineArmed = change.deadlineArmed ?? index.deadlineArmed;
  const stageEntered = change.stageEntered ?? index.stageEntered;
  return regradedFrom === undefined ? { deadlineArmed, stageEntered } : { deadlineArmed, regradedFrom, stageEntered };
}

/**
 * A copy of `record` (keys in sorted order) with `key` set to `value`, inserted at its sorted
 * place: the copy's keys stay sorted without sorting them again.
 */
function withKey<V>(record: Readonly<Record<string, V>>, key: string, value: V): Record<string, V> {
  const out: Record<string, V> = {};
  // A key "__proto__" is defined, not assigned, so that it stays a plain key.
  const set = (name: string, item: V) => {
    if (name === '__proto__') Object.defineProperty(out, name, { value: item, enumerable: true, writable: true, configurable: true });
    else out[name] = item;
  };
  let placed = false;
  for (const existing of Object.keys(record)) {
    if (!placed && existing >= key) {
      set(key, value);
      placed = true;
      if (existing === key) continue;
    }
    set(existing, record[existing] as V);
  }
  if (!placed) set(key, value);
  return out;
}

/**
 * The index of a whole timeline (what the engine keeps as it appends, {@link indexEntry} entry by
 * entry): used once for an incident stored before the index existed, and by `verifyIncident`.
 * @internal
 *
 * @example
 * const index = indexTimeline(incident.timeline);
 */
export function indexTimeline(timeline: readonly TimelineEntry[]): TimelineIndex {
  let index = EMPTY_TIMELINE_INDEX;
  for (const entry of timeline) index = indexEntry(index, entry);
  return index;
}
