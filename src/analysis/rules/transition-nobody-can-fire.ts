import { byEntries, byText } from '../../plan-format/by-entries.js';
import { resolveBy } from '../resolve-by.js';
import { defineRule } from '../rule.js';

/**
 * A transition nobody in the response organization can fire: its `by` grants no role at all
 * (undeclared roles, positions nobody holds, an empty list), or only roles that hold no team
 * position. People are staffed through the teams, so a role outside every team is held by nobody.
 * A plan without teams is not checked for the second case.
 */
export const transitionNobodyCanFire = defineRule({
  id: 'transition-nobody-can-fire',
  defaultSeverity: 'error',
  description: "A transition whose `by` is empty or names only roles that no team position holds.",
  messages: {
    nobody: {
      en: 'Nobody can fire {{event}}: its `by` ({{by}}) names no declared role and no team position that a role holds.',
      'zh-CN': '没有人能触发 {{event}}：其 `by`（{{by}}）既没有指向已声明的角色，也没有指向由某个角色担任的小组职位。',
    },
    noTeamPosition: {
      en: 'Nobody can fire {{event}}: the roles its `by` grants ({{roles}}) hold no team position. Name a team position (e.g. command.leader) or put the role in a team.',
      'zh-CN': '没有人能触发 {{event}}：其 `by` 授权的角色（{{roles}}）不担任任何小组职位。请写明小组职位（如 command.leader），或将该角色加入某个小组。',
    },
  },
  check(ctx) {
    const { plan } = ctx;
    const staffed = new Set<string>();
    for (const team of plan.teams) {
      if (team.leader !== undefined) staffed.add(team.leader);
      if (team.deputy !== undefined) staffed.add(team.deputy);
      team.members.forEach((m) => staffed.add(m));
    }
    for (const { transition, path } of ctx.graph.declarations) {
      const granted = resolveBy(plan, byEntries(transition.by));
      if (granted.size === 0) {
        ctx.report([...path, 'by'], 'nobody', { event: transition.event, by: byEntries(transition.by).length > 0 ? byText(transition.by) : '—' });
      } else if (plan.teams.length > 0 && ![...granted].some((role) => staffed.has(role))) {
        ctx.report([...path, 'by'], 'noTeamPosition', { event: transition.event, roles: [...granted].sort().join(', ') });
      }
    }
  },
});
