import { describe, expect, it } from 'vitest';
import { reachableStages, stagesReaching } from '../../src/analysis/reachability.js';
import { buildStageGraph } from '../../src/analysis/stage-graph.js';
import { stronglyConnectedComponents } from '../../src/analysis/strongly-connected-components.js';
import { loadPlanFile } from './support/test-plan.js';

const { plan } = loadPlanFile('plans/public-opinion.plan.yaml');
const graph = buildStageGraph(plan);

describe('the stage graph of the seed plan', () => {
  it('has the edges of the plan, the done of respond included', () => {
    const edges = [...graph.edges.values()].flat().map((e) => `${e.from} -${e.event ?? 'done'}-> ${e.to}`);
    expect(edges).toEqual([
      'report -REPORT-> assess',
      'assess -ASSESS-> strategy',
      'assess -DISMISS-> closed',
      'strategy -APPROVE_STRATEGY-> respond',
      'respond -done-> monitor',
      'monitor -ADJUST_STRATEGY-> strategy',
      'monitor -DECLARE_OVER-> review',
      'review -SUBMIT_REVIEW-> closed',
    ]);
  });

  it("accepts shared transitions in the stages of their in, '*' leaving out the final stage", () => {
    const events = (stage: string): string[] => (graph.sites.get(stage) ?? []).map((s) => s.declaration.transition.event);
    expect(events('respond')).toEqual(['PUBLISH_STATEMENT', 'BRIEF_MEDIA', 'ENGAGE_PUBLIC', 'RECORD_READING', 'REGRADE', 'LOG_SUPPORT', 'NOTE']);
    expect(events('report')).toEqual(['REPORT', 'LOG_SUPPORT', 'NOTE']);
    expect(events('closed')).toEqual([]);
    expect((graph.sites.get('respond') ?? []).filter((s) => s.track !== undefined).map((s) => s.track)).toEqual(['release', 'media', 'public']);
  });

  it('reaches every stage, every stage reaches closed, and strategy–respond–monitor is a loop with an exit', () => {
    expect([...reachableStages(graph)].sort()).toEqual([...graph.stageIds].sort());
    expect([...stagesReaching(graph, graph.finals)].sort()).toEqual([...graph.stageIds].sort());
    const loops = stronglyConnectedComponents(graph).filter((c) => c.cyclic);
    expect(loops).toEqual([{ stages: ['strategy', 'respond', 'monitor'], cyclic: true, hasExit: true }]);
  });
});
