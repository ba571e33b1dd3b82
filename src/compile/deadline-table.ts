import { dueDurationMs } from '../plan-format/due-duration.js';
import { CHANGE_FIELDS } from '../plan-format/patterns.js';
import { conditionFields } from './conditions.js';
import { nextWallClock } from './wall-clock.js';
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
    const ms = (text: string): number => dueDurationMs(text, definition.timing) ?? 0;
    let due: CompiledDue;
    if (typeof d.due === 'string') due = { kind: 'fixed', ms: ms(d.due) };
    else if ('clock' in d.due && typeof d.due.clock === 'string') {
      const [hours = 0, minutes = 0] = d.due.clock.split(':').map(Number);
      due = { kind: 'clock', minutes: hours * 60 + minutes, timeZone: definition.timezone ?? 'UTC' };
    } else if ('band' in d.due && typeof d.due.band === 'string') {
      const banded = d.due as { band: string; bands: { below?: number; due: string }[] };
      due = { kind: 'band', field: banded.band, bands: banded.bands.map((b) => (b.below === undefined ? { ms: ms(b.due) } : { below: b.below, ms: ms(b.due) })) };
    } else due = { kind: 'severity', ms: Object.fromEntries(Object.entries(d.due as Record<string, string>).map(([k, v]) => [k, ms(v)])) };
    const out: CompiledDeadline = {
      id: d.id,
      from: d.from,
      due,
      metBy,
      within,
      each: d.each === true,
      rebaseOnRegrade: d.rebase === 'regrade',
      graceMs: definition.timing?.dueInstant === 'meets' ? 1 : 0,
      readsChange: d.when !== undefined && conditionFields(d.when).some((f) => (CHANGE_FIELDS as readonly string[]).includes(f)),
      recurring: d.recurring === true,
      reminders: (d.remind ?? [])
        .map((r) => ({ beforeMs: ms(r.before), notify: r.notify }))
        .sort((a, b) => b.beforeMs - a.beforeMs),
      breach: d.breach,
    };
    if (d.stage !== undefined) out.stage = d.stage;
    if (d.event !== undefined) out.event = d.event;
    if (d.at !== undefined) out.at = d.at;
    if (d.match !== undefined) out.match = d.match;
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
export function dueMs(due: CompiledDue, severity: string | null, data: Readonly<Record<string, unknown>> = {}): number | undefined {
  if (due.kind === 'fixed') return due.ms;
  if (due.kind === 'clock') return undefined;
  if (due.kind === 'band') {
    const value = data[due.field];
    if (typeof value !== 'number') return undefined;
    return due.bands.find((b) => b.below === undefined || value < b.below)?.ms;
  }
  if (severity === null) return undefined;
  return Object.hasOwn(due.ms, severity) ? due.ms[severity] : undefined;
}

/**
 * When an instance measured from `base` is due (ms), or `undefined` when it cannot be known yet:
 * base + the duration, or for a time of day the first such time at or after the base.
 *
 * @example
 * dueAtMs({ kind: 'fixed', ms: 60_000 }, null, 0); // 60000
 */
export function dueAtMs(due: CompiledDue, severity: string | null, base: number, data: Readonly<Record<string, unknown>> = {}): number | undefined {
  if (due.kind === 'clock') return nextWallClock(base, due.minutes, due.timeZone);
  const ms = dueMs(due, severity, data);
  return ms === undefined ? undefined : base + ms;
}
