import { describe, expect, it } from 'vitest';
import { afterActionReport } from '../../src/report/after-action/after-action-report.js';
import { runSeedDrill } from '../testing/seed-drills.js';
import { seedPlanDefinition } from '../testing/seed-plan.js';

const plan = seedPlanDefinition();

describe('afterActionReport', () => {
  it('reads measures, stage times, breaches, participation, readings and the review from a level-I run', async () => {
    const result = await runSeedDrill('level-i-breaches.drill.yaml');
    const { json } = afterActionReport(result.incident!, plan);
    expect(json.measures.map((m) => m.event)).toEqual([
      'REPORT', 'ASSESS', 'REGRADE', 'APPROVE_STRATEGY', 'PUBLISH_STATEMENT', 'ENGAGE_PUBLIC',
      'BRIEF_MEDIA', 'RECORD_READING', 'DECLARE_OVER', 'SUBMIT_REVIEW',
    ]);
    expect(json.measures[0]).toMatchObject({ offsetMs: 45 * 60_000, stage: 'report', teams: ['analysis'], by: { id: 'wang' } });
    expect(json.stages.map((s) => [s.stage, s.durationMs! / 60_000, s.deadlines.map((d) => [d.id, d.limitMs / 60_000, d.usedMs! / 60_000, d.status])])).toEqual([
      ['report', 45, [['report', 30, 45, 'breached']]],
      ['assess', 75, [['assess', 60, 75, 'breached']]],
      ['strategy', 90, [['strategy', 60, 90, 'breached']]],
      ['respond', 1290, []],
      ['monitor', 90, [['monitor-reading', 120, 60, 'met']]],
      ['review', 2730, [['review', 7 * 1440, 2730, 'met']]],
    ]);
    expect(json.breaches.map((b) => [b.deadline, b.notified])).toEqual([
      ['report', ['it-head']],
      ['assess', ['department-head', 'deputy-head']],
      ['strategy', ['department-head']],
      ['first-statement', ['department-head', 'publicity-head']],
      ['press-briefing', ['department-head', 'publicity-head']],
    ]);
    expect(json.notifications.filter((n) => n.reason === 'reminder')).toEqual([
      { at: '2026-03-05T13:20:00.000Z', roles: ['info-officer'], reason: 'reminder', deadline: 'report' },
    ]);
    expect(json.participation.map((t) => [t.team, t.events, t.people])).toEqual([
      ['command', 4, ['zhang']],
      ['analysis', 3, ['li', 'wang', 'zhao']],
      ['communication', 3, ['chen', 'he', 'liu']],
      ['logistics', 0, []],
    ]);
    expect(json.readings.map((r) => [r.field, r.first, r.last])).toEqual([
      ['heat', 15000, 15000],
      ['negativeShare', 0.8, 0.8],
    ]);
    expect(json.review?.event).toBe('SUBMIT_REVIEW');
    expect(json.review?.fields.map((f) => f.field)).toEqual(['measures', 'evaluation', 'lessons']);
    expect(json.review?.fields[2]?.value).toBe('夜间值班上报机制失灵，需设置夜间值守。');
  });

  it('shows the readings trend and refused attempts', async () => {
    const onTime = afterActionReport((await runSeedDrill('level-i-on-time.drill.yaml')).incident!, plan).json;
    expect(onTime.readings.map((r) => [r.field, r.first, r.last, r.min, r.max, r.change])).toEqual([
      ['heat', 9200, 2300, 2300, 9200, -6900],
      ['negativeShare', 0.71, 0.22, 0.22, 0.71, -0.49],
    ]);
    const refused = afterActionReport((await runSeedDrill('rejected-attempts.drill.yaml')).incident!, plan).json;
    expect(refused.rejected.map((r) => r.code)).toEqual([
      'unauthorized', 'invalid-data', 'not-in-stage', 'unknown-event', 'unauthorized', 'unauthorized', 'invalid-data',
      'unauthorized', 'invalid-data', 'invalid-data', 'invalid-data', 'unauthorized', 'unauthorized', 'closed',
    ]);
    expect(refused.participation.find((t) => t.team === 'analysis')?.rejected).toBe(10);
  });

  it('gives each refused attempt its code and what it means, in the report’s language', async () => {
    const incident = (await runSeedDrill('rejected-attempts.drill.yaml')).incident!;
    const zh = afterActionReport(incident, plan, { locale: 'zh-CN' });
    const section = zh.markdown.slice(zh.markdown.indexOf('## 被拒绝的操作'));
    expect(section.split('\n')[2]).toBe('| 时间 | 事件 | 人员 | 代码 | 原因 |');
    expect(section).toContain('| not-in-stage | 当前阶段不接受这个事件，或它的条件不成立 |');
    expect(section).toContain('| unknown-event | 预案中没有声明这个事件 |');
    expect(zh.html).toContain('<td>closed</td><td>事件已关闭，不再接受操作</td>');
    const en = afterActionReport(incident, plan, { locale: 'en' });
    expect(en.markdown).toContain('| unauthorized | the sender holds none of the roles allowed to send this event here |');
  });

  it('renders Markdown and a self-contained HTML page in the plan locale, or in English', async () => {
    const incident = (await runSeedDrill('dismissal.drill.yaml')).incident!;
    const zh = afterActionReport(incident, plan);
    expect(zh.markdown.split('\n')[0]).toBe('# 事件总结报告: 网民询问窗口午休时间调整');
    expect(zh.markdown).toContain('## 各阶段用时与时限');
    expect(zh.json.review?.fields).toEqual([{ field: 'reason', title: '理由', value: '属于一般咨询，由留言板常规答复，不构成舆情事件。' }]);
    const en = afterActionReport(incident, plan, { locale: 'en' });
    expect(en.markdown).toContain('## Time per stage against its deadline');
    for (const html of [zh.html, en.html]) {
      expect(html).toMatch(/^<!doctype html>/);
      expect(html).not.toMatch(/<script|<link|src=|href="http/);
      expect(html).toContain('data-chart="timeline"');
    }
  });
});
