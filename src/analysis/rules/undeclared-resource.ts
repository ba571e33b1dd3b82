import { defineRule } from '../rule.js';

/** A stage uses a resource id that the plan's `resources` do not declare. */
export const undeclaredResource = defineRule({
  id: 'undeclared-resource',
  defaultSeverity: 'error',
  description: 'A stage names a resource that is not declared under `resources`.',
  messages: {
    undeclared: {
      en: 'Stage "{{stage}}" uses resource "{{resource}}", which is not declared under `resources`.',
      'zh-CN': '阶段“{{stage}}”使用了资源“{{resource}}”，但它没有在 `resources` 中声明。',
    },
  },
  check(ctx) {
    const declared = new Set(ctx.plan.resources.map((r) => r.id));
    ctx.plan.stages.forEach((stage, i) => {
      stage.resources.forEach((resource, j) => {
        if (!declared.has(resource)) ctx.report(['stages', i, 'resources', j], 'undeclared', { stage: stage.id, resource });
      });
    });
  },
});
