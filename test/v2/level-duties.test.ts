import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/testing/simulate.js';
import { levelDutiesPlan } from './level-duties-support.js';
import { planOf } from './support.js';

const start = '2026-07-01T08:00:00+08:00';
const people = { bo: ['boss'], ch: ['chief'], cl: ['clerk'] };
const plan = planOf(levelDutiesPlan);

async function live(level: 'A' | 'B') {
  const sim = simulate(plan, { start, people });
  await sim.open({ by: 'cl', title: 't', category: 'any' });
  const started = await sim.send('bo', 'START', { level });
  expect(started.ok).toBe(true);
  return sim;
}
const trackEntries = (sim: Awaited<ReturnType<typeof live>>) =>
  sim.incident.timeline.filter((e) => e.type === 'track-added' || e.type === 'track-withdrawn').map((e) => `${e.type} ${e.data?.['track']} at ${e.data?.['level']}`);

describe('tracks present only at some levels', () => {
  it('entered at B, the A-only track is set aside: only base is pending, and the state says absent', async () => {
    const sim = await live('B');
    expect(sim.incident.tracks).toEqual(['base']);
    expect(sim.incident.state).toEqual({ live: { base: 'pending', extra: 'absent' } });
    const refused = await sim.send('cl', 'READING', { value: 1 });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('not-in-stage');
  });

  it('entered at A, both tracks are pending', async () => {
    const sim = await live('A');
    expect(sim.incident.tracks).toEqual(['base', 'extra']);
  });

  it('a rise into A adds the track without restarting base; the stage then waits for it', async () => {
    const sim = await live('B');
    expect((await sim.send('cl', 'REPORTED', { site: 's' })).ok).toBe(true);
    expect(sim.incident.tracks).toEqual([]);
    // base done and extra set aside: the stage would be done — but it is done only once every required track is
    expect(sim.incident.stage).toBe('end');
    const again = await live('B');
    expect((await again.send('cl', 'CHANGE', { level: 'A' })).ok).toBe(true);
    expect(again.incident.tracks).toEqual(['base', 'extra']);
    expect(trackEntries(again)).toEqual(['track-added extra at A']);
    expect((await again.send('cl', 'REPORTED', { site: 's' })).ok).toBe(true);
    expect(again.incident.stage).toBe('live');
    expect(again.incident.tracks).toEqual(['extra']);
    expect((await again.send('cl', 'READING', { value: 2 })).ok).toBe(true);
    expect(again.incident.stage).toBe('end');
    expect(again.incident.closed).toBe(true);
  });

  it('a fall out of A sets a pending track aside (recorded), and the stage is done when the rest is', async () => {
    const sim = await live('A');
    expect((await sim.send('cl', 'REPORTED', { site: 's' })).ok).toBe(true);
    expect(sim.incident.stage).toBe('live');
    expect((await sim.send('cl', 'CHANGE', { level: 'B' })).ok).toBe(true);
    expect(trackEntries(sim)).toEqual(['track-withdrawn extra at B']);
    expect(sim.incident.stage).toBe('end');
    const types = sim.incident.timeline.map((e) => e.type);
    expect(types.slice(types.indexOf('track-withdrawn'))).toEqual(['track-withdrawn', 'stage-entered', 'closed']);
  });

  it('a done track stays done through a fall and a rise (not restarted)', async () => {
    const sim = await live('A');
    expect((await sim.send('cl', 'READING', { value: 3 })).ok).toBe(true);
    expect((await sim.send('cl', 'CHANGE', { level: 'B' })).ok).toBe(true);
    expect((await sim.send('cl', 'CHANGE', { level: 'A' })).ok).toBe(true);
    expect(sim.incident.state).toEqual({ live: { base: 'pending', extra: 'done' } });
    expect(sim.incident.tracks).toEqual(['base']);
    expect(trackEntries(sim)).toEqual([]);
  });

  it('set aside at B, added again at A', async () => {
    const sim = await live('A');
    expect((await sim.send('cl', 'CHANGE', { level: 'B' })).ok).toBe(true);
    expect((await sim.send('cl', 'CHANGE', { level: 'A' })).ok).toBe(true);
    expect(trackEntries(sim)).toEqual(['track-withdrawn extra at B', 'track-added extra at A']);
    expect(sim.incident.tracks).toEqual(['base', 'extra']);
  });
});

describe('per-level owner and conditional actions', () => {
  it('the enter notification goes to the leader of the team owning the stage at the level entered', async () => {
    const atB = await live('B');
    const atA = await live('A');
    const notices = (sim: Awaited<ReturnType<typeof live>>) => sim.effects.filter((e) => e.name === 'notify').map((e) => [e.payload['owner'], e.payload['roles']]);
    expect(notices(atB)).toEqual([['desk', ['clerk']]]);
    expect(notices(atA)).toEqual([['hq', ['boss']]]);
  });

  it('a conditional enter action runs only when its condition holds at entry', async () => {
    const records = (sim: Awaited<ReturnType<typeof live>>) => sim.incident.timeline.filter((e) => e.type === 'record').length;
    expect(records(await live('B'))).toBe(0);
    expect(records(await live('A'))).toBe(1);
  });
});

describe('actions on conditional branches', () => {
  const branching = planOf(
    levelDutiesPlan.replace(
      '      - { event: START, by: [any-role], target: live }',
      `      - event: START
        by: [any-role]
        do: [{ record: started }]
        targets:
          - { when: { field: severity, eq: A }, target: live, do: [{ record: severe start }, { notify: [chief] }] }
          - { target: live, do: [{ record: ordinary start }, { record: never, when: { field: severity, eq: A } }] }`,
    ),
  );
  const texts = (incident: { timeline: readonly { type: string; data?: Record<string, unknown> }[] }) =>
    incident.timeline.filter((e) => e.type === 'record').map((e) => e.data?.['text']);

  it('each branch runs its own actions after the transition\'s, and a conditional one only when it holds', async () => {
    const severe = simulate(branching, { start, people });
    await severe.open({ by: 'cl', title: 't', category: 'any' });
    expect((await severe.send('bo', 'START', { level: 'A' })).ok).toBe(true);
    expect(texts(severe.incident)).toEqual(['started', 'severe start', 'severe']);
    expect(severe.effects.filter((e) => e.name === 'notify').map((e) => e.payload['roles'])).toEqual([['chief'], ['boss']]);

    const ordinary = simulate(branching, { start, people });
    await ordinary.open({ by: 'cl', title: 't', category: 'any' });
    expect((await ordinary.send('bo', 'START', { level: 'B' })).ok).toBe(true);
    expect(texts(ordinary.incident)).toEqual(['started', 'ordinary start']);
  });
});
