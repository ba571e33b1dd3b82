// Testing guide samples (docs/testing-guide.md): simulate() and the matchers. This file is itself a
// test; the regions marked `doc:<name>` are what the guide shows.
// #region doc:setup
import { expect, test } from 'vitest';
import { loadPlan } from '../../../src/index.js';
import { planwrightMatchers, simulate, type PlanwrightMatchers } from '../../../src/testing/index.js';

declare module 'vitest' {
  interface Assertion<T = any> extends PlanwrightMatchers<T> {}
}
expect.extend(planwrightMatchers);

const plan = loadPlan({ file: 'plans/public-opinion.plan.yaml' });
// #endregion

// #region doc:simulate
test('a rumour reported late: the IT head hears of it, then only the IT head may assess', async () => {
  const sim = simulate(plan, {
    start: '2026-03-02T09:00:00+08:00',
    people: { wang: ['info-officer'], li: ['it-head'] },
  });
  await sim.open({ by: 'wang', title: '网传某服务大厅拒绝办理业务', category: 'media' });

  await sim.advance('40m'); // the 30-minute `report` deadline passes at 09:30
  expect(sim).toHaveBreached('report');
  expect(sim).toHaveNotified(['info-officer', 'it-head']); // the reminder at 09:20, the breach at 09:30
  expect(sim.effects.map((e) => [e.at, e.payload['reason'], e.payload['roles']])).toEqual([
    ['2026-03-02T01:20:00.000Z', 'reminder', ['info-officer']],
    ['2026-03-02T01:30:00.000Z', 'breach', ['it-head']],
  ]);

  await sim.send('wang', 'REPORT', { summary: '网帖称窗口拒办', source: '微博', publicReaction: '转发两千余次' });
  expect(sim).toBeInStage('assess');

  const assessment = { severity: 'II', nature: '服务态度', scope: '全市', risk: '可能持续发酵' };
  const refused = await sim.send('wang', 'ASSESS', assessment);
  expect(refused.ok ? 'accepted' : refused.error.code).toBe('unauthorized');
  expect(sim).toBeInStage('assess'); // a refusal changes nothing

  await sim.send('li', 'ASSESS', assessment);
  expect(sim).toBeInStage('strategy');
  expect(sim.incident.severity).toBe('II');
  expect(sim.breaches).toEqual(['report']);
  await sim.dispose();
});
// #endregion
