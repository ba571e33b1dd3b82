import { dueAtMs } from '../compile/deadline-table.js';
import type { IncidentChange } from './change.js';
import { iso } from './change.js';
import { instanceBaseMs } from './deadline-base.js';

/**
 * After a regrade: recomputes the due time of every pending instance whose due time depends on
 * severity, from the same base (or from the regrade, with `rebase: regrade`). Past-due results
 * breach on the next `fireDue` (deadlines.ts). Its own module because a regrade can come from a
 * breach's actions: deadlines.ts → plan-actions.ts → severity.ts → here, with no way back.
 * @internal
 *
 * @example
 * recomputeForSeverity(change); // after severity III → I: strategy due 1h after entry instead of 2h
 */
export function recomputeForSeverity(change: IncidentChange): void {
  const draft = change.doc;
  draft.deadlines.forEach((instance, index) => {
    if (instance.status !== 'pending') return;
    const deadline = change.plan.deadlineById.get(instance.id);
    if (deadline === undefined || (deadline.due.kind !== 'severity' && !deadline.rebaseOnRegrade)) return;
    // `rebase: regrade`: measured again from the regrade; otherwise from the same base.
    const base = deadline.rebaseOnRegrade ? change.now : instanceBaseMs(instance);
    const due = dueAtMs(deadline.due, draft.severity, base, draft.data);
    if (due === undefined) return;
    const dueAt = iso(due);
    if (dueAt === instance.dueAt) return;
    change.patchInstance(index, deadline.rebaseOnRegrade ? { baseAt: iso(base), dueAt } : { dueAt });
    change.append('deadline-recomputed', 'recorded', {
      deadline: instance.id,
      dueAt,
      instance: instance.instance,
      previousDueAt: instance.dueAt,
      severity: draft.severity,
    });
  });
}
