import type { Condition } from '../../dsl/schema/condition.js';
import type { PlanDefinition } from '../../dsl/schema/plan.js';
import { defineRule } from '../rule.js';

/** Three-valued truth of a condition when only the severity is known. */
type Truth = 'true' | 'false' | 'unknown';

/** The id a condition reads the incident's severity by: the plan's field of type severity, else `severity`. */
function severityFieldOf(plan: PlanDefinition): string {
  return plan.fields.find((f) => f.type === 'severity')?.id ?? 'severity';
}

/**
 * Whether `condition` holds while the severity is `level` and every other field is unknown:
 * `false` only when it certainly does not (e.g. `{ field: level, ne: I }` at `I`).
 */
export function truthAtLevel(condition: Condition, field: string, level: string): Truth {
  if ('all' in condition) {
    const parts = condition.all.map((c) => truthAtLevel(c, field, level));
    return parts.includes('false') ? 'false' : parts.every((p) => p === 'true') ? 'true' : 'unknown';
  }
  if ('any' in condition) {
    const parts = condition.any.map((c) => truthAtLevel(c, field, level));
    return parts.includes('true') ? 'true' : parts.every((p) => p === 'false') ? 'false' : 'unknown';
  }
  if ('not' in condition) {
    const inner = truthAtLevel(condition.not, field, level);
    return inner === 'unknown' ? 'unknown' : inner === 'true' ? 'false' : 'true';
  }
  if (condition.field !== field) return 'unknown';
  const checks: boolean[] = [];
  if (condition.eq !== undefined) checks.push(condition.eq === level);
  if (condition.ne !== undefined) checks.push(condition.ne !== level);
  if (condition.in !== undefined) checks.push(condition.in.includes(level));
  if (condition.exists !== undefined) checks.push(condition.exists);
  if (condition.lt !== undefined || condition.lte !== undefined || condition.gt !== undefined || condition.gte !== undefined) return 'unknown';
  return checks.every(Boolean) ? 'true' : 'false';
}

/** The text of a `record` action in the plan's first locale. */
function recordText(record: unknown, plan: PlanDefinition): string {
  if (typeof record === 'string') return record;
  if (typeof record === 'object' && record !== null) {
    const texts = record as Record<string, string>;
    return texts[plan.locales?.[0] ?? ''] ?? Object.values(texts)[0] ?? '';
  }
  return '';
}

/**
 * A breach action `regrade: up` on a deadline that can breach while the incident is already at
 * the most severe level (the first of `severity`): there it does nothing, while a `record` beside
 * it tells the timeline that the incident was escalated. The deadline counts as able to breach at
 * the top level unless its `when` certainly excludes that level.
 */
export const regradeUpAtTopLevel = defineRule({
  id: 'regrade-up-at-top-level',
  defaultSeverity: 'warning',
  description: 'A breach action `regrade: up` on a deadline that can breach at the most severe level, where it does nothing.',
  messages: {
    noEffect: {
      en: 'Deadline "{{deadline}}" regrades up on breach, but it can breach while the incident is already at the top level "{{top}}", where regrade: up does nothing. Add when: { field: {{field}}, ne: {{top}} } to the deadline, or act otherwise at the top level (notify).',
      'zh-CN': '时限“{{deadline}}”超时后升级（regrade: up），但事件可能已处于最高等级“{{top}}”时超时，此时升级不起任何作用。请给时限加上 when: { field: {{field}}, ne: {{top}} }，或在最高等级时改用其他处置（如 notify）。',
    },
    recordClaimsEscalation: {
      en: 'Deadline "{{deadline}}" regrades up on breach, but it can breach while the incident is already at the top level "{{top}}", where regrade: up does nothing — yet the record beside it ("{{record}}") says the incident was escalated. Add when: { field: {{field}}, ne: {{top}} } to the deadline, or write the record so that it holds at the top level too.',
      'zh-CN': '时限“{{deadline}}”超时后升级（regrade: up），但事件可能已处于最高等级“{{top}}”时超时，此时升级不起作用——而旁边的记录（“{{record}}”）却会写入“已升级”。请给时限加上 when: { field: {{field}}, ne: {{top}} }，或改写记录，使其在最高等级时也属实。',
    },
  },
  check(ctx) {
    const { plan } = ctx;
    const top = plan.severity[0]?.id;
    if (top === undefined) return;
    const field = severityFieldOf(plan);
    plan.deadlines.forEach((deadline, i) => {
      if (deadline.when !== undefined && truthAtLevel(deadline.when, field, top) === 'false') return;
      // A per-level due that leaves out the top level is never armed there.
      if (typeof deadline.due === 'object' && !Object.hasOwn(deadline.due, top)) return;
      const record = deadline.breach.find((action) => 'record' in action);
      deadline.breach.forEach((action, k) => {
        if (!('regrade' in action) || action.regrade !== 'up') return;
        const path = ['deadlines', i, 'breach', k, 'regrade'];
        if (record !== undefined && 'record' in record) {
          ctx.report(path, 'recordClaimsEscalation', { deadline: deadline.id, top, field, record: recordText(record.record, plan) });
        } else {
          ctx.report(path, 'noEffect', { deadline: deadline.id, top, field });
        }
      });
    });
  },
});
