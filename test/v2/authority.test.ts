import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/testing/simulate.js';
import { levelsPlan, planFile, planOf } from './support.js';

const stages = (authority: string, delegable = false) => `
stages:
  - id: idle
    title: Idle
    on:
      - { event: START, by: { A: [boss], B: [chief] }, authority: requested, target: live }
  - id: live
    title: Live
    on:
      - { event: CHANGE, by: { A: [boss], B: [chief] }, authority: ${authority}${delegable ? ', delegable: true' : ''} }
      - { event: DONE, by: [any-role], target: end }
  - { id: end, title: End, final: true }
`;
const people = { bo: ['boss'], ch: ['chief'], cl: ['clerk'] };
const start = '2026-07-01T08:00:00+08:00';

async function live(authority: string, level: 'A' | 'B', delegable = false) {
  const sim = simulate(planOf(levelsPlan(stages(authority, delegable))), { start, people });
  await sim.open({ by: 'cl', title: 't', category: 'any' });
  const started = await sim.send(level === 'A' ? 'bo' : 'ch', 'START', { level });
  expect(started.ok).toBe(true);
  return sim;
}

describe('per-level authority', () => {
  it('judges the requested level: the B signer may not start at A and is refused as unauthorized, with the level', async () => {
    const sim = simulate(planOf(levelsPlan(stages('current'))), { start, people });
    await sim.open({ by: 'cl', title: 't', category: 'any' });
    const refused = await sim.send('ch', 'START', { level: 'A' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('unauthorized');
      expect(refused.error.details).toMatchObject({ level: 'A', authority: 'requested', allowed: ['boss'] });
    }
    expect((await sim.send('bo', 'START', { level: 'A' })).ok).toBe(true);
    expect(sim.incident.severity).toBe('A');
  });

  it('higher: escalation B → A needs the A signer, a step-down A → B too; the B signer is refused both ways', async () => {
    const sim = await live('higher', 'B');
    const up = await sim.send('ch', 'CHANGE', { level: 'A' });
    expect(up.ok ? 'ok' : up.error.code).toBe('unauthorized');
    expect((await sim.send('bo', 'CHANGE', { level: 'A' })).ok).toBe(true);
    const down = await sim.send('ch', 'CHANGE', { level: 'B' });
    expect(down.ok ? 'ok' : down.error.code).toBe('unauthorized');
    expect((await sim.send('bo', 'CHANGE', { level: 'B' })).ok).toBe(true);
    expect(sim.incident.timeline.filter((e) => e.type === 'regraded').map((e) => [e.data?.['from'], e.data?.['to']])).toEqual([
      ['B', 'A'],
      ['A', 'B'],
    ]);
  });

  it('current: the signer of the level the incident is at, whatever is requested', async () => {
    const sim = await live('current', 'B');
    expect((await sim.send('ch', 'CHANGE', { level: 'A' })).ok).toBe(true);
    const back = await sim.send('ch', 'CHANGE', { level: 'B' });
    expect(back.ok ? 'ok' : back.error.code).toBe('unauthorized');
  });

  it('delegation: a clerk acting for the boss is accepted only where delegable, and the timeline names both', async () => {
    const plain = await live('current', 'A');
    const notDelegable = await plain.send({ id: 'cl', roles: ['clerk'], onBehalfOf: { id: 'bo', roles: ['boss'] } }, 'CHANGE', { level: 'B' });
    expect(notDelegable.ok ? 'ok' : notDelegable.error.code).toBe('unauthorized');

    const sim = await live('current', 'A', true);
    const ok = await sim.send({ id: 'cl', roles: ['clerk'], onBehalfOf: { id: 'bo', roles: ['boss'] } }, 'CHANGE', { level: 'B' });
    expect(ok.ok).toBe(true);
    const accepted = sim.incident.timeline.filter((e) => e.type === 'event').at(-1);
    expect(accepted?.by).toEqual({ id: 'cl', roles: ['clerk'], onBehalfOf: { id: 'bo', roles: ['boss'] } });
    // Now at B (authority: current), a delegate for the boss gets nothing: the boss does not sign at B.
    const wrong = await sim.send({ id: 'cl', roles: ['clerk'], onBehalfOf: { id: 'bo', roles: ['boss'] } }, 'CHANGE', { level: 'A' });
    expect(wrong.ok ? 'ok' : wrong.error.code).toBe('unauthorized');
  });

  it('the city flood plan: the city-district commander may sign IV but not II', async () => {
    const sim = simulate(planFile('plans/city-flood.plan.yaml'), {
      start,
      people: { ma: ['met-forecaster'], chen: ['city-hq-commander'], gao: ['flood-hq-commander'] },
    });
    await sim.open({ by: 'ma', title: 'warning', category: 'rainstorm' });
    const refused = await sim.send('chen', 'ACTIVATE', { responseLevel: 'II' });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('unauthorized');
    expect(sim.stage).toBe('watch');
    expect((await sim.send('chen', 'ACTIVATE', { responseLevel: 'IV' })).ok).toBe(true);
    expect(sim.stage).toBe('response');
  });
});
