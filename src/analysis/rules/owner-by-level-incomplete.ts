import { defineRule } from '../rule.js';

/** A stage with `ownerByLevel` (DSL v2) and no `owner` that leaves a level out: at that level nobody owns it. */
export const ownerByLevelIncomplete = defineRule({
  id: 'owner-by-level-incomplete',
  defaultSeverity: 'warning',
  description: 'A stage whose `ownerByLevel` misses a severity level and that has no `owner` to fall back to.',
  messages: {
    missing: {
      en: 'Stage "{{stage}}" names its owner per level but not for {{levels}}, and has no owner to fall back to: at that level nobody owns it, and owner.leader notices reach no one. Add the levels or an owner.',
      'zh-CN': '阶段“{{stage}}”按等级规定了负责小组，但缺少等级 {{levels}}，也没有可沿用的 owner：该等级下无人负责，发给 owner.leader 的通知也无人接收。请补上这些等级，或写上 owner。',
    },
  },
  check(ctx) {
    const levels = ctx.plan.severity.map((level) => level.id);
    ctx.plan.stages.forEach((stage, i) => {
      const byLevel = stage.ownerByLevel;
      if (byLevel === undefined || stage.owner !== undefined || stage.final === true) return;
      const missing = levels.filter((level) => !Object.hasOwn(byLevel, level));
      if (missing.length > 0) ctx.report(['stages', i, 'ownerByLevel'], 'missing', { stage: stage.id, levels: missing.join(', ') });
    });
  },
});
