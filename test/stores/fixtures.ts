import { createHash } from 'node:crypto';
import { canonicalJson } from '../../src/compile/canonical-json.js';
import type { DeadlineInstance, Incident, PendingEffect, TimelineEntry } from '../../src/runtime/incident.js';

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
