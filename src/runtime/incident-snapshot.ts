import type { Incident, IncidentSnapshot, IncidentState, TimelineEntry, TimelineHead } from './incident.js';
import { indexTimeline } from './timeline-index.js';

/**
 * The head of a timeline (its last entry's seq, hash and time); `{ seq: -1, hash: '', at }` for
 * an empty one (`at`: the time the first entry may not precede).
 * @internal
 *
 * @example
 * headOf(incident.timeline); // { at: '2024-05-01T08:05:00.000Z', hash: '9f…', seq: 7 }
 */
export function headOf(timeline: readonly TimelineEntry[], emptyAt = ''): TimelineHead {
  const last = timeline[timeline.length - 1];
  return last === undefined ? { at: emptyAt, hash: '', seq: -1 } : { at: last.at, hash: last.hash, seq: last.seq };
}

/**
 * The snapshot of a whole incident: its state with the head of its timeline, and its timeline
 * index (the document's own, or derived from its timeline for a document written before it existed).
 * @internal
 *
 * @example
 * const snapshot = snapshotFromIncident(await store.get(id));
 */
export function snapshotFromIncident(incident: Incident): IncidentSnapshot {
  const { timeline, ...state } = incident;
  return { ...state, head: headOf(timeline), timelineIndex: state.timelineIndex ?? indexTimeline(timeline) };
}

/**
 * The state of a snapshot or incident: every field bound by its `stateDigest` (no head, no timeline).
 * @internal
 *
 * @example
 * JSON.stringify(stateOf(snapshot)); // what a store keeps beside the timeline
 */
export function stateOf(incident: IncidentState & { head?: unknown; timeline?: unknown }): IncidentState {
  const { head: _head, timeline: _timeline, ...state } = incident;
  return state;
}

/**
 * A whole incident from its snapshot (or state) and its timeline, its keys in canonical (sorted)
 * order as the engine writes every document.
 * @internal
 *
 * @example
 * const incident = wholeIncident(snapshot, entries);
 */
export function wholeIncident(snapshot: IncidentState & { head?: unknown }, timeline: TimelineEntry[]): Incident {
  const state = stateOf(snapshot) as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of [...Object.keys(state), 'timeline'].sort()) out[key] = key === 'timeline' ? timeline : state[key];
  return out as unknown as Incident;
}
