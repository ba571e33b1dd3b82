import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../../src/dsl/check-plan.js';
import type { PlanDefinition } from '../../../src/dsl/schema/plan.js';
import { planStateDiagram } from '../../../src/report/diagram/state-diagram.js';
import { edgePlan } from './edge-plan.js';
import { decodeMermaidEntities, parseStateDiagram, type ParsedStateDiagram } from './mermaid-parser.js';

function seed(): PlanDefinition {
  const checked = checkPlan({ file: 'plans/public-opinion.plan.yaml' });
  if (checked.plan === undefined) throw new Error('seed plan does not check');
  return checked.plan;
}

const decode = decodeMermaidEntities;
const topLevel = (d: ParsedStateDiagram): Set<string> => new Set(d.nodes.filter((n) => n.parentId === undefined).map((n) => n.id));
const edgesOf = (d: ParsedStateDiagram): string[] => {
  const top = topLevel(d);
  return d.edges.filter((e) => top.has(e.from) && top.has(e.to) && !e.to.includes('----note')).map((e) => `${e.from} -> ${e.to}: ${decode(e.label)}`);
};
const noteOf = (d: ParsedStateDiagram, stage: string): string => d.nodes.find((n) => n.shape === 'note' && n.id.startsWith(`${stage}----note`))?.label ?? '';

describe('planStateDiagram', () => {
  it('draws the seed plan: Mermaid parses it into the stages, the transitions that move on with who may fire them, and the done of respond', async () => {
    const d = await parseStateDiagram(planStateDiagram(seed(), { locale: 'en' }));
    expect(d.type).toBe('stateDiagram');
    const top = d.nodes.filter((n) => n.parentId === undefined && n.shape !== 'noteGroup').map((n) => [n.id, n.label]);
    expect(top).toEqual([
      ['s_report', 'identify and report'],
      ['s_assess', 'analyse and assess'],
      ['s_strategy', 'decide the response strategy'],
      ['s_respond', 'carry out the response'],
      ['s_monitor', 'monitor'],
      ['s_review', 'close out and feed back'],
      ['s_closed', 'closed'],
      ['root_start', 'root_start'],
      ['root_end', 'root_end'],
    ]);
    expect(edgesOf(d)).toEqual([
      'root_start -> s_report: ',
      's_report -> s_assess: report · by information collection and analysis group leader, information collection and analysis group members',
      's_assess -> s_strategy: assess · by information collection and analysis group leader',
      's_assess -> s_closed: dismiss · by command group leader, command group deputy',
      's_strategy -> s_respond: approve the response strategy · by command group leader, command group deputy',
      's_respond -> s_monitor: all tracks done',
      's_monitor -> s_strategy: adjust the strategy · by command group leader, command group deputy, information collection and analysis group leader',
      's_monitor -> s_review: declare the incident over · by command group leader, command group deputy',
      's_review -> s_closed: submit the review · by command group leader, command group deputy',
      's_closed -> root_end: ',
    ]);
  });

  it('draws the tracks of respond as three concurrent regions, each completed by its event', async () => {
    const d = await parseStateDiagram(planStateDiagram(seed(), { locale: 'en' }));
    const regions = d.nodes.filter((n) => n.parentId === 's_respond' && n.shape === 'divider').map((n) => n.id);
    expect(regions).toHaveLength(3);
    const tracks = d.nodes.filter((n) => n.shape === 'rect' && regions.includes(n.parentId ?? '')).map((n) => n.label);
    expect(tracks).toEqual(['information release', 'media liaison', 'public communication']);
    const completing = d.edges.filter((e) => e.from.startsWith('s_respond__')).map((e) => e.label);
    expect(completing).toEqual([
      'publish a statement · by handling and communication group',
      'brief the media · by handling and communication group',
      'engage the public · by handling and communication group',
    ]);
  });

  it('lists the transitions that stay in a stage in its note, those of every stage on the opening stage', async () => {
    const d = await parseStateDiagram(planStateDiagram(seed(), { locale: 'en' }));
    expect(noteOf(d, 's_respond')).toBe(
      'Also accepted here (stays): record a reading · by information collection and analysis group | regrade · by command group leader, command group deputy',
    );
    expect(noteOf(d, 's_strategy').split(/<br\s*\/?>/)[0]).toBe('Also accepted here (stays): regrade · by command group leader, command group deputy');
    expect(noteOf(d, 's_report').split(/<br\s*\/?>/)[0]).toBe('In every stage that is not final: log support given · by logistics support group | note · by any role');
    expect(d.edges.filter((e) => e.from === e.to)).toEqual([]);
  });

  it('puts every deadline in a note on the stage that arms it (open: the opening stage)', async () => {
    const d = await parseStateDiagram(planStateDiagram(seed(), { locale: 'en' }));
    expect(noteOf(d, 's_report')).toContain('Deadline report at once: 30 min after open · met by report');
    expect(noteOf(d, 's_report')).toContain('first authoritative statement: I 5 h, II 5 h, III 24 h, IV 48 h after open · met by publish a statement');
    expect(noteOf(d, 's_report')).toContain('press briefing within 24 hours: 24 h after open · when severity in I, II · met by brief the media');
    expect(noteOf(d, 's_assess')).toBe('Deadline rapid assessment: 1 h after entering · met by assess, dismiss');
    expect(noteOf(d, 's_strategy')).toContain('strategy decided: I 1 h, II 1 h, III 2 h, IV 4 h after entering · met by approve the response strategy');
    expect(noteOf(d, 's_monitor')).toContain('regular monitoring reading: I 2 h, II 2 h, III 6 h, IV 6 h after entering · recurring · met by record a reading');
    expect(noteOf(d, 's_review')).toBe('Deadline written review: 7 d after entering · met by submit the review');
  });

  it('--ids: writes each id after its title, positions and events included', async () => {
    const d = await parseStateDiagram(planStateDiagram(seed(), { locale: 'en', ids: true }));
    expect(d.nodes.find((n) => n.id === 's_report')?.label).toBe('identify and report (report)');
    expect(d.nodes.find((n) => n.id === 's_monitor')?.label).toBe('monitor');
    expect(edgesOf(d)).toContain(
      's_assess -> s_closed: dismiss (DISMISS) · by command group leader (command.leader), command group deputy (command.deputy)',
    );
    expect(noteOf(d, 's_report')).toContain('In every stage that is not final: log support given (LOG_SUPPORT) · by logistics support group (logistics) | note (NOTE) · by any role (any-role)');
    expect(noteOf(d, 's_review')).toBe('Deadline written review (review): 7 d after entering · met by submit the review (SUBMIT_REVIEW)');
    const zh = await parseStateDiagram(planStateDiagram(seed(), { ids: true }));
    expect(zh.nodes.find((n) => n.id === 's_report')?.label).toBe('事件识别与报告 (report)');
    expect(zh.edges.find((e) => e.from === 's_report' && e.to === 's_assess')?.label).toBe(
      '上报 (REPORT) · 由 信息收集与分析小组组长 (analysis.leader)、信息收集与分析小组组员 (analysis.members)',
    );
  });

  it('writes titles and words in the plan locale by default (zh-CN for the seed)', async () => {
    const d = await parseStateDiagram(planStateDiagram(seed()));
    expect(d.nodes.find((n) => n.id === 's_report')?.label).toBe('事件识别与报告');
    expect(d.edges.find((e) => e.from === 's_report' && e.to === 's_assess')?.label).toBe('上报 · 由 信息收集与分析小组组长、信息收集与分析小组组员');
    expect(d.edges.find((e) => e.from === 's_assess' && e.to === 's_closed')?.label).toBe('不构成舆情事件，结束 · 由 舆情应急指挥小组组长、舆情应急指挥小组副组长');
    expect(noteOf(d, 's_assess')).toBe('时限 快速评估: 自进入阶段 1小时 内 · 完成事件 评估、不构成舆情事件，结束');
    expect(noteOf(d, 's_review')).toBe('时限 总结报告: 自进入阶段 7天 内 · 完成事件 提交总结报告');
    expect(noteOf(d, 's_report')).toContain('首次发布权威信息: 自事件开始 I 5小时、II 5小时、III 24小时、IV 48小时 内');
    expect(noteOf(d, 's_report')).toContain('记录保障措施 · 由 后勤保障组 | 备注 · 由 任一角色');
    expect(d.nodes.map((n) => n.label).join(' ')).not.toMatch(/[A-Z]{2,}_[A-Z]|\.(leader|deputy|members)\b/);
  });

  it('draws conditional targets through a choice, guards, keyword and hyphen ids, awkward titles', async () => {
    const text = planStateDiagram(edgePlan(), { locale: 'en', ids: true });
    const d = await parseStateDiagram(text);
    const choice = d.nodes.find((n) => n.shape === 'choice');
    expect(choice?.id).toMatch(/^c_first_step_GO_1$/);
    expect(edgesOf(d)).toEqual(
      expect.arrayContaining([
        `s_first_step -> ${choice?.id}: GO · by Ops "A" % % team leader (ops-team.leader)`,
        `${choice?.id} -> s_state: when level > 2 and not (level = 9)`,
        `${choice?.id} -> s_end: otherwise`,
        's_state -> s_end: all tracks done',
        's_first_step -> s_end: ABORT · by Lead (lead)',
        's_state -> s_end: ABORT · by Lead (lead)',
      ]),
    );
    expect(noteOf(d, 's_first_step')).toBe('Also accepted here (stays): PING [level is set] · by Lead (lead)');
    expect(decode(d.nodes.find((n) => n.id === 's_first_step')?.label ?? '')).toBe('First "step" % % one (first-step)');
    expect(d.nodes.filter((n) => n.shape === 'rect' && n.id.startsWith('s_state__')).map((n) => decode(n.label))).toEqual(['One (t-one) · end #59; team (end)', 't-two']);
    // A ";" in a title (the team "end #59; team") does not end the statement inside the composite state.
    expect(d.nodes.map((n) => n.id)).not.toContain('team');
  });

  it('always parses, whatever the titles (property)', async () => {
    const base = edgePlan();
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 40 }), fc.string({ minLength: 1, maxLength: 40 }), async (a, b) => {
        const plan: PlanDefinition = {
          ...base,
          stages: base.stages.map((s, i) => ({ ...s, title: i === 0 ? a : { en: b, 'zh-CN': a } })),
          deadlines: [{ id: 'd', title: b, from: 'open', due: '1h', metBy: ['GO'], breach: [] }],
        };
        const d = await parseStateDiagram(planStateDiagram(plan, { locale: 'en' }));
        const stages = d.nodes.filter((n) => n.parentId === undefined && n.shape === 'rect').map((n) => n.id);
        expect(stages).toEqual(['s_first_step', 's_end']);
        expect(d.nodes.filter((n) => n.shape === 'note')).toHaveLength(1);
      }),
      { numRuns: 25 },
    );
  });
});
