import { describe, expect, it } from 'vitest';
import { loadPlan } from '../../../src/dsl/load-plan.js';
import { drillRunJson } from '../../../src/drill-results/drill-result.js';
import { runDrill } from '../../../src/testing/drill/run-drill.js';
import { loadScenario } from '../../../src/testing/scenario/load-scenario.js';

const SEED = loadPlan({ file: 'plans/public-opinion.plan.yaml' });
// A second plan (Europe/Berlin, grades red/amber) so that nothing here depends on the seed's vocabulary.
const PIPE = loadPlan({ file: 'test/fixtures/timing/pipe-burst.plan.yaml' });
const DIR = 'test/fixtures/timing';

async function failuresOf(plan: typeof SEED, file: string, locale: 'en' | 'zh-CN') {
  const result = await runDrill(plan, loadScenario(`${DIR}/${file}`, { plan }), { locale });
  expect(result.passed).toBe(false);
  return result.failures;
}

describe('drill failures explain timing: an event exactly at the due time', () => {
  it('second plan, en: names the instance, its arming, due time, the step and the rule', async () => {
    expect(await failuresOf(PIPE, 'pipe-at-due-time.drill.yaml', 'en')).toEqual([
      {
        step: 1,
        message: 'breaches: expected [], got [dispatch]',
        details: [
          'deadline dispatch #1: armed when the incident opened (09:00 (+0m)), due 09:30 (+30m); breached at 09:30 (+30m) before step 1 (at 09:30 (+30m))',
          "rule: an event at exactly the due time is late — deadlines due at or before a step's time fire before the step, so DISPATCH at step 1 came after the breach",
        ],
      },
    ]);
  });

  it('second plan, zh-CN', async () => {
    expect(await failuresOf(PIPE, 'pipe-at-due-time.drill.yaml', 'zh-CN')).toEqual([
      {
        step: 1,
        message: '超时：预期 []，实际 [dispatch]',
        details: [
          '时限 dispatch 第 1 次：事件启动时开始计时（09:00 (+0m)），应于 09:30 (+30m) 前完成；于 09:30 (+30m) 超时，发生在第 1 步（09:30 (+30m)）之前',
          '规则：恰好在到期时刻发生的事件算作超时——到期时刻不晚于某一步时间的时限，会在该步之前触发，所以第 1 步的 DISPATCH 晚于超时',
        ],
      },
    ]);
  });

  it('seed plan, en and zh-CN (times in Asia/Shanghai)', async () => {
    const [en] = await failuresOf(SEED, 'seed-report-at-due-time.drill.yaml', 'en');
    expect(en?.details).toEqual([
      'deadline report #1: armed when the incident opened (09:00 (+0m)), due 09:30 (+30m); breached at 09:30 (+30m) before step 0 (at 09:30 (+30m))',
      "rule: an event at exactly the due time is late — deadlines due at or before a step's time fire before the step, so REPORT at step 0 came after the breach",
    ]);
    const [zh] = await failuresOf(SEED, 'seed-report-at-due-time.drill.yaml', 'zh-CN');
    expect(zh?.message).toBe('超时：预期 []，实际 [report]');
    expect(zh?.details?.[1]).toBe('规则：恰好在到期时刻发生的事件算作超时——到期时刻不晚于某一步时间的时限，会在该步之前触发，所以第 0 步的 REPORT 晚于超时');
  });
});

describe('drill failures explain timing: a regrade recomputes a deadline to a time already past', () => {
  it('second plan, en', async () => {
    const failures = await failuresOf(PIPE, 'pipe-regrade-past.drill.yaml', 'en');
    expect(failures).toEqual([
      {
        step: 2,
        message: 'breaches: expected [], got [residents]',
        details: [
          'deadline residents #1: armed at 09:05 (+5m), once its severity or condition was known (counted from 09:00 (+0m)), due 10:00 (+1h); breached at 10:30 (+1h30m) during step 2 (at 10:30 (+1h30m))',
          'rule: the regrade to red at 10:30 (+1h30m) recomputed this deadline from 13:00 (+4h) to 10:00 (+1h), already past: it breached at once',
        ],
      },
    ]);
  });

  it('second plan, zh-CN', async () => {
    const [failure] = await failuresOf(PIPE, 'pipe-regrade-past.drill.yaml', 'zh-CN');
    expect(failure?.details).toEqual([
      '时限 residents 第 1 次：于 09:05 (+5m) 等级或条件明确后开始计时（从 09:00 (+0m) 起算），应于 10:00 (+1h) 前完成；于 10:30 (+1h30m) 超时，发生在第 2 步（10:30 (+1h30m)）之中',
      '规则：10:30 (+1h30m) 调整等级为 red，此时限随之从 13:00 (+4h) 重算为 10:00 (+1h)，而该时刻已过，所以立即超时',
    ]);
  });

  it('seed plan (III → I at 6h: first-statement recomputed from open+24h to open+5h), en and zh-CN', async () => {
    const [en] = await failuresOf(SEED, 'seed-regrade-past.drill.yaml', 'en');
    expect(en).toMatchObject({ step: 5, message: 'breaches: expected [], got [first-statement]' });
    expect(en?.details?.[1]).toBe(
      'rule: the regrade to I at 14:00 (+6h) recomputed this deadline from 2026-03-11 08:00 (+1d) to 13:00 (+5h), already past: it breached at once',
    );
    const [zh] = await failuresOf(SEED, 'seed-regrade-past.drill.yaml', 'zh-CN');
    expect(zh?.details?.[1]).toBe('规则：14:00 (+6h) 调整等级为 I，此时限随之从 2026-03-11 08:00 (+1d) 重算为 13:00 (+5h)，而该时刻已过，所以立即超时');
  });
});

describe('drill failures explain missing breaches and refusals', () => {
  it('en: the refusal code and its reason in words; met and pending instances', async () => {
    expect(await failuresOf(PIPE, 'pipe-missing-breach.drill.yaml', 'en')).toEqual([
      {
        step: 0,
        message: 'NOTIFY_RESIDENTS: expected accepted, got rejected (not-in-stage: event "NOTIFY_RESIDENTS" is not accepted in stage "triage")',
        details: ['why: NOTIFY_RESIDENTS cannot be sent in stage triage: no transition of that stage (or of its running tracks) accepts it'],
      },
      {
        step: 3,
        message: 'breaches: expected [dispatch, residents], got []',
        details: [
          'deadline dispatch #1: armed when the incident opened (09:00 (+0m)), due 09:30 (+30m); met by DISPATCH at 09:20 (+20m) (step 2), before its due time',
          "deadline residents #1: armed at 09:05 (+5m), once its severity or condition was known (counted from 09:00 (+0m)), due 13:00 (+4h); still pending — the drill's clock stopped at 11:00 (+2h), before the due time",
        ],
      },
    ]);
  });

  it('zh-CN: no English from the engine, the reason in Chinese', async () => {
    const [refused, breaches] = await failuresOf(PIPE, 'pipe-missing-breach.drill.yaml', 'zh-CN');
    expect(refused).toEqual({
      step: 0,
      message: 'NOTIFY_RESIDENTS：预期被接受，实际被拒绝（not-in-stage：当前阶段不接受这个事件，或它的条件不成立）',
      details: ['原因：在阶段 triage 不能发送 NOTIFY_RESIDENTS：该阶段（及其正在进行的并行分支）没有接受它的转换'],
    });
    expect(breaches?.details?.[0]).toBe('时限 dispatch 第 1 次：事件启动时开始计时（09:00 (+0m)），应于 09:30 (+30m) 前完成；已由 DISPATCH 在 09:20 (+20m)（第 2 步）按时完成');
  });

  it('seed plan: an unauthorized approval names the person, their roles and the code', async () => {
    const result = await runDrill(SEED, loadScenario('test/fixtures/drills/wrong-expectations.drill.yaml', { plan: SEED }), { locale: 'en' });
    const refused = result.failures.find((f) => f.step === 1);
    expect(refused?.message).toMatch(/^APPROVE_STRATEGY: expected accepted, got rejected \(unauthorized: /);
    expect(refused?.details).toEqual(['why: liu (roles: customer-service) holds none of the roles allowed to send APPROVE_STRATEGY here']);
  });

  it('the --json document carries the explanation as details beside the contract keys', async () => {
    const result = await runDrill(PIPE, loadScenario(`${DIR}/pipe-at-due-time.drill.yaml`, { plan: PIPE }));
    const [drill] = drillRunJson([result]).drills;
    expect(Object.keys(drill?.failures[0] ?? {})).toEqual(['step', 'message', 'details']);
    expect(drill?.failures[0]?.details).toHaveLength(2);
  });
});
