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
      ['s_report', 'identify and report (report)'],
      ['s_assess', 'analyse and assess (assess)'],
      ['s_strategy', 'decide the response strategy (strategy)'],
      ['s_respond', 'carry out the response (respond)'],
      ['s_monitor', 'monitor'],
      ['s_review', 'close out and feed back (review)'],
      ['s_closed', 'closed'],
      ['root_start', 'root_start'],
      ['root_end', 'root_end'],
    ]);
    expect(edgesOf(d)).toEqual([
      'root_start -> s_report: ',
      's_report -> s_assess: REPORT · by analysis.leader, analysis.members',
      's_assess -> s_strategy: ASSESS · by analysis.leader',
      's_assess -> s_closed: DISMISS · by command.leader, command.deputy',
      's_strategy -> s_respond: APPROVE_STRATEGY · by command.leader, command.deputy',
      's_respond -> s_monitor: all tracks done',
      's_monitor -> s_strategy: ADJUST_STRATEGY · by command.leader, command.deputy, analysis.leader',
      's_monitor -> s_review: DECLARE_OVER · by command.leader, command.deputy',
      's_review -> s_closed: SUBMIT_REVIEW · by command.leader, command.deputy',
      's_closed -> root_end: ',
    ]);
  });

  it('draws the tracks of respond as three concurrent regions, each completed by its event', async () => {
    const d = await parseStateDiagram(planStateDiagram(seed(), { locale: 'en' }));
    const regions = d.nodes.filter((n) => n.parentId === 's_respond' && n.shape === 'divider').map((n) => n.id);
    expect(regions).toHaveLength(3);
    const tracks = d.nodes.filter((n) => n.shape === 'rect' && regions.includes(n.parentId ?? '')).map((n) => n.label);
    expect(tracks).toEqual(['information release (release)', 'media liaison (media)', 'public communication (public)']);
    const completing = d.edges.filter((e) => e.from.startsWith('s_respond__')).map((e) => e.label);
    expect(completing).toEqual(['PUBLISH_STATEMENT · by communication', 'BRIEF_MEDIA · by communication', 'ENGAGE_PUBLIC · by communication']);
  });

  it('lists the transitions that stay in a stage in its note, those of every stage on the opening stage', async () => {
    const d = await parseStateDiagram(planStateDiagram(seed(), { locale: 'en' }));
    expect(noteOf(d, 's_respond')).toBe('Also accepted here (stays): RECORD_READING · by analysis | REGRADE · by command.leader, command.deputy');
    expect(noteOf(d, 's_strategy').split(/<br\s*\/?>/)[0]).toBe('Also accepted here (stays): REGRADE · by command.leader, command.deputy');
    expect(noteOf(d, 's_report').split(/<br\s*\/?>/)[0]).toBe('In every stage that is not final: LOG_SUPPORT · by logistics | NOTE · by any-role');
    expect(d.edges.filter((e) => e.from === e.to)).toEqual([]);
  });

  it('puts every deadline in a note on the stage that arms it (open: the opening stage)', async () => {
    const d = await parseStateDiagram(planStateDiagram(seed(), { locale: 'en' }));
    expect(noteOf(d, 's_report')).toContain('report at once (report): 30m after open · met by REPORT');
    expect(noteOf(d, 's_report')).toContain('(first-statement): I 5h, II 5h, III 24h, IV 48h after open · met by PUBLISH_STATEMENT');
    expect(noteOf(d, 's_report')).toContain('(press-briefing): 24h after open · when severity in I, II · met by BRIEF_MEDIA');
    expect(noteOf(d, 's_report')).toContain('In every stage that is not final: LOG_SUPPORT · by logistics | NOTE · by any-role');
    expect(noteOf(d, 's_assess')).toContain('(assess): 1h after entering · met by ASSESS, DISMISS');
    expect(noteOf(d, 's_strategy')).toContain('(strategy): I 1h, II 1h, III 2h, IV 4h after entering · met by APPROVE_STRATEGY');
    expect(noteOf(d, 's_monitor')).toContain('(monitor-reading): I 2h, II 2h, III 6h, IV 6h after entering · recurring · met by RECORD_READING');
    expect(noteOf(d, 's_review')).toContain('(review): 7d after entering · met by SUBMIT_REVIEW');
  });

  it('writes titles and words in the plan locale by default (zh-CN for the seed)', async () => {
    const d = await parseStateDiagram(planStateDiagram(seed()));
    expect(d.nodes.find((n) => n.id === 's_report')?.label).toBe('事件识别与报告 (report)');
    expect(d.edges.find((e) => e.from === 's_report' && e.to === 's_assess')?.label).toBe('REPORT · 由 analysis.leader, analysis.members');
  });

  it('draws conditional targets through a choice, guards, keyword and hyphen ids, awkward titles', async () => {
    const text = planStateDiagram(edgePlan(), { locale: 'en' });
    const d = await parseStateDiagram(text);
    const choice = d.nodes.find((n) => n.shape === 'choice');
    expect(choice?.id).toMatch(/^c_first_step_GO_1$/);
    expect(edgesOf(d)).toEqual(
      expect.arrayContaining([
        `s_first_step -> ${choice?.id}: GO · by ops-team.leader`,
        `${choice?.id} -> s_state: when level > 2 and not (level = 9)`,
        `${choice?.id} -> s_end: otherwise`,
        's_state -> s_end: all tracks done',
        's_first_step -> s_end: ABORT · by lead',
        's_state -> s_end: ABORT · by lead',
      ]),
    );
    expect(noteOf(d, 's_first_step')).toBe('Also accepted here (stays): PING [level is set] · by lead');
    expect(decode(d.nodes.find((n) => n.id === 's_first_step')?.label ?? '')).toBe('First "step" % % one (first-step)');
    expect(d.nodes.filter((n) => n.shape === 'rect' && n.id.startsWith('s_state__')).map((n) => n.label)).toEqual(['One (t-one) · end', 't-two']);
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
