import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/testing/simulate.js';
import { seedPlanDefinition } from './seed-plan.js';

const plan = seedPlanDefinition();
const START = '2026-03-02T09:00:00+08:00';
const people = { wang: ['info-officer'], li: ['it-head'], zhang: ['department-head'], liu: ['customer-service'] };
const REPORT = { summary: '网帖', source: '微博', publicReaction: '转发' };
const ASSESS_II = { severity: 'II', nature: 'n', scope: 's', risk: 'r' };

async function opened() {
  const sim = simulate(plan, { start: START, people });
  await sim.open({ by: 'wang', title: '网传某服务大厅拒绝办理业务', category: 'media' });
  return sim;
}

describe('simulate', () => {
  it('opens the incident in the first stage at the start time', async () => {
    const sim = await opened();
    expect(sim.stage).toBe('report');
    expect(sim.incident.openedAt).toBe('2026-03-02T01:00:00.000Z');
    expect(sim.now).toBe('2026-03-02T01:00:00.000Z');
    expect(sim.incident.deadlines.map((d) => [d.id, d.dueAt])).toEqual([['report', '2026-03-02T01:30:00.000Z']]);
  });

  it('fires the reminder, then the breach, each at its own time, capturing the notify effects', async () => {
    const sim = await opened();
    await sim.advance('20m');
    expect(sim.effects.map((e) => [e.at, e.name, e.payload['reason'], e.payload['roles']])).toEqual([
      ['2026-03-02T01:20:00.000Z', 'notify', 'reminder', ['info-officer']],
    ]);
    expect(sim.breaches).toEqual([]);
    await sim.advance('25m');
    expect(sim.breaches).toEqual(['report']);
    expect(sim.notified).toEqual(['info-officer', 'it-head']);
    const breach = sim.incident.timeline.find((e) => e.type === 'deadline-breached');
    expect(breach?.at).toBe('2026-03-02T01:30:00.000Z');
    expect(sim.now).toBe('2026-03-02T01:45:00.000Z');
  });

  it('fires several deadlines due on the way in due order, each stamped at its due time', async () => {
    const sim = await opened();
    await sim.advance('5m');
    expect((await sim.send('wang', 'REPORT', REPORT)).ok).toBe(true);
    await sim.advance('5m');
    expect((await sim.send('li', 'ASSESS', ASSESS_II)).ok).toBe(true);
    expect(sim.stage).toBe('strategy');
    await sim.advanceTo('2026-03-02T16:00:00+08:00');
    const breaches = sim.incident.timeline.filter((e) => e.type === 'deadline-breached').map((e) => [e.data?.['deadline'], e.at]);
    expect(breaches).toEqual([
      ['strategy', '2026-03-02T02:10:00.000Z'],
      ['first-statement', '2026-03-02T06:00:00.000Z'],
    ]);
    expect(sim.breaches).toEqual(['strategy', 'first-statement']);
  });

  it('returns the engine rejection with its code and changes nothing', async () => {
    const sim = await opened();
    const before = sim.incident;
    const result = await sim.send('liu', 'REPORT', REPORT);
    expect(result.ok).toBe(false);
    expect(result.ok ? undefined : result.error.code).toBe('unauthorized');
    expect(sim.stage).toBe('report');
    expect(sim.incident.data).toEqual(before.data);
    expect(sim.incident.timeline.at(-1)?.type).toBe('rejected');
  });

  it('accepts an actor object instead of a person name', async () => {
    const sim = await opened();
    const result = await sim.send({ id: 'guest', roles: ['monitor'] }, 'REPORT', REPORT);
    expect(result.ok).toBe(true);
    expect(sim.stage).toBe('assess');
  });

  it('refuses unknown people, moving the clock back, and use before open', async () => {
    const sim = simulate(plan, { start: START, people });
    expect(() => sim.stage).toThrow(/open\(\) first/);
    await sim.open({ by: 'wang', title: 't', category: 'media' });
    await expect(sim.send('wu', 'REPORT', REPORT)).rejects.toThrow(/unknown person "wu"/);
    await sim.advance('1h');
    await expect(sim.advanceTo(START)).rejects.toThrow(RangeError);
    await expect(sim.advance('soon')).rejects.toThrow(RangeError);
    await expect(sim.open({ by: 'wang', title: 't', category: 'media' })).rejects.toThrow(/already open/);
  });

  it('captures the publish effect with the rendered holding statement', async () => {
    const sim = simulate(plan, {
      start: START,
      people: { ...people, chen: ['publicity-head'], zhou: ['deputy-head'] },
    });
    await sim.open({ by: 'wang', title: '标题', category: 'media' });
    await sim.send('wang', 'REPORT', REPORT);
    await sim.send('li', 'ASSESS', ASSESS_II);
    await sim.send('zhou', 'APPROVE_STRATEGY', { releasePlan: 'r', mediaPlan: 'm', publicPlan: 'p' });
    await sim.send('chen', 'PUBLISH_STATEMENT', { statement: '已核实。', channel: 'weibo' });
    const publish = sim.effects.filter((e) => e.name === 'publish');
    expect(publish).toHaveLength(1);
    expect(String(publish[0]?.payload['text'])).toContain('关于“标题”的情况通报');
    expect(sim.incident.tracks).toEqual(['media', 'public']);
  });
});
