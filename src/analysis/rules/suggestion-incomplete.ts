import { defineRule } from '../rule.js';

/**
 * A suggested-level mapping (DSL v2) that leaves a value of its field without a level (no
 * suggestion is made for it), or an event that proposes a level but cannot carry the override
 * reason (a proposer there can never choose another level than the suggested one).
 */
export const suggestionIncomplete = defineRule({
  id: 'suggestion-incomplete',
  defaultSeverity: 'warning',
  description: 'A suggested-level map misses a value of its field, or an event that proposes a level does not accept the override reason field.',
  messages: {
    unmapped: {
      en: 'Suggestion "{{suggestion}}" maps no level for {{values}}: no level is suggested for those values.',
      'zh-CN': '等级建议“{{suggestion}}”没有为 {{values}} 规定等级：出现这些取值时不给出建议等级。',
    },
    noReason: {
      en: 'Event "{{event}}" proposes a level ({{to}}) but does not accept "{{override}}": whoever sends it can never choose another level than suggestion "{{suggestion}}" gives. Add {{override}} to its optional fields.',
      'zh-CN': '事件“{{event}}”可以提出等级（{{to}}），但不接受字段“{{override}}”：提交者无法选择与等级建议“{{suggestion}}”不同的等级。请把 {{override}} 加入该事件的 optional 字段。',
    },
  },
  check(ctx) {
    const plan = ctx.plan;
    (plan.suggestions ?? []).forEach((suggestion, i) => {
      const from = plan.fields.find((f) => f.id === suggestion.from);
      if (from?.type === 'enum') {
        const missing = from.values.filter((value) => !Object.hasOwn(suggestion.map, value));
        if (missing.length > 0) ctx.report(['suggestions', i, 'map'], 'unmapped', { suggestion: suggestion.id, values: missing.join(', ') });
      }
      plan.events.forEach((event, j) => {
        const carries = (id: string): boolean => event.requires.includes(id) || event.optional.includes(id);
        if (carries(suggestion.to) && !carries(suggestion.override)) {
          ctx.report(['events', j, 'id'], 'noReason', { event: event.id, to: suggestion.to, override: suggestion.override, suggestion: suggestion.id });
        }
      });
    });
  },
});
