import { describe, expect, it } from 'vitest';
import { createBundle } from '../../src/bundle/create-bundle.js';
import { loadBundle } from '../../src/bundle/load-bundle.js';
import { loadPlan } from '../../src/dsl/load-plan.js';
import { afterActionReport } from '../../src/report/after-action/after-action-report.js';
import { drillReport } from '../../src/report/drill/drill-report.js';
import type { ChangeResult, CountResult, MetRateResult, TimingResult } from '../../src/report/evaluation/evaluation-data.js';
import { evaluate } from '../../src/report/evaluation/evaluate.js';
import { deadlineTeam } from '../../src/report/plan-teams.js';
import { runDrill } from '../../src/testing/drill/run-drill.js';
import { loadScenario } from '../../src/testing/scenario/load-scenario.js';

// A plan that is not the seed: an urban flood response whose respond stage (owned by the command
// group) runs two tracks owned by the drainage and evacuation teams.
const PLAN_FILE = 'test/fixtures/flood/urban-flood.plan.yaml';
const DRILL_FILE = 'test/fixtures/flood/level-ii-late-pumps.drill.yaml';
const plan = loadPlan({ file: PLAN_FILE });

/** The seed plan's vocabulary: none of it may appear in another plan's reports. */
const SEED_WORDS = [
  '舆情',
  '公众',
  '态度',
  '负面',
  '发布会',
  '首次发布',
  '热度',
  '声明',
  'statement',
  'sentiment',
  'public opinion',
  'public-opinion',
  'press',
  'negative',
  'heat',
  'first-statement',
];

function seedWordsIn(text: string): string[] {
  const lower = text.toLowerCase();
  return SEED_WORDS.filter((w) => lower.includes(w.toLowerCase()));
}

async function drill() {
  const result = await runDrill(plan, loadScenario(DRILL_FILE, { plan }));
  expect(result.passed).toBe(true);
  return result;
}

describe('a second, non-seed plan (urban flood)', () => {
  it('credits each deadline to its owner, else the track whose events meet it, else the stage', () => {
    expect(plan.deadlines.map((d) => [d.id, deadlineTeam(plan, d.id)])).toEqual([
      ['alert', 'command'],
      ['assess', 'command'],
      ['pumps-running', 'drainage'], // armed on entering respond (owned by command); the pumping track meets it
      ['people-moved', 'evacuation'],
      ['gauge-reading', 'drainage'], // owner: drainage, although the recover stage belongs to command
    ]);
  });

  it('computes the plan\'s own measures for the scripted drill', async () => {
    const result = await drill();
    for (const locale of ['zh-CN', 'en'] as const) {
      const { json } = evaluate(plan, [result.incident!], { locale });
      const measure = <T>(id: string): T => json.measures.find((m) => m.id === id) as T;
      const alert = measure<TimingResult>('time-to-alert');
      expect([alert.stats.meanMs, alert.onTime, alert.late, alert.never]).toEqual([10 * 60_000, 1, 0, 0]);
      const pumps = measure<TimingResult>('time-to-pumps');
      expect([pumps.stats.meanMs, pumps.onTime, pumps.late]).toEqual([90 * 60_000, 0, 1]);
      expect(json.perIncident[0]?.measures['time-to-pumps']).toEqual({ kind: 'deadline-time', ms: 90 * 60_000, limitMs: 60 * 60_000, onTime: false });
      expect(measure<TimingResult>('respond-duration').stats.meanMs).toBe(140 * 60_000);
      expect(json.perIncident[0]?.measures['respond-duration']).toEqual({ kind: 'time-to', ms: 140 * 60_000, limitMs: null, onTime: null });
      const teams = measure<MetRateResult>('team-on-time');
      expect(teams.rows.map((r) => [r.id, r.met, r.breached, r.cancelled, r.onTimeRate])).toEqual([
        ['command', 2, 0, 0, 1],
        ['drainage', 1, 1, 1, 0.5],
        ['evacuation', 1, 0, 0, 1],
      ]);
      const overall = measure<MetRateResult>('all-on-time').rows;
      expect(overall.map((r) => [r.met, r.breached, r.cancelled, r.onTimeRate, r.breachRate])).toEqual([[4, 1, 1, 0.8, 0.2]]);
      expect(measure<CountResult>('breaches')).toMatchObject({ incidents: 1, total: 1, mean: 1, max: 1 });
      expect(measure<CountResult>('refusals')).toMatchObject({ incidents: 1, total: 1 });
      expect(measure<ChangeResult>('depth-change')).toMatchObject({ field: 'waterDepth', meanFirst: 25, meanLast: 12, meanChange: -13, decreased: 1, increased: 0 });
    }
    const { markdown } = evaluate(plan, [result.incident!], { locale: 'zh-CN' });
    expect(markdown).toContain('## 泵车到位用时 — 排水响应速度');
    expect(markdown).toContain('| drainage 排水抢险组 | 1 | 1 | 1 | 50% | 50% |');
    // a time without a limit has no on-time / late columns
    expect(markdown).toContain('## 抢险处置用时\n\n| 数量 | 平均 | 中位数 | 最大 | 未完成 |\n| --- | --- | --- | --- | --- |\n| 1 | 2h20m | 2h20m | 2h20m | 0 |');
    expect(markdown).toContain('| waterDepth 积水深度（厘米） | 1 | 25 | 12 | -13 | 1 | 0 |');
  });

  it('carries measures and deadline owners through the bundle to the reports', async () => {
    const result = await drill();
    const compiled = loadBundle(JSON.parse(JSON.stringify(createBundle(plan))));
    expect(compiled.definition.measures.map((m) => m.id)).toEqual(plan.measures.map((m) => m.id));
    expect(compiled.definition.deadlines.find((d) => d.id === 'gauge-reading')?.owner).toBe('drainage');
    expect(evaluate(compiled, [result.incident!]).json).toEqual(evaluate(plan, [result.incident!]).json);
  });

  it('writes after-action, evaluation and drill reports without the seed plan\'s vocabulary, in both locales', async () => {
    const result = await drill();
    const incident = result.incident!;
    for (const locale of ['zh-CN', 'en'] as const) {
      const after = afterActionReport(incident, plan, { locale });
      const evaluation = evaluate(plan, [incident], { locale });
      const report = drillReport(result, plan, { locale });
      for (const text of [after.markdown, after.html, JSON.stringify(after.json), evaluation.markdown, evaluation.html, JSON.stringify(evaluation.json), report.markdown, report.html]) {
        expect(seedWordsIn(text)).toEqual([]);
      }
      // the readings chart: both number fields recorded three times, each panel titled by its field
      const title = locale === 'zh-CN' ? '积水深度（厘米）' : 'water depth (cm)';
      expect(report.html).toContain(`data-chart="readings"`);
      expect(report.html).toContain(`font-weight="600">${title}</text>`);
      expect(after.html).toContain(`font-weight="600">${title}</text>`);
    }
    // the check itself can fail: the seed plan's reports hold its words
    expect(seedWordsIn('## 公众态度变化')).toEqual(['公众', '态度']);
  });
});
