import { resolveBy } from '../resolve-by.js';
import { defineRule } from '../rule.js';

/**
 * A transition whose `by` grants no role: it names roles the plan does not declare, team positions
 * nobody holds (e.g. `analysis.deputy` of a team without a deputy), or nothing at all.
 */
export const transitionNobodyCanFire = defineRule({
  id: 'transition-nobody-can-fire',
  defaultSeverity: 'error',
  description: 'A transition whose `by` resolves to no role, so nobody is authorized to fire it.',
  messages: {
    nobody: {
      en: 'Nobody can fire {{event}}: its `by` ({{by}}) names no declared role and no team position that a role holds.',
      'zh-CN': '没有人能触发 {{event}}：其 `by`（{{by}}）既没有指向已声明的角色，也没有指向由某个角色担任的小组职位。',
    },
  },
  check(ctx) {
    for (const { transition, path } of ctx.graph.declarations) {
      if (resolveBy(ctx.plan, transition.by).size > 0) continue;
      ctx.report([...path, 'by'], 'nobody', { event: transition.event, by: transition.by.length > 0 ? transition.by.join(', ') : '—' });
    }
  },
});
