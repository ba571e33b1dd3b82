import { parseDuration } from '../dsl/duration.js';
import type { PlanDefinition } from '../dsl/schema/plan.js';
import type { CompiledDeadline, CompiledDue, CompiledStage } from './compiled-plan.js';
import { stageSuccessors, stagesReaching, stageTransitions } from './stage-graph.js';

/**
 * Normalizes the plan's deadlines: durations in ms (one, or one per severity level), `metBy` as a
 * set, reminders sorted earliest first, and the `within` stages: as written, else for
 * `from: enter` the stage itself, else every non-final stage from which a stage accepting a
 * `metBy` event is reachable.
 *
 * @example
 * const table = buildDeadlineTable(plan, stages);
 * table.find((d) => d.id === 'pump-out')?.within; // Set { 'alert', 'assess', 'respond' }
 */
export function buildDeadlineTable(
  definition: PlanDefinition,
  stages: ReadonlyMap<string, CompiledStage>,
): CompiledDeadline[] {
  const successors = stageSuccessors(stages);
  const finals = new Set(definition.stages.filter((s) => s.final === true).map((s) => s.id));
  return definition.deadlines.map((d) => {
    const metBy = new Set(d.metBy);
    let within: Set<string>;
    if (d.within !== undefined) within = new Set(d.within);
    else if (d.from === 'enter' && d.stage !== undefined) within = new Set([d.stage]);
    else {
      const accepting = new Set<string>();
      for (const [id, stage] of stages) if (stageTransitions(stage).some((t) => metBy.has(t.event))) accepting.add(id);
      within = stagesReaching(successors, accepting);
    }
    for (const f of finals) within.delete(f);
    const due: CompiledDue =
      typeof d.due === 'string'
        ? { kind: 'fixed', ms: parseDuration(d.due) }
        : { kind: 'severity', ms: Object.fromEntries(Object.entries(d.due).map(([k, v]) => [k, parseDuration(v)])) };
    const out: CompiledDeadline = {
      id: d.id,
      from: d.from,
      due,
      metBy,
      within,
      recurring: d.recurring === true,
      reminders: (d.remind ?? [])
        .map((r) => ({ beforeMs: parseDuration(r.before), notify: r.notify }))
        .sort((a, b) => b.beforeMs - a.beforeMs),
      breach: d.breach,
    };
    if (d.stage !== undefined) out.stage = d.stage;
    if (d.when !== undefined) out.when = d.when;
    return out;
  });
}

/**
 * The duration of a deadline for a severity, or `undefined` when it cannot be known yet
 * (per-severity due and the severity unknown, or a level the map lacks).
 *
 * @example
 * dueMs({ kind: 'severity', ms: { I: 3_600_000 } }, 'I'); // 3600000
 */
export function dueMs(due: CompiledDue, severity: string | null): number | undefined {
  if (due.kind === 'fixed') return due.ms;
  if (severity === null) return undefined;
  return Object.hasOwn(due.ms, severity) ? due.ms[severity] : undefined;
}
