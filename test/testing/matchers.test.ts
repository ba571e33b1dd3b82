import { describe, expect, it } from 'vitest';
import { planwrightMatchers, toBeInStage, toHaveBreached, toHaveNotified, type PlanwrightMatchers } from '../../src/testing/matchers.js';
import { simulate } from '../../src/testing/simulate.js';
import { seedPlanDefinition } from './seed-plan.js';

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  interface Assertion<T = any> extends PlanwrightMatchers<T> {}
}

expect.extend(planwrightMatchers);
const plan = seedPlanDefinition();

async function breachedReport() {
  const sim = simulate(plan, { start: '2026-03-02T09:00:00+08:00', people: { wang: ['info-officer'] } });
  await sim.open({ by: 'wang', title: 't', category: 'media' });
  await sim.advance('31m');
  return sim;
}

describe('planwright matchers', () => {
  it('work through expect.extend, including .not', async () => {
    const sim = await breachedReport();
    expect(sim).toBeInStage('report');
    expect(sim).not.toBeInStage('assess');
    expect(sim).toHaveBreached('report');
    expect(sim).not.toHaveBreached('assess');
    expect(sim).toHaveNotified(['info-officer', 'it-head']);
    expect(sim).not.toHaveNotified('department-head');
    expect(sim.incident).toBeInStage('report');
  });

  it('return pass and an expected/got message as plain functions', async () => {
    const sim = await breachedReport();
    const stage = toBeInStage(sim, 'closed');
    expect(stage.pass).toBe(false);
    expect(stage.message()).toBe('expected the incident to be in stage closed, got report');
    const breached = toHaveBreached(sim, ['report', 'assess']);
    expect(breached.pass).toBe(false);
    expect(breached.message()).toBe('expected [report, assess] to have breached, got breaches [report] (missing assess)');
    const notified = toHaveNotified(sim, 'deputy-head');
    expect(notified.pass).toBe(false);
    expect(notified.actual).toEqual(['info-officer', 'it-head']);
  });

  it('reject subjects they cannot read', async () => {
    const sim = await breachedReport();
    expect(() => toBeInStage(42, 'report')).toThrow(TypeError);
    expect(() => toHaveNotified(sim.incident, 'it-head')).toThrow(/simulation or a drill result/);
  });
});
