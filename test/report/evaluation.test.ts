import { describe, expect, it } from 'vitest';
import type { ChangeResult, CountResult, MetRateResult, TimingResult, TimingValue } from '../../src/report/evaluation/evaluation-data.js';
import { evaluate } from '../../src/report/evaluation/evaluate.js';
import { runSeedDrills } from '../testing/seed-drills.js';
import { seedPlanDefinition } from '../testing/seed-plan.js';

const plan = seedPlanDefinition();

describe('evaluate', () => {
  it('computes the seed plan\'s own measures (timeliness, breach rates, teams, field changes) over the seed drills', async () => {
    const incidents = (await runSeedDrills()).map((r) => r.incident!);
    const { json, markdown, html } = evaluate(plan, incidents);
    expect(json.incidents).toBe(11);
    expect(json.measures.map((m) => [m.id, m.kind])).toEqual([
      ['time-to-report', 'deadline-time'],
      ['time-to-assess', 'deadline-time'],
      ['time-to-first-statement', 'deadline-time'],
      ['breach-rate', 'deadline-met-rate'],
      ['on-time-rate-per-team', 'deadline-met-rate'],
      ['heat-change', 'field-change'],
      ['sentiment-change', 'field-change'],
      ['refusals', 'refusal-count'],
    ]);
    const measure = <T>(id: string): T => json.measures.find((m) => m.id === id) as T;
    expect(measure<TimingResult>('time-to-report').stats).toEqual({ count: 11, meanMs: 845_455, medianMs: 600_000, maxMs: 2_700_000 });
    expect(measure<TimingResult>('time-to-assess').stats.maxMs).toBe(75 * 60_000);
    const first = measure<TimingResult>('time-to-first-statement');
    expect([first.stats.count, first.onTime, first.late, first.never]).toEqual([10, 8, 2, 0]);
    expect(measure<MetRateResult>('breach-rate').rows.map((b) => [b.id, b.met, b.breached, b.breachRate])).toEqual([
      ['report', 10, 1, 0.0909],
      ['assess', 10, 1, 0.0909],
      ['strategy', 10, 1, 0.0909],
      ['first-statement', 8, 2, 0.2],
      ['press-briefing', 5, 1, 0.1667],
      ['monitor-reading', 14, 1, 0.0667],
      ['review', 9, 1, 0.1],
    ]);
    const teams = measure<MetRateResult>('on-time-rate-per-team').rows;
    expect(teams.map((t) => [t.id, t.met, t.breached])).toEqual([
      ['command', 19, 2],
      ['analysis', 34, 3],
      ['communication', 13, 3],
      ['logistics', 0, 0],
    ]);
    expect(teams[3]?.onTimeRate).toBeNull();
    const share = measure<ChangeResult>('sentiment-change');
    expect(share).toMatchObject({ field: 'negativeShare', incidents: 9, decreased: 4 });
    expect(share.meanChange).toBeCloseTo(-0.1522, 4);
    expect(measure<ChangeResult>('heat-change')).toMatchObject({ field: 'heat', incidents: 9 });
    expect(measure<CountResult>('refusals').incidents).toBe(11);
    const late = json.perIncident.find((p) => p.title === '供暖服务投诉集中爆发');
    expect(late?.measures['time-to-first-statement']).toEqual<TimingValue>({ kind: 'deadline-time', ms: 6.5 * 3_600_000, limitMs: 5 * 3_600_000, onTime: false });
    // each measure's section carries the plan's own title and the criterion that names it
    expect(markdown).toContain('## 各时限超时率 — 时限遵守情况');
    expect(markdown).toContain('## 首次发布用时与时限 — 首次发布的及时性');
    expect(markdown).toContain('## 公众态度变化（负面占比，首次与末次监测） — 响应的有效性与对公众态度的影响');
    for (const id of ['time-to-first-statement', 'breach-rate', 'on-time-rate-per-team', 'heat-change', 'sentiment-change']) {
      expect(html).toContain(`data-chart="measure-${id}"`);
    }
  });

  it('skips incidents of another plan and reports empty measures as —', () => {
    const other = { planId: 'other', id: 'x' } as never;
    const { json, markdown } = evaluate(plan, [other], { locale: 'en' });
    expect(json.incidents).toBe(0);
    expect(json.skipped).toEqual(['x']);
    expect((json.measures[0] as TimingResult).stats).toEqual({ count: 0, meanMs: null, medianMs: null, maxMs: null });
    expect(markdown).toContain('skipped (another plan): 1');
    expect(markdown).toContain('## time to report — timeliness of the response\n\n| count | mean | median | max | on time | late | never |');
  });

  it('says so when the plan declares no measures', () => {
    const { json, markdown } = evaluate({ ...plan, measures: [], evaluation: [] }, [], { locale: 'zh-CN' });
    expect(json.measures).toEqual([]);
    expect(markdown).toContain('预案未声明评估指标');
  });
});
