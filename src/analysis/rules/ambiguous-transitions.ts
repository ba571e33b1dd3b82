import type { DocumentPath } from '../../diagnostics/diagnostic.js';
import { defineRule } from '../rule.js';
import type { TransitionSite } from '../stage-graph.js';

/** Order-independent text of a condition, to compare two conditions for equality. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function where(path: DocumentPath): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '');
}

/**
 * Two transitions on the same event accepted in one stage (its own `on`, or a shared transition
 * through `in`), where the earlier one has no `when` or the same `when` as the later: the engine
 * always takes the earlier, so the later one is never taken. Tracks run in parallel, so the same
 * event in two different tracks is not ambiguous.
 */
export const ambiguousTransitions = defineRule({
  id: 'ambiguous-transitions',
  defaultSeverity: 'error',
  description: 'Two transitions on the same event in one stage that `when` does not tell apart.',
  messages: {
    shadowed: {
      en: 'Stage "{{stage}}" accepts {{event}} twice and `when` does not tell the two apart: the earlier one ({{other}}) is always taken, so this one never is.',
      'zh-CN': '阶段“{{stage}}”两次接受 {{event}}，且 `when` 无法区分两者：总是执行前一个（{{other}}），这一个永远不会执行。',
    },
    shadowedAtLine: {
      en: 'Stage "{{stage}}" accepts {{event}} twice and `when` does not tell the two apart: the earlier one (line {{line}}) is always taken, so this one never is.',
      'zh-CN': '阶段“{{stage}}”两次接受 {{event}}，且 `when` 无法区分两者：总是执行前一个（第 {{line}} 行），这一个永远不会执行。',
    },
  },
  check(ctx) {
    const reported = new Set<string>();
    for (const [stage, sites] of ctx.graph.sites) {
      const groups = new Map<string, TransitionSite[]>();
      for (const site of sites) {
        const key = `${site.track ?? ''}\u0000${site.declaration.transition.event}`;
        const group = groups.get(key) ?? [];
        group.push(site);
        groups.set(key, group);
      }
      for (const group of groups.values()) {
        group.forEach((later, j) => {
          const laterWhen = later.declaration.transition.when;
          const earlier = group.slice(0, j).find((e) => {
            const when = e.declaration.transition.when;
            return when === undefined || (laterWhen !== undefined && canonical(when) === canonical(laterWhen));
          });
          if (earlier === undefined) return;
          const path = [...later.declaration.path, 'event'];
          const key = `${stage}\u0000${path.join('/')}`;
          if (reported.has(key)) return;
          reported.add(key);
          const otherPath = earlier.declaration.path;
          const line = ctx.locator.locate([...otherPath, 'event']).range?.start.line;
          const event = later.declaration.transition.event;
          if (line === undefined) ctx.report(path, 'shadowed', { stage, event, other: where(otherPath) });
          else ctx.report(path, 'shadowedAtLine', { stage, event, line: String(line) });
        });
      }
    }
  },
});
