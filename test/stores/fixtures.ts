import { createHash } from 'node:crypto';
import type { DeadlineInstance, Incident, PendingEffect, TimelineEntry } from '../../src/runtime/incident.js';

/** Appends `count` hash-chained `record` entries to a timeline (test hashing, not the engine's canonical form). */
export function appendEntries(timeline: TimelineEntry[], count: number, at = '2024-05-01T08:00:00.000Z'): TimelineEntry[] {
  const out = [...timeline];
  for (let i = 0; i < count; i++) {
    const seq = out.length;
    const prevHash = out[seq - 1]?.hash ?? '';
    const body = { seq, at, type: 'record' as const, data: { text: `entry ${seq}` }, result: 'recorded' as const, prevHash };
    const hash = createHash('sha256').update(JSON.stringify(body)).digest('hex');
    out.push({ ...body, hash });
  }
  return out;
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
