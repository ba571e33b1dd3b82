import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/report/evaluation/evaluate.js';
import { runSeedDrills } from '../testing/seed-drills.js';
import { seedPlanDefinition } from '../testing/seed-plan.js';

const plan = seedPlanDefinition();

describe('evaluate', () => {
  it('measures timeliness, breach rates, teams and sentiment over the seed drills', async () => {
    const incidents = (await runSeedDrills()).map((r) => r.incident!);
    const { json, markdown, html } = evaluate(plan, incidents);
    expect(json.incidents).toBe(11);
    expect(json.timeToReport).toEqual({ count: 11, meanMs: 845_455, medianMs: 600_000, maxMs: 2_700_000 });
    expect(json.timeToAssess.maxMs).toBe(75 * 60_000);
    expect([json.firstStatement.count, json.firstStatement.onTime, json.firstStatement.late, json.firstStatement.never]).toEqual([10, 8, 2, 0]);
    expect(json.breachRate.map((b) => [b.deadline, b.met, b.breached, b.rate])).toEqual([
      ['report', 10, 1, 0.0909],
      ['assess', 10, 1, 0.0909],
      ['strategy', 10, 1, 0.0909],
      ['first-statement', 8, 2, 0.2],
      ['press-briefing', 5, 1, 0.1667],
      ['monitor-reading', 14, 1, 0.0667],
      ['review', 9, 1, 0.1],
    ]);
    expect(json.teams.map((t) => [t.team, t.met, t.breached])).toEqual([
      ['command', 19, 2],
      ['analysis', 34, 3],
      ['communication', 13, 3],
      ['logistics', 0, 0],
    ]);
    expect(json.teams[3]?.onTimeRate).toBeNull();
    const share = json.sentiment.find((s) => s.field === 'negativeShare');
    expect(share).toMatchObject({ incidents: 9, improved: 4 });
    expect(share?.meanChange).toBeCloseTo(-0.1522, 4);
    const late = json.perIncident.find((p) => p.title === '供暖服务投诉集中爆发');
    expect(late?.firstStatement).toEqual({ ms: 6.5 * 3_600_000, limitMs: 5 * 3_600_000, onTime: false });
    expect(markdown).toContain('## 各时限超时率 — 时限遵守情况');
    for (const id of ['first-statement', 'breach-rate', 'team-on-time', 'sentiment-heat', 'sentiment-negativeShare']) {
      expect(html).toContain(`data-chart="${id}"`);
    }
  });

  it('skips incidents of another plan and reports empty measures as —', () => {
    const other = { planId: 'other', id: 'x' } as never;
    const { json, markdown } = evaluate(plan, [other], { locale: 'en' });
    expect(json.incidents).toBe(0);
    expect(json.skipped).toEqual(['x']);
    expect(json.timeToReport).toEqual({ count: 0, meanMs: null, medianMs: null, maxMs: null });
    expect(markdown).toContain('skipped (another plan): 1');
  });
});
