import { byEntries } from '../../plan-format/by-entries.js';
import { planActions } from '../plan-actions.js';
import { defineRule } from '../rule.js';

/**
 * A role that nothing refers to: it holds no team position, no transition names it in `by`, and no
 * action or reminder notifies it. (`any-role` does not count as naming a particular role.)
 */
export const unusedRole = defineRule({
  id: 'unused-role',
  defaultSeverity: 'warning',
  description: 'A declared role that no team, transition, notification or reminder refers to.',
  messages: {
    unused: {
      en: 'Role "{{role}}" is never used: no team position, transition `by`, notification or reminder names it.',
      'zh-CN': '角色“{{role}}”从未被使用：没有任何小组职位、转换的 `by`、通知或提醒提到它。',
    },
  },
  check(ctx) {
    const { plan } = ctx;
    const used = new Set<string>();
    for (const team of plan.teams) {
      if (team.leader !== undefined) used.add(team.leader);
      if (team.deputy !== undefined) used.add(team.deputy);
      team.members.forEach((m) => used.add(m));
    }
    for (const { transition } of ctx.graph.declarations) byEntries(transition.by).forEach((b) => used.add(b));
    for (const { action } of planActions(plan)) {
      if ('notify' in action) action.notify.forEach((r) => used.add(r));
      if ('effect' in action) action.to?.forEach((r) => used.add(r));
    }
    for (const deadline of plan.deadlines) deadline.remind?.forEach((r) => r.notify.forEach((n) => used.add(n)));
    plan.roles.forEach((role, i) => {
      if (!used.has(role.id)) ctx.report(['roles', i, 'id'], 'unused', { role: role.id });
    });
  },
});
