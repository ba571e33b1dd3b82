import { defineRule } from '../rule.js';

/** A declared event that no transition accepts: sending it is always rejected. */
export const unusedEvent = defineRule({
  id: 'unused-event',
  defaultSeverity: 'warning',
  description: 'A declared event that no transition (stage, track or shared) accepts.',
  messages: {
    unused: {
      en: 'Event "{{event}}" is declared but no transition accepts it: sending it is always rejected.',
      'zh-CN': '事件“{{event}}”已声明，但没有任何转换接受它：发送该事件总会被拒绝。',
    },
  },
  check(ctx) {
    const accepted = new Set(ctx.graph.declarations.map((d) => d.transition.event));
    ctx.plan.events.forEach((event, i) => {
      if (!accepted.has(event.id)) ctx.report(['events', i, 'id'], 'unused', { event: event.id });
    });
  },
});
