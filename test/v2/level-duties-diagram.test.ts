import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/dsl/check-plan.js';
import { planStateDiagram } from '../../src/report/diagram/state-diagram.js';
import { planSwimlaneDiagram } from '../../src/report/diagram/swimlane-diagram.js';
import { planGraph } from '../../src/report/diagram/plan-graph.js';
import { levelDutiesPlan } from './level-duties-support.js';

const plan = checkPlan({ text: levelDutiesPlan }).plan;
const flood = checkPlan({ file: 'plans/city-flood.plan.yaml' }).plan;

describe('level-dependent duties in the diagrams', () => {
  it('the state diagram names a gated track\'s levels and a stage\'s owner per level', () => {
    if (plan === undefined) throw new Error('fixture does not check');
    const text = planStateDiagram(plan, { locale: 'en' });
    expect(text).toContain('state "Live · at A: HQ" as s_live {');
    expect(text).toMatch(/state "extra · at levels A" as s_live__extra/);
    expect(text).toMatch(/state "base" as s_live__base/);
  });

  it('the swimlane diagram too, in Chinese for the flood plan', () => {
    if (flood === undefined) throw new Error('city-flood does not check');
    const text = planSwimlaneDiagram(flood, { locale: 'zh-CN' });
    expect(text).toContain('应急响应 · I、II级由市防汛指挥部负责');
    expect(text).toContain('危险区群众转移安置（Ⅰ级） · 适用等级 I:');
    expect(text).toContain('抢险队伍、物资预置（Ⅲ级及以上） · 适用等级 I、II、III:');
  });

  it('the studio\'s plan graph titles a gated track with its levels', () => {
    if (flood === undefined) throw new Error('city-flood does not check');
    const response = planGraph(flood, { locale: 'en' }).stages.find((s) => s.id === 'response');
    expect(response?.tracks.map((t) => t.title)).toEqual([
      'duty and dike patrols',
      'rescue teams and materials pre-positioned (level III and above) · at levels I, II, III',
      'residents moved to safety (level I) · at levels I',
    ]);
  });
});
