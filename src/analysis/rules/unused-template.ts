import { planActions } from '../plan-actions.js';
import { defineRule } from '../rule.js';

/** A template that no action (`notify` or `effect` with `template`) uses. */
export const unusedTemplate = defineRule({
  id: 'unused-template',
  defaultSeverity: 'warning',
  description: 'A template that no notify or effect action refers to.',
  messages: {
    unused: {
      en: 'Template "{{template}}" is never used: no `notify` or `effect` action names it under `template`.',
      'zh-CN': '模板“{{template}}”从未被使用：没有任何 `notify` 或 `effect` 动作在 `template` 中引用它。',
    },
  },
  check(ctx) {
    const used = new Set<string>();
    for (const { action } of planActions(ctx.plan)) {
      if ('template' in action && action.template !== undefined) used.add(action.template);
    }
    ctx.plan.templates.forEach((template, i) => {
      if (!used.has(template.id)) ctx.report(['templates', i, 'id'], 'unused', { template: template.id });
    });
  },
});
