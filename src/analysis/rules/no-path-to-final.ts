import { stagesReaching } from '../reachability.js';
import { defineRule } from '../rule.js';
import { stronglyConnectedComponents } from '../strongly-connected-components.js';

/**
 * A stage from which no final stage can be reached: an incident that gets there can never close.
 * Stages inside a loop without a way out are left to `loop-without-exit`.
 */
export const noPathToFinal = defineRule({
  id: 'no-path-to-final',
  defaultSeverity: 'error',
  description: 'A stage from which no final stage can be reached (a trap), or a plan with no final stage.',
  messages: {
    noFinalStage: {
      en: 'The plan has no final stage (`final: true`): no incident can ever close.',
      'zh-CN': '预案没有终止阶段（`final: true`）：任何事件都无法结束。',
    },
    deadEnd: {
      en: 'Stage "{{stage}}" is a dead end: it is not final and no transition leads out of it, so an incident that gets here can never close.',
      'zh-CN': '阶段“{{stage}}”是死路：它不是终止阶段，也没有任何转换离开它，进入此阶段的事件永远无法结束。',
    },
    trapped: {
      en: 'No path leads from stage "{{stage}}" to a final stage: an incident that gets here can never close.',
      'zh-CN': '从阶段“{{stage}}”没有任何路径通向终止阶段：进入此阶段的事件永远无法结束。',
    },
  },
  check(ctx) {
    const { graph, plan } = ctx;
    if (graph.finals.size === 0) {
      ctx.report(['stages'], 'noFinalStage');
      return;
    }
    const closing = stagesReaching(graph, graph.finals);
    const inClosedLoop = new Set(
      stronglyConnectedComponents(graph)
        .filter((c) => c.cyclic && !c.hasExit)
        .flatMap((c) => c.stages),
    );
    plan.stages.forEach((stage, i) => {
      if (closing.has(stage.id) || inClosedLoop.has(stage.id)) return;
      const leaves = (graph.edges.get(stage.id) ?? []).some((e) => e.to !== stage.id);
      ctx.report(['stages', i, 'id'], leaves ? 'trapped' : 'deadEnd', { stage: stage.id });
    });
  },
});
