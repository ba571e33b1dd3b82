import { defineRule } from '../rule.js';

/** A stage that is not final and names no owner team: nobody is answerable for moving it on. */
export const stageWithoutOwner = defineRule({
  id: 'stage-without-owner',
  defaultSeverity: 'warning',
  description: 'A stage that is not final and has no `owner` team.',
  messages: {
    noOwner: {
      en: 'Stage "{{stage}}" has no owner: name the team responsible for it under `owner`.',
      'zh-CN': '阶段“{{stage}}”没有负责小组：请在 `owner` 下写明负责该阶段的小组。',
    },
  },
  check(ctx) {
    ctx.plan.stages.forEach((stage, i) => {
      // a stage owned per level (DSL v2 `ownerByLevel`) is owner-by-level-incomplete's, not this rule's
      if (stage.final !== true && stage.owner === undefined && stage.ownerByLevel === undefined) ctx.report(['stages', i, 'id'], 'noOwner', { stage: stage.id });
    });
  },
});
