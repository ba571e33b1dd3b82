import { defineRule } from '../rule.js';

/** `targets` whose every branch has a `when`: when none holds, the event leads nowhere. */
export const conditionalTargetsWithoutDefault = defineRule({
  id: 'conditional-targets-without-default',
  defaultSeverity: 'warning',
  description: 'Conditional `targets` with no last branch without `when` (no default).',
  messages: {
    noDefault: {
      en: 'The conditional targets of {{event}} have no default branch: when no `when` holds, the event is not taken. End the list with a branch that has only `target`.',
      'zh-CN': '{{event}} 的条件目标没有默认分支：所有 `when` 都不成立时该事件不会生效。请在列表末尾加一个只有 `target` 的分支。',
    },
  },
  check(ctx) {
    for (const { transition, path } of ctx.graph.declarations) {
      const targets = transition.targets;
      if (targets === undefined || targets.length === 0) continue;
      if (targets.some((branch) => branch.when === undefined)) continue;
      ctx.report([...path, 'targets'], 'noDefault', { event: transition.event });
    }
  },
});
