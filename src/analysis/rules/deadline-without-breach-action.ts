import { defineRule } from '../rule.js';

/** A deadline with no `breach` actions: when it passes, nobody is told and nothing happens. */
export const deadlineWithoutBreachAction = defineRule({
  id: 'deadline-without-breach-action',
  defaultSeverity: 'warning',
  description: 'A deadline whose `breach` list is missing or empty.',
  messages: {
    noBreach: {
      en: 'Deadline "{{deadline}}" has no breach action: when it passes, nobody is notified. Add `breach: [{ notify: [...] }]`.',
      'zh-CN': '时限“{{deadline}}”没有超时处置：超时后不会通知任何人。请添加 `breach: [{ notify: [...] }]`。',
    },
  },
  check(ctx) {
    ctx.plan.deadlines.forEach((deadline, i) => {
      if (deadline.breach.length === 0) ctx.report(['deadlines', i, 'id'], 'noBreach', { deadline: deadline.id });
    });
  },
});
