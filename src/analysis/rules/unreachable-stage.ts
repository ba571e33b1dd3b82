import { reachableStages } from '../reachability.js';
import { defineRule } from '../rule.js';

/**
 * A stage no incident can ever enter: no chain of transitions (targets, conditional targets,
 * shared transitions through `in`, tracks' `done`) leads to it from the opening stage.
 */
export const unreachableStage = defineRule({
  id: 'unreachable-stage',
  defaultSeverity: 'error',
  description: 'A stage that no chain of transitions leads to from the opening stage.',
  messages: {
    unreachable: {
      en: 'Stage "{{stage}}" can never be entered: no chain of transitions leads to it from the opening stage "{{opening}}".',
      'zh-CN': '阶段“{{stage}}”永远不会进入：从起始阶段“{{opening}}”出发，没有任何转换能到达它。',
    },
  },
  check(ctx) {
    const { graph } = ctx;
    if (graph.opening === undefined) return;
    const reached = reachableStages(graph);
    ctx.plan.stages.forEach((stage, i) => {
      if (!reached.has(stage.id)) ctx.report(['stages', i, 'id'], 'unreachable', { stage: stage.id, opening: graph.opening ?? '' });
    });
  },
});
