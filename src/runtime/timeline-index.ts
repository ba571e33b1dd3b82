import { canonicalize } from '../compile/canonical-json.js';
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
  if (entry.type === 'stage-entered' && typeof data['stage'] === 'string') {
    return canonicalize({ ...index, stageEntered: { ...index.stageEntered, [data['stage']]: { at: entry.at, seq: entry.seq } } });
  }
  if (entry.type === 'deadline-armed' && typeof data['deadline'] === 'string') {
    return canonicalize({ ...index, deadlineArmed: { ...index.deadlineArmed, [data['deadline']]: entry.seq } });
  }
  const { from: previous } = data;
  if (entry.type === 'regraded' && typeof previous === 'string') return canonicalize({ ...index, regradedFrom: previous });
  return index;
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
