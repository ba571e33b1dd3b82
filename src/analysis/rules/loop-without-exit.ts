import { defineRule } from '../rule.js';
import { stronglyConnectedComponents } from '../strongly-connected-components.js';

/** Stages that lead only to each other: once in the loop, an incident can never reach a final stage. */
export const loopWithoutExit = defineRule({
  id: 'loop-without-exit',
  defaultSeverity: 'error',
  description: 'A loop of stages with no transition leading out of it.',
  messages: {
    loop: {
      en: 'Stages {{stages}} form a loop with no way out: an incident that enters it can never reach a final stage.',
      'zh-CN': '阶段 {{stages}} 构成一个没有出口的循环：进入该循环的事件永远无法到达终止阶段。',
    },
    selfLoop: {
      en: 'Stage "{{stage}}" only leads back to itself: an incident that enters it can never reach a final stage.',
      'zh-CN': '阶段“{{stage}}”只能回到自身：进入此阶段的事件永远无法到达终止阶段。',
    },
  },
  check(ctx) {
    const { graph } = ctx;
    for (const component of stronglyConnectedComponents(graph)) {
      if (!component.cyclic || component.hasExit || component.stages.some((s) => graph.finals.has(s))) continue;
      const first = component.stages[0] as string;
      const path = ['stages', graph.stageIndex.get(first) ?? 0, 'id'];
      if (component.stages.length === 1) ctx.report(path, 'selfLoop', { stage: first });
      else ctx.report(path, 'loop', { stages: component.stages.map((s) => `"${s}"`).join(', ') });
    }
  },
});
