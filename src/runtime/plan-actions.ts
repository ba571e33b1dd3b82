import type { PlanAction as Action } from '../compile/compiled-plan.js';
import { evaluateCondition } from '../compile/conditions.js';
import { notifiedRoles, stageOwnerAt } from '../compile/level-duties.js';
import type { IncidentChange } from './change.js';
import { lastRegradeValues } from './last-regrade.js';
import type { TimelineEntry } from './incident.js';
import { setSeverity } from './severity.js';

/**
 * Where plan actions run (DSL v2): the stage whose owner `owner.*` names (default: the stage the
 * incident is in), and the values a conditional action's `when` reads (default: the incident's
 * data with `severity.previous` / `severity.change` of its last regrade).
 * @internal
 */
export interface ActionView {
  stage?: string;
  values?: () => Readonly<Record<string, unknown>>;
}

/**
 * Runs plan actions caused by timeline entry `cause`: `notify` and named effects go to the
 * outbox (with rendered template text), `regrade` changes severity, `record` writes a timeline
 * entry. `context` is added to every effect payload (e.g. the breached deadline). An action with
 * `when` runs only when its condition holds at the incident's level now; `owner.leader`,
 * `owner.deputy` and `owner.members` in `notify` name the team owning the stage at that level.
 * @internal
 *
 * @example
 * runActions(change, deadline.breach, breachEntry, { deadline: 'report', reason: 'breach' });
 */
export function runActions(
  change: IncidentChange,
  actions: readonly Action[],
  cause: TimelineEntry,
  context: Record<string, unknown> = {},
  view: ActionView = {},
): void {
  for (const action of actions) {
    if (action.when !== undefined) {
      const values = view.values?.() ?? { ...change.doc.data, ...lastRegradeValues(change.plan.severityOrder, change.doc) };
      if (!evaluateCondition(action.when, values, change.doc.severity)) continue;
    }
    if ('notify' in action) {
      const payload: Record<string, unknown> = { ...context, roles: [...action.notify] };
      if (action.notify.some((entry) => entry.startsWith('owner.'))) {
        // DSL v2: the owning team at the incident's level, named in the payload for reports.
        const stage = change.plan.stages.get(view.stage ?? change.doc.stage)?.definition;
        const owner = stage === undefined ? undefined : stageOwnerAt(stage, change.doc.severity);
        payload['roles'] = notifiedRoles(change.plan.definition, action.notify, owner);
        if (owner !== undefined) payload['owner'] = owner;
      }
      if (action.message !== undefined) payload['message'] = action.message;
      if (action.template !== undefined) Object.assign(payload, render(change, action.template));
      change.queueEffect('notify', payload, cause);
    } else if ('effect' in action) {
      const payload: Record<string, unknown> = { ...context };
      if (action.to !== undefined) payload['roles'] = [...action.to];
      if (action.template !== undefined) Object.assign(payload, render(change, action.template));
      change.queueEffect(action.effect, payload, cause);
    } else if ('regrade' in action) {
      const order = change.plan.severityOrder;
      const current = change.doc.severity;
      let level: string | undefined;
      if (action.regrade === 'up') {
        const at = current === null ? -1 : order.indexOf(current);
        level = at > 0 ? order[at - 1] : undefined;
      } else if (action.regrade === 'down') {
        // one level less severe; nothing when the level is unknown or already the least severe
        const at = current === null ? -1 : order.indexOf(current);
        level = at >= 0 ? order[at + 1] : undefined;
      } else if (order.includes(action.regrade)) level = action.regrade;
      if (level !== undefined) setSeverity(change, level, { cause: 'action', causeSeq: cause.seq });
    } else {
      change.append('record', 'recorded', { causeSeq: cause.seq, text: action.record });
    }
  }
}

function render(change: IncidentChange, template: string): Record<string, unknown> {
  const rendered = change.plan.renderTemplate(template, change.templateValues());
  if (rendered === undefined) return { template };
  const out: Record<string, unknown> = { template, text: rendered.text };
  if (rendered.texts !== undefined) out['texts'] = rendered.texts;
  return out;
}
