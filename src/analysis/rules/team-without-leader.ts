import { defineRule } from '../rule.js';

/** A team that names no leader: `<team>.leader` grants nothing and nobody is in charge of it. */
export const teamWithoutLeader = defineRule({
  id: 'team-without-leader',
  defaultSeverity: 'warning',
  description: 'A team with no `leader`.',
  messages: {
    noLeader: {
      en: 'Team "{{team}}" has no leader: name the role that leads it under `leader`.',
      'zh-CN': '小组“{{team}}”没有组长：请在 `leader` 下写明担任组长的角色。',
    },
  },
  check(ctx) {
    ctx.plan.teams.forEach((team, i) => {
      if (team.leader === undefined) ctx.report(['teams', i, 'id'], 'noLeader', { team: team.id });
    });
  },
});
