import { createHash } from 'node:crypto';
import { canonicalJson } from '../../src/compile/canonical-json.js';
import type { DeadlineInstance, Incident, IncidentSnapshot, PendingEffect, TimelineEntry } from '../../src/runtime/incident.js';
import { headOf, stateOf } from '../../src/runtime/incident-snapshot.js';
import type { IncidentStore } from '../../src/runtime/stores/store.js';

/** Appends `count` hash-chained `record` entries to a timeline (sha256 of the canonical JSON of the entry without `hash`). */
export function appendEntries(timeline: TimelineEntry[], count: number, at = '2024-05-01T08:00:00.000Z'): TimelineEntry[] {
  const out = [...timeline];
  for (let i = 0; i < count; i++) {
    const seq = out.length;
    const prevHash = out[seq - 1]?.hash ?? '';
    const body = { seq, at, type: 'record' as const, data: { text: `entry ${seq}` }, result: 'recorded' as const, prevHash };
    const hash = createHash('sha256').update(canonicalJson(body)).digest('hex');
    out.push({ ...body, hash });
  }
  return out;
}

/** Appends one hash-chained entry (sha256 of the canonical JSON of the entry without `hash`, as the engine does). */
export function appendEntry(
  timeline: TimelineEntry[],
  fields: Pick<TimelineEntry, 'at' | 'type' | 'result'> & { data?: Record<string, unknown> },
): TimelineEntry[] {
  const seq = timeline.length;
  const body = { seq, at: fields.at, type: fields.type, ...(fields.data === undefined ? {} : { data: fields.data }), result: fields.result, prevHash: timeline[seq - 1]?.hash ?? '' };
  return [...timeline, { ...body, hash: createHash('sha256').update(canonicalJson(body)).digest('hex') }];
}

/** Checks a timeline written with {@link appendEntry}/{@link appendEntries}: seq, prevHash and hash of every entry. */
export function verifyTestChain(timeline: readonly TimelineEntry[]): boolean {
  return timeline.every((entry, i) => {
    const { hash, ...rest } = entry;
    const body = { seq: rest.seq, at: rest.at, type: rest.type, ...(rest.data === undefined ? {} : { data: rest.data }), result: rest.result, prevHash: rest.prevHash };
    return entry.seq === i && entry.prevHash === (timeline[i - 1]?.hash ?? '') && createHash('sha256').update(canonicalJson(body)).digest('hex') === hash;
  });
}

/** A pending deadline instance due at `dueAt`. */
export function deadline(id: string, dueAt: string, overrides: Partial<DeadlineInstance> = {}): DeadlineInstance {
  return { id, instance: 1, stage: 'response', armedAt: '2024-05-01T08:00:00.000Z', dueAt, status: 'pending', remindersSent: [], ...overrides };
}

/** A pending effect. */
export function effect(incidentId: string, seq: number, name = 'notify'): PendingEffect {
  return { id: `${incidentId}:${seq}:0`, name, at: '2024-05-01T08:00:00.000Z', payload: { roles: ['duty-officer'], text: 'hello' } };
}

/** A valid incident at version 1 with one `opened` entry; override any field. */
export function makeIncident(id: string, overrides: Partial<Incident> = {}): Incident {
  return {
    id,
    planId: 'public-opinion',
    planVersion: '1.0.0',
    planHash: 'sha256:abc',
    title: `Incident ${id}`,
    category: 'online-rumour',
    stage: 'detection',
    state: 'detection',
    tracks: [],
    severity: null,
    data: { source: 'weibo', reach: 1200 },
    deadlines: [],
    outbox: [],
    timeline: appendEntries([], 1),
    version: 1,
    openedAt: '2024-05-01T08:00:00.000Z',
    closedAt: null,
    closed: false,
    ...overrides,
  };
}

/** The next version of `incident`: version + 1, with `changes` applied and `entries` new timeline entries. */
export function nextVersion(incident: Incident, changes: Partial<Incident> = {}, entries = 1): Incident {
  return { ...structuredClone(incident), ...changes, version: incident.version + 1, timeline: appendEntries(incident.timeline, entries) };
}

/**
 * The next save after `snapshot` (store contract v2): the snapshot at version + 1 with `changes`
 * applied, and `count` new hash-chained `record` entries after its head (the head moved to the last).
 */
export function nextSave(
  snapshot: IncidentSnapshot | (Omit<IncidentSnapshot, 'timelineIndex'> & { timelineIndex?: IncidentSnapshot['timelineIndex'] }),
  changes: Partial<Incident> = {},
  count = 1,
): { snapshot: IncidentSnapshot; entries: TimelineEntry[] } {
  const base: TimelineEntry[] = [];
  let prev: Pick<TimelineEntry, 'seq' | 'hash'> = { seq: snapshot.head.seq, hash: snapshot.head.hash };
  for (let i = 0; i < count; i++) {
    const seq = prev.seq + 1;
    const body = { seq, at: '2024-05-01T08:00:00.000Z', type: 'record' as const, data: { text: `entry ${seq}` }, result: 'recorded' as const, prevHash: prev.hash };
    const entry = { ...body, hash: createHash('sha256').update(canonicalJson(body)).digest('hex') };
    base.push(entry);
    prev = entry;
  }
  const last = base[base.length - 1];
  const head = last === undefined ? snapshot.head : { at: last.at, hash: last.hash, seq: last.seq };
  const { timeline: _timeline, ...rest } = changes;
  return { snapshot: { ...structuredClone(snapshot), ...rest, version: snapshot.version + 1, head } as IncidentSnapshot, entries: base };
}

/** The snapshot of a whole incident (a fixture): its state as it is (no timeline index added) and the head of its timeline. */
export function fixtureSnapshot(incident: Incident): IncidentSnapshot {
  return { ...stateOf(incident), head: headOf(incident.timeline) } as IncidentSnapshot;
}

/**
 * Saves a whole incident (a fixture) through the store contract: its snapshot, and the entries of
 * its timeline after the stored head (all of them for a new incident).
 */
export async function put(store: IncidentStore, incident: Incident, expectedVersion: number): Promise<void> {
  const stored = expectedVersion === 0 ? undefined : await store.getSnapshot(incident.id).catch(() => undefined);
  const after = stored?.snapshot.head.seq ?? -1;
  await store.save(fixtureSnapshot(incident), incident.timeline.slice(after + 1), expectedVersion);
}
