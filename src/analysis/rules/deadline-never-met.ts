import { reachableStages } from '../reachability.js';
import { defineRule } from '../rule.js';

/**
 * A deadline none of whose `metBy` events is accepted in a stage where it is pending: `within`
 * if given; for `from: enter`, the stage it is armed in; for `from: open`, any stage an incident
 * can reach. Such a deadline can only ever breach.
 */
export const deadlineNeverMet = defineRule({
  id: 'deadline-never-met',
  defaultSeverity: 'error',
  description: 'A deadline whose meeting events are not accepted in any stage where it is pending.',
  messages: {
    notAccepted: {
      en: 'Deadline "{{deadline}}" can never be met: its events ({{events}}) are not accepted in {{stages}}, where it is pending.',
      'zh-CN': '时限“{{deadline}}”永远无法达成：{{events}} 在其生效的阶段（{{stages}}）中都不被接受。',
    },
    notReachable: {
      en: 'Deadline "{{deadline}}" can never be met: no stage an incident can reach accepts its events ({{events}}).',
      'zh-CN': '时限“{{deadline}}”永远无法达成：事件能够到达的阶段都不接受 {{events}}。',
    },
  },
  check(ctx) {
    const { graph, plan } = ctx;
    const accepts = (stage: string, events: ReadonlySet<string>): boolean =>
      (graph.sites.get(stage) ?? []).some((site) => events.has(site.declaration.transition.event));
    /** Events accepted in some non-final stage an incident can reach: built once, not per deadline. */
    let acceptedWhileOpen: Set<string> | undefined;
    const acceptedInOpenStages = (): Set<string> => {
      if (acceptedWhileOpen !== undefined) return acceptedWhileOpen;
      acceptedWhileOpen = new Set<string>();
      for (const s of reachableStages(graph)) {
        if (graph.finals.has(s)) continue;
        for (const site of graph.sites.get(s) ?? []) acceptedWhileOpen.add(site.declaration.transition.event);
      }
      return acceptedWhileOpen;
    };
    plan.deadlines.forEach((deadline, i) => {
      const events = new Set(deadline.metBy);
      const eventList = deadline.metBy.join(', ');
      if (deadline.within === undefined && deadline.from === 'open') {
        const accepted = acceptedInOpenStages();
        if (!deadline.metBy.some((e) => accepted.has(e))) {
          ctx.report(['deadlines', i, 'metBy'], 'notReachable', { deadline: deadline.id, events: eventList });
        }
        return;
      }
      const pending = deadline.within ?? (deadline.stage === undefined ? [] : [deadline.stage]);
      const known = pending.filter((s) => graph.stageIndex.has(s) && !graph.finals.has(s));
      if (deadline.within === undefined && known.length === 0) return; // a missing or unknown `stage` is a validation error
      if (!known.some((s) => accepts(s, events))) {
        ctx.report(['deadlines', i, 'metBy'], 'notAccepted', {
          deadline: deadline.id,
          events: eventList,
          stages: pending.map((s) => `"${s}"`).join(', '),
        });
      }
    });
  },
});
