import { defineRule } from '../rule.js';

/** A declared resource that no stage uses: readiness never checks it and nobody knows when it is needed. */
export const unusedResource = defineRule({
  id: 'unused-resource',
  defaultSeverity: 'warning',
  description: 'A resource declared under `resources` that no stage names.',
  messages: {
    unused: {
      en: 'Resource "{{resource}}" is declared but no stage uses it: list it under the `resources` of the stages that need it.',
      'zh-CN': '资源“{{resource}}”已声明，但没有任何阶段使用它：请在需要它的阶段的 `resources` 中列出。',
    },
  },
  check(ctx) {
    const used = new Set(ctx.plan.stages.flatMap((s) => s.resources));
    ctx.plan.resources.forEach((resource, i) => {
      if (!used.has(resource.id)) ctx.report(['resources', i, 'id'], 'unused', { resource: resource.id });
    });
  },
});
