/**
 * Runtime v2 (issue #16): the state bound to the hash chain. Every save's last entry carries the
 * digest of the state it produced; the engine checks it when it reads a stored incident;
 * `verifyIncident` replays the timeline and names the first disagreement.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/compile/hash.js';
import { canonicalJson } from '../../src/compile/canonical-json.js';
import {
  createEngine,
  createManualClock,
  fileStore,
  memoryStore,
  stateDigest,
  verifyIncident,
  verifyTimeline,
  type EngineInspection,
  type Incident,
  type IncidentStore,
  type TimelineEntry,
} from '../../src/runtime/index.js';
import { clerk, integrityPlan, lead, T0 } from './integrity-plan.js';
import { editSnapshot } from './stored-files.js';
import { put } from '../stores/fixtures.js';

const plan = integrityPlan();

function newEngine(store: IncidentStore, ids: string[], inspections: EngineInspection[] = [], clock = createManualClock(T0)) {
  let next = 0;
  return createEngine(plan, { clock, store, newId: () => ids[next++] as string, effects: { notify: async () => {} }, inspect: (event) => inspections.push(event) });
}

/** Re-chains `timeline` from position 0 (every hash recomputed), as someone rewriting the whole chain would. */
function rechain(timeline: TimelineEntry[]): TimelineEntry[] {
  let prevHash = '';
  return timeline.map((entry, seq) => {
    const { hash: _hash, ...rest } = { ...entry, seq, prevHash };
    const hash = sha256Hex(canonicalJson(rest));
    prevHash = hash;
    return { ...rest, hash } as TimelineEntry;
  });
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'planwright-binding-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('state bound to the chain', () => {
  it('seals every save: open, accepted and refused events, a breach fired by runDue, the delivery of its notification', async () => {
    const clock = createManualClock(T0);
    const engine = newEngine(memoryStore(), ['SB-01'], [], clock);
    const opened = await engine.open({ by: clerk, title: 't', category: 'any' });
    const openDigest = opened.timeline.at(-1)?.stateDigest;
    expect(openDigest).toBe(stateDigest(opened));
    expect((await engine.send('SB-01', { type: 'READING', by: clerk, data: { reading: 4 } })).ok).toBe(true);
    const refused = await engine.send('SB-01', { type: 'ASSESSED', by: clerk, data: {} });
    expect(refused.ok ? 'accepted' : refused.error.code).toBe('unauthorized');
    clock.advance('2h');
    expect(await engine.runDue()).toBe(1);
    const incident = (await engine.get('SB-01')) as Incident;
    await engine.dispose();
    const types = incident.timeline.map((entry) => entry.type);
    expect(types).toContain('deadline-breached');
    expect(types).toContain('effect-delivered');
    // One digest per save: open, READING, the refusal, the breach, the delivery = version 5.
    const sealed = incident.timeline.filter((entry) => entry.stateDigest !== undefined);
    expect(incident.version).toBe(5);
    expect(sealed).toHaveLength(5);
    expect(incident.timeline.at(-1)?.stateDigest).toBe(stateDigest(incident));
    expect(verifyTimeline(incident)).toEqual({ ok: true });
    // Replay re-derives every entry and the final state.
    expect(verifyIncident(plan, incident)).toEqual({ ok: true, replayed: incident.timeline.length });
  });

  it('verifyIncident names the field, the expected and the actual value', async () => {
    const engine = newEngine(memoryStore(), ['SB-02']);
    await engine.open({ by: clerk, title: 't', category: 'any' });
    await engine.send('SB-02', { type: 'READING', by: clerk, data: { reading: 9 } });
    const genuine = (await engine.get('SB-02')) as Incident;
    await engine.dispose();
    const last = genuine.timeline.length - 1;
    expect(verifyIncident(plan, { ...genuine, stage: 'review' })).toMatchObject({ ok: false, seq: last, field: 'stage', expected: 'assess', actual: 'review' });
    expect(verifyIncident(plan, { ...genuine, data: { reading: 500 } })).toMatchObject({ ok: false, field: 'data.reading', expected: 9, actual: 500 });
    const moved = { ...genuine, deadlines: genuine.deadlines.map((d) => ({ ...d, dueAt: '2099-01-01T00:00:00.000Z' })) };
    expect(verifyIncident(plan, moved)).toMatchObject({ ok: false, field: 'deadlines[0].dueAt', expected: '2026-03-02T09:00:00.000Z', actual: '2099-01-01T00:00:00.000Z' });
    expect(verifyIncident(plan, { ...genuine, version: 7 })).toMatchObject({ ok: false, field: 'version', expected: 2, actual: 7 });
  });

  it('replay catches an event whose data was changed and the whole chain re-hashed (which verifyTimeline cannot)', async () => {
    const engine = newEngine(memoryStore(), ['SB-03']);
    await engine.open({ by: clerk, title: 't', category: 'any' });
    await engine.send('SB-03', { type: 'READING', by: clerk, data: { reading: 9 } });
    const genuine = (await engine.get('SB-03')) as Incident;
    await engine.dispose();
    const eventSeq = genuine.timeline.findIndex((entry) => entry.type === 'event');
    const timeline = genuine.timeline.map((entry, seq) =>
      seq === eventSeq ? { ...entry, data: { ...entry.data, data: { reading: 500 } } } : entry,
    );
    const forged = { ...genuine, data: { reading: 500 }, timeline: rechain(timeline) };
    expect(verifyTimeline(forged)).toEqual({ ok: true });
    // The event's entry now replays to a state whose digest is not the one the entry carries.
    expect(verifyIncident(plan, forged)).toMatchObject({ ok: false, seq: eventSeq, field: `timeline[${eventSeq}].stateDigest` });
  });

  it('reads an unbound (v1) incident, binds it at its next save, and refuses one whose head lost its digest', async () => {
    const engine = newEngine(memoryStore(), ['SB-04']);
    await engine.open({ by: clerk, title: 't', category: 'any' });
    await engine.send('SB-04', { type: 'READING', by: clerk, data: { reading: 3 } });
    const genuine = (await engine.get('SB-04')) as Incident;
    await engine.dispose();
    // Written before binding (and before the timeline index): no digest, no index.
    const { timelineIndex: _index, ...v1State } = genuine;
    const unbound: Incident = {
      ...v1State,
      timeline: rechain(genuine.timeline.map(({ stateDigest: _digest, ...entry }) => entry as TimelineEntry)),
    };
    const store = memoryStore();
    await put(store, structuredClone(unbound), 0);
    const reader = newEngine(store, []);
    expect((await reader.get('SB-04'))?.data).toEqual({ reading: 3 });
    expect(verifyIncident(plan, unbound)).toEqual({ ok: true, replayed: 0 });
    const sent = await reader.send('SB-04', { type: 'NOTE', by: clerk, data: { note: 'bound now' } });
    expect(sent.ok).toBe(true);
    const bound = (await reader.get('SB-04')) as Incident;
    expect(bound.timeline.at(-1)?.stateDigest).toBe(stateDigest(bound));
    // Its timeline index was derived from the timeline when first read, and is bound with the rest.
    expect(bound.timelineIndex).toEqual(genuine.timelineIndex);
    await reader.dispose();

    // Downgrade: the head entry's digest removed (and its hash recomputed) while an earlier entry
    // has one. (With every digest removed and the chain re-hashed it would pass as unbound: that is
    // rewriting the whole chain, which only an outside anchor detects.)
    const last = genuine.timeline.length - 1;
    const headless = { ...genuine, timeline: rechain(genuine.timeline.map((entry, seq) => (seq === last ? (({ stateDigest: _d, ...rest }) => rest as TimelineEntry)(entry) : entry))) };
    const downgraded = memoryStore();
    await put(downgraded, structuredClone(headless), 0);
    const third = newEngine(downgraded, []);
    await expect(third.get('SB-04')).rejects.toMatchObject({ code: 'corrupt-incident', message: expect.stringMatching(/no stateDigest/) });
    const refused = await third.send('SB-04', { type: 'NOTE', by: clerk, data: { note: 'x' } });
    expect(refused.ok ? 'accepted' : refused.error.code).toBe('corrupt');
    await third.dispose();
  });

  it('runDue skips a forged incident (reported as corrupt) and still fires the others', async () => {
    const written = fileStore(dir);
    const writer = newEngine(written, ['SB-05', 'SB-06']);
    await writer.open({ by: clerk, title: 'forged', category: 'any' });
    await writer.open({ by: clerk, title: 'fine', category: 'any' });
    await writer.dispose();
    await written.close();
    await editSnapshot(dir, 'SB-05', (snapshot) => {
      for (const d of snapshot['deadlines'] as Array<Record<string, unknown>>) d['dueAt'] = '2026-03-02T08:30:00.000Z';
    });

    const store = fileStore(dir);
    const inspections: EngineInspection[] = [];
    const clock = createManualClock(T0);
    const reader = newEngine(store, [], inspections, clock);
    try {
      clock.advance('2h');
      expect(await reader.runDue()).toBe(1);
      expect(inspections).toContainEqual({ type: 'corrupt', incidentId: 'SB-05', detail: { message: expect.stringMatching(/stateDigest/) } });
      expect((await reader.get('SB-06'))?.deadlines[0]?.status).toBe('breached');
      const closed = await reader.send('SB-06', { type: 'ASSESSED', by: lead, data: {} });
      expect(closed.ok).toBe(true);
      // list leaves the corrupt one out (reported again), the other is there.
      inspections.length = 0;
      expect((await reader.list()).incidents.map((incident) => incident.id)).toEqual(['SB-06']);
      expect(inspections).toEqual([{ type: 'corrupt', incidentId: 'SB-05', detail: { message: expect.stringMatching(/stateDigest/) } }]);
    } finally {
      await reader.dispose();
      await store.close();
    }
  });
});
