import { defineRule } from '../rule.js';

/** A per-severity `due` map that leaves out a severity level: at that level the deadline is never armed. */
export const severityMapMissingLevel = defineRule({
  id: 'severity-map-missing-level',
  defaultSeverity: 'error',
  description: 'A per-severity map (a deadline `due`) that has no entry for some severity level.',
  messages: {
    missing: {
      en: 'Deadline "{{deadline}}" has no due time for severity {{levels}}: an incident at that level never gets this deadline.',
      'zh-CN': '时限“{{deadline}}”缺少等级 {{levels}} 的期限：该等级的事件不会设置此时限。',
    },
  },
  check(ctx) {
    const levels = ctx.plan.severity.map((l) => l.id);
    ctx.plan.deadlines.forEach((deadline, i) => {
      if (typeof deadline.due === 'string' || 'clock' in deadline.due || 'band' in deadline.due) return;
      const map = deadline.due;
      const missing = levels.filter((level) => !Object.hasOwn(map, level));
      if (missing.length > 0) ctx.report(['deadlines', i, 'due'], 'missing', { deadline: deadline.id, levels: missing.join(', ') });
    });
  },
});
