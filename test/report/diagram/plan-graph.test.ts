import { describe, expect, it } from 'vitest';
import { DiagramLabels } from '../../../src/report/diagram/diagram-labels.js';
import { deadlineMatrix, planGraph } from '../../../src/report/diagram/plan-graph.js';
import { loadPlan } from '../../render/render-fixtures.js';

// The studio draws from planGraph/deadlineMatrix; the documents and Mermaid diagrams from
// DiagramLabels. Both must say the same thing: these tests pin the graph's words to the labels'.
const flood = loadPlan('plans/city-flood.plan.yaml');
const seed = loadPlan('plans/public-opinion.plan.yaml');

describe('planGraph titles come from DiagramLabels', () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    it(`every stage, edge and deadline of the flood plan in ${locale}`, () => {
      const labels = new DiagramLabels(flood, locale, false);
      const graph = planGraph(flood, { locale });
      expect(graph.stages.map((s) => s.title)).toEqual(flood.stages.map((s) => labels.item(s)));
      let perLevel = 0;
      for (const edge of graph.edges.filter((e) => e.kind !== 'done')) {
        expect(edge.title).toBe(labels.event(edge.event));
        const declared = [...flood.stages.flatMap((s) => s.on), ...flood.transitions].find((t) => t.event === edge.event)!;
        if (Array.isArray(declared.by)) expect(edge.byTitles).toEqual(declared.by.map((entry) => labels.who(entry)));
        else {
          perLevel++;
          expect(edge.byTitles).toEqual(Object.entries(declared.by).map(([level, entries]) => `${level}: ${labels.whoList(entries)}`));
        }
      }
      // The flood plan has per-level signers (DSL v2): both shapes were compared.
      expect(perLevel).toBeGreaterThan(0);
      for (const stage of graph.stages) {
        for (const deadline of stage.deadlines) {
          const declared = flood.deadlines.find((d) => d.id === deadline.id)!;
          expect(deadline.due).toBe(labels.due(declared.due));
        }
      }
    });
  }

  it('names team positions, durations and per-level dues in words (zh-CN)', () => {
    const graph = planGraph(seed, { locale: 'zh-CN' });
    const approve = graph.edges.find((e) => e.event === 'APPROVE_STRATEGY')!;
    expect(approve.by).toEqual(['command.leader', 'command.deputy']);
    expect(approve.byTitles).toEqual(['舆情应急指挥小组组长', '舆情应急指挥小组副组长']);
    const opening = graph.stages.find((s) => s.initial)!;
    expect(opening.deadlines.find((d) => d.id === 'report')?.due).toBe('30分钟');
    const strategy = graph.stages.flatMap((s) => s.deadlines).find((d) => d.id === 'strategy')!;
    expect(strategy.due).toBe('I 1小时、II 1小时、III 2小时、IV 4小时');
  });
});

describe('deadlineMatrix', () => {
  it('one row per level for a per-level due, words from DiagramLabels', () => {
    const rows = deadlineMatrix(seed, { locale: 'zh-CN' }).filter((r) => r.deadline === 'strategy');
    expect(rows.map((r) => [r.level, r.due, r.dueWords])).toEqual([
      ['I', '1h', '1小时'],
      ['II', '1h', '1小时'],
      ['III', '2h', '2小时'],
      ['IV', '4h', '4小时'],
    ]);
  });

  it('a clock-time due and a due by bands are one row each (they used to give no row)', () => {
    const en = deadlineMatrix(flood, { locale: 'en' });
    const evening = en.filter((r) => r.deadline === 'evening-deployment');
    expect(evening.map((r) => [r.level, r.due, r.dueWords])).toEqual([[null, '21:00', '21:00']]);
    expect(evening[0]!.from).toBe(`enter ${new DiagramLabels(flood, 'en', false).item(flood.stages.find((s) => s.id === 'response')!)}`);
    const bands = en.filter((r) => r.deadline === 'situation-report');
    expect(bands).toHaveLength(1);
    expect(bands[0]!.due).toBe('returnPeriod: < 10 12h, < 20 6h, 3h');
    expect(bands[0]!.dueWords).toMatch(/< 10 12 h, .*< 20 6 h, otherwise 3 h$/);
    expect(bands[0]!.recurring).toBe(true);
    // Every deadline of the plan has at least one row.
    expect(new Set(en.map((r) => r.deadline))).toEqual(new Set(flood.deadlines.map((d) => d.id)));
  });

  it('reminders and breach actions in words of the locale', () => {
    const zh = deadlineMatrix(seed, { locale: 'zh-CN' });
    const withReminder = zh.find((r) => r.reminders.length > 0)!;
    expect(withReminder.reminders[0]).toMatch(/^\d+分钟前 → /);
    expect(zh.flatMap((r) => r.breach).some((text) => text.startsWith('通知 '))).toBe(true);
    const en = deadlineMatrix(seed, { locale: 'en' });
    expect(en.find((r) => r.reminders.length > 0)!.reminders[0]).toMatch(/^\d+ min before → /);
    expect(en.filter((r) => r.from === 'open').length).toBeGreaterThan(0);
  });
});
