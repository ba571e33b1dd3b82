import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../../src/dsl/check-plan.js';
import type { PlanDefinition } from '../../../src/dsl/schema/plan.js';
import { planSwimlaneDiagram } from '../../../src/report/diagram/swimlane-diagram.js';
import { edgePlan } from './edge-plan.js';
import { decodeMermaidEntities, parseFlowchart } from './mermaid-parser.js';

function seed(): PlanDefinition {
  const checked = checkPlan({ file: 'plans/public-opinion.plan.yaml' });
  if (checked.plan === undefined) throw new Error('seed plan does not check');
  return checked.plan;
}

describe('planSwimlaneDiagram', () => {
  it('draws the seed plan in one lane per owner team, in the order the flow reaches them', async () => {
    const f = await parseFlowchart(planSwimlaneDiagram(seed(), { locale: 'en', ids: true }));
    expect(f.type).toBe('flowchart-v2');
    expect(f.subgraphs.map((s) => [s.id, s.title, s.nodes])).toEqual([
      ['t_analysis', 'information collection and analysis group (analysis)', ['s_report', 's_assess', 's_monitor']],
      ['t_command', 'command group (command)', ['s_strategy', 's_review']],
      ['t_communication', 'handling and communication group (communication)', ['s_respond', 's_respond__release', 's_respond__media', 's_respond__public']],
    ]);
    expect(f.vertices.get('s_closed')).toBe('closed');
    expect(f.vertices.get('s_respond__release')).toBe('information release (release): publish a statement (PUBLISH_STATEMENT)');
  });

  it('labels lanes, stages and tracks with titles only by default, in zh-CN for the seed', async () => {
    const f = await parseFlowchart(planSwimlaneDiagram(seed()));
    expect(f.subgraphs.map((s) => s.title)).toEqual(['信息收集与分析小组', '舆情应急指挥小组', '舆情处理与沟通小组']);
    expect(f.vertices.get('s_respond__release')).toBe('信息发布: 发布声明');
    expect(f.edges.find((e) => e.from === 's_assess' && e.to === 's_closed')?.text).toBe('不构成舆情事件，结束');
    const en = await parseFlowchart(planSwimlaneDiagram(seed(), { locale: 'en' }));
    expect(en.subgraphs.map((s) => s.title)).toEqual(['information collection and analysis group', 'command group', 'handling and communication group']);
    expect(en.vertices.get('s_respond__media')).toBe('media liaison: brief the media');
  });

  it('links the stages by the events that move the incident on', async () => {
    const f = await parseFlowchart(planSwimlaneDiagram(seed(), { locale: 'en' }));
    expect(f.edges.map((e) => `${e.from} -> ${e.to}${e.text === '' ? '' : `: ${e.text}`}`)).toEqual([
      'o_open -> s_report',
      's_report -> s_assess: report',
      's_assess -> s_strategy: assess',
      's_assess -> s_closed: dismiss',
      's_strategy -> s_respond: approve the response strategy',
      's_respond -> s_respond__release',
      's_respond -> s_respond__media',
      's_respond -> s_respond__public',
      's_respond -> s_monitor: all tracks done',
      's_monitor -> s_strategy: adjust the strategy',
      's_monitor -> s_review: declare the incident over',
      's_review -> s_closed: submit the review',
    ]);
  });

  it('puts a track in its own owner lane, a stage without owner outside the lanes, keyword ids safely', async () => {
    const f = await parseFlowchart(planSwimlaneDiagram(edgePlan(), { locale: 'en', ids: true }));
    expect(f.subgraphs.map((s) => [s.id, s.nodes])).toEqual([
      ['t_ops_team', ['s_first_step']],
      ['t_end', ['s_state__t_one']],
    ]);
    expect(decodeMermaidEntities(f.vertices.get('s_state') ?? '')).toBe('state; #35; x (state)');
    expect(decodeMermaidEntities(f.subgraphs[0]?.title ?? '')).toBe('Ops "A" % % team (ops-team)');
    expect(f.vertices.has('s_state__t_two')).toBe(true); // neither the track nor its stage has an owner: outside the lanes
    expect(f.edges.map((e) => `${e.from} -> ${e.to}: ${e.text}`)).toEqual(
      expect.arrayContaining(['s_first_step -> s_state: GO [level > 2 and not (level = 9)]', 's_first_step -> s_end: GO [otherwise]', 's_state -> s_end: ABORT']),
    );
  });

  it('always parses, whatever the titles (property)', async () => {
    const base = edgePlan();
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 40 }), async (title) => {
        const plan: PlanDefinition = { ...base, teams: base.teams.map((t) => ({ ...t, title })), stages: base.stages.map((s) => ({ ...s, title })) };
        const f = await parseFlowchart(planSwimlaneDiagram(plan, { locale: 'en' }));
        expect(f.subgraphs).toHaveLength(2);
      }),
      // A leading backtick opened a Markdown string in Mermaid (found by this property in CI).
      // `<A=` started an HTML tag in Mermaid's sanitizer that swallowed the following lines (found by this property).
      { numRuns: 25, examples: [['` '], ['`a`'], ['"#quot;`'], ['<A= '], ['<A=']] },
    );
  });
});
