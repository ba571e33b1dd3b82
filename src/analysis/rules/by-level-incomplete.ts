import { defineRule } from '../rule.js';

/** A per-level `by` map (DSL v2) that leaves out a severity level: at that level nobody may fire the transition. */
export const byLevelIncomplete = defineRule({
  id: 'by-level-incomplete',
  defaultSeverity: 'warning',
  description: 'A transition whose `by` is a per-level map that names no signer for some severity level.',
  messages: {
    missing: {
      en: 'Event "{{event}}" names who may send it per level but not for {{levels}}: at that level nobody may, and every attempt is refused as unauthorized.',
      'zh-CN': '事件“{{event}}”按响应等级规定了签发人，但缺少等级 {{levels}}：该等级下无人可以签发，每次提交都会以“无权限”被拒绝。',
    },
  },
  check(ctx) {
    const levels = ctx.plan.severity.map((l) => l.id);
    for (const { transition, path } of ctx.graph.declarations) {
      const by = transition.by;
      if (Array.isArray(by)) continue;
      const missing = levels.filter((level) => !Object.hasOwn(by, level));
      if (missing.length > 0) ctx.report([...path, 'by'], 'missing', { event: transition.event, levels: missing.join(', ') });
    }
  },
});
