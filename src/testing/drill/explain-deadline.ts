import type { CompiledPlan } from '../../compile/compiled-plan.js';
import type { Locale } from '../../diagnostics/locale.js';
import { DRILL_MESSAGES } from '../../messages/drill-messages.js';
import { messagesIn } from '../../messages/message-table.js';
import type { DeadlineInstance, Incident, TimelineEntry } from '../../runtime/incident.js';
import type { DrillClock } from './drill-clock.js';

/** A step of the drill as far as it ran: its index, time, and the event it sent. */
export interface ExplainedStep {
  index: number;
  /** ISO 8601 time of the step. */
  at: string;
  send?: string;
  accepted?: boolean;
}

/** What an explanation reads. */
export interface ExplainContext {
  plan: CompiledPlan;
  incident: Incident;
  /** The steps that ran so far (the current one last). */
  steps: readonly ExplainedStep[];
  clock: DrillClock;
  locale: Locale;
}

type Messages = ReturnType<typeof messagesIn<typeof DRILL_MESSAGES>>;

const ms = (iso: string): number => Date.parse(iso);

function entriesOf(incident: Incident, type: TimelineEntry['type'], inst: DeadlineInstance): TimelineEntry[] {
  return incident.timeline.filter((e) => e.type === type && e.data?.['deadline'] === inst.id && e.data?.['instance'] === inst.instance);
}

function armedText(t: Messages, ctx: ExplainContext, inst: DeadlineInstance): string {
  const deadline = ctx.plan.deadlineById.get(inst.id);
  const at = ctx.clock.format(inst.armedAt);
  const base = inst.baseAt ?? inst.armedAt;
  if (inst.instance > 1 && deadline?.recurring === true) return t.armedAgain({ at, base: ctx.clock.format(base) });
  if (base !== inst.armedAt) return t.armedLater({ at, base: ctx.clock.format(base) });
  if (deadline?.from === 'enter') return t.armedOnEntry({ at, stage: inst.stage });
  return t.armedAtOpen({ at });
}

/** Where a time falls among the steps: before the first step at or after it, or during the step at that time that caused it. */
function stepText(t: Messages, ctx: ExplainContext, time: string, during: boolean): string {
  const step = ctx.steps.find((s) => ms(s.at) >= ms(time));
  if (step === undefined) return t.firedAfterLastStep();
  const at = ctx.clock.format(step.at);
  return during && ms(step.at) === ms(time) ? t.firedDuringStep({ step: step.index, at }) : t.firedBeforeStep({ step: step.index, at });
}

function breachRule(t: Messages, ctx: ExplainContext, inst: DeadlineInstance): { rule: string; during: boolean } {
  const deadline = ctx.plan.deadlineById.get(inst.id);
  const metBy = deadline?.metBy ?? new Set<string>();
  const recomputed = entriesOf(ctx.incident, 'deadline-recomputed', inst).find((e) => ms(String(e.data?.['dueAt'])) <= ms(e.at));
  if (recomputed !== undefined) {
    return {
      during: true,
      rule: t.ruleRegradePast({
        level: String(recomputed.data?.['severity'] ?? ''),
        at: ctx.clock.format(recomputed.at),
        due: ctx.clock.format(String(recomputed.data?.['dueAt'])),
        previous: ctx.clock.format(String(recomputed.data?.['previousDueAt'])),
      }),
    };
  }
  const atDue = ctx.steps.find((s) => s.send !== undefined && metBy.has(s.send) && ms(s.at) === ms(inst.dueAt));
  if (atDue?.send !== undefined) return { during: false, rule: t.ruleEventAtDueTime({ event: atDue.send, step: atDue.index }) };
  const late = ctx.steps.find((s) => s.send !== undefined && s.accepted === true && metBy.has(s.send) && ms(s.at) > ms(inst.dueAt));
  if (late?.send !== undefined) return { during: false, rule: t.ruleMetTooLate({ event: late.send, at: ctx.clock.format(late.at) }) };
  return { during: false, rule: t.ruleNotMet({ events: [...metBy].sort().join(', ') }) };
}

function instanceText(t: Messages, inst: DeadlineInstance): string {
  return t.instance({ deadline: inst.id, instance: inst.instance });
}

/**
 * Why a deadline breached: per breached instance, what armed it and when, its due time, when it
 * fired relative to the steps, and the rule that applied (an event at the due time is late; a
 * regrade recomputed it to a time already past; the meeting event came later or never).
 *
 * @example
 * explainBreach(ctx, 'dispatch');
 * // ['deadline dispatch #1: armed when the incident opened (09:00 (+0m)), due 09:30 (+30m); breached at 09:30 (+30m) before step 1 (at 09:30 (+30m))',
 * //  "rule: an event at exactly the due time is late — deadlines due at or before a step's time fire before the step, so DISPATCH at step 1 came after the breach"]
 */
export function explainBreach(ctx: ExplainContext, deadlineId: string): string[] {
  const t = messagesIn(DRILL_MESSAGES, ctx.locale);
  const lines: string[] = [];
  for (const inst of ctx.incident.deadlines.filter((d) => d.id === deadlineId && d.status === 'breached')) {
    const breachedAt = inst.breachedAt ?? inst.dueAt;
    const { rule, during } = breachRule(t, ctx, inst);
    lines.push(
      t.breachedLine({
        instance: instanceText(t, inst),
        armed: armedText(t, ctx, inst),
        due: ctx.clock.format(inst.dueAt),
        breachedAt: ctx.clock.format(breachedAt),
        step: stepText(t, ctx, breachedAt, during),
      }),
      rule,
    );
  }
  return lines;
}

function cancelReason(t: Messages, reason: string): string {
  if (reason === 're-entered') return t.cancelReentered();
  if (reason === 'closed') return t.cancelClosed();
  if (reason === 'left-stages') return t.cancelLeftStages();
  if (reason === 'condition') return t.cancelCondition();
  return t.cancelOther({ reason });
}

/**
 * Why a deadline did not breach (so far): never armed, or per instance met in time, cancelled, or
 * still pending when the drill's clock stopped.
 *
 * @example
 * explainNoBreach(ctx, 'dispatch');
 * // ['deadline dispatch #1: armed when the incident opened (09:00 (+0m)), due 09:30 (+30m); met by DISPATCH at 09:20 (+20m) (step 2), before its due time']
 */
export function explainNoBreach(ctx: ExplainContext, deadlineId: string): string[] {
  const t = messagesIn(DRILL_MESSAGES, ctx.locale);
  const instances = ctx.incident.deadlines.filter((d) => d.id === deadlineId);
  if (instances.length === 0) {
    const deadline = ctx.plan.deadlineById.get(deadlineId);
    const entered = deadline?.stage === undefined || ctx.incident.timeline.some((e) => e.type === 'stage-entered' && e.data?.['stage'] === deadline.stage);
    const why = deadline?.from === 'enter' && deadline.stage !== undefined && !entered ? t.neverArmedStage({ stage: deadline.stage }) : t.neverArmedCondition();
    return [t.neverArmed({ deadline: deadlineId, why })];
  }
  const last = ctx.steps[ctx.steps.length - 1]?.at ?? ctx.incident.openedAt;
  return instances.map((inst) => {
    const common = { instance: instanceText(t, inst), armed: armedText(t, ctx, inst), due: ctx.clock.format(inst.dueAt) };
    if (inst.status === 'met') {
      const metAt = inst.metAt ?? inst.dueAt;
      const event = String(entriesOf(ctx.incident, 'deadline-met', inst)[0]?.data?.['event'] ?? '');
      const step = ctx.steps.find((s) => ms(s.at) === ms(metAt) && s.send === event);
      return t.metLine({ ...common, event, at: ctx.clock.format(metAt), step: step === undefined ? t.metOutsideSteps() : t.metAtStep({ step: step.index }) });
    }
    if (inst.status === 'cancelled') {
      const reason = String(entriesOf(ctx.incident, 'deadline-cancelled', inst)[0]?.data?.['reason'] ?? '');
      return t.cancelledLine({ ...common, at: ctx.clock.format(inst.cancelledAt ?? last), reason: cancelReason(t, reason) });
    }
    return t.pendingLine({ ...common, last: ctx.clock.format(last) });
  });
}
