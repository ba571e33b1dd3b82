import { describe, expect, it } from 'vitest';
import { createEngine, createManualClock, verifyTimeline, type Incident } from '../../src/runtime/index.js';
import { must, openSeed, seedPlan } from './seed-fixtures.js';

async function sample(): Promise<Incident> {
  const engine = createEngine(seedPlan(), { clock: createManualClock('2024-05-01T08:00:00Z'), newId: () => 'PO-1' });
  const opened = await openSeed(engine);
  await must(engine, opened.id, 'REPORT');
  return must(engine, opened.id, 'ASSESS');
}

const clone = (i: Incident): Incident => JSON.parse(JSON.stringify(i)) as Incident;

describe('verifyTimeline', () => {
  it('accepts the chain the engine wrote (seq, prevHash, hash of canonical JSON)', async () => {
    const incident = await sample();
    expect(verifyTimeline(incident)).toEqual({ ok: true });
    expect(incident.timeline[0]?.prevHash).toBe('');
    expect(incident.timeline[1]?.prevHash).toBe(incident.timeline[0]?.hash);
    expect(incident.timeline.every((e) => /^[0-9a-f]{64}$/.test(e.hash))).toBe(true);
  });

  it('detects an edited value, an edited actor, a removed entry and a re-hashed entry', async () => {
    const incident = await sample();
    const edited = clone(incident);
    (edited.timeline[5]?.data as Record<string, unknown>)['event'] = 'DISMISS';
    expect(verifyTimeline(edited)).toEqual({ ok: false, brokenAt: 5, reason: 'hash' });

    const actor = clone(incident);
    const opened = actor.timeline[0];
    if (opened?.by) opened.by.roles = ['department-head'];
    expect(verifyTimeline(actor)).toEqual({ ok: false, brokenAt: 0, reason: 'hash' });

    const removed = clone(incident);
    removed.timeline.splice(3, 1);
    expect(verifyTimeline(removed)).toMatchObject({ ok: false, brokenAt: 3 });

    const time = clone(incident);
    const entry = time.timeline[4];
    if (entry) entry.at = '2024-05-01T07:00:00.000Z';
    expect(verifyTimeline(time)).toEqual({ ok: false, brokenAt: 4, reason: 'hash' });
  });

  it('what the engine hands out is frozen', async () => {
    const incident = await sample();
    expect(Object.isFrozen(incident)).toBe(true);
    expect(Object.isFrozen(incident.timeline)).toBe(true);
    expect(Object.isFrozen(incident.deadlines[0])).toBe(true);
    expect(() => {
      (incident as { stage: string }).stage = 'closed';
    }).toThrow(TypeError);
  });
});
