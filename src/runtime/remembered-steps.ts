import type { AnyMachineSnapshot } from 'xstate';
import type { CompiledPlan } from '../compile/compiled-plan.js';
import type { PlanMachineEvent } from '../compile/to-machine.js';
import { machineStep, type MachineAction } from './machine-state.js';

/** What the machine did on one step: the next state value and the actions it asked for (frozen, shared). */
export interface RememberedStep {
  readonly value: unknown;
  readonly actions: readonly MachineAction[];
}

/** Most steps remembered per state value (a plan has few guard outcomes per event; this bounds a pathological one). */
const MAX_PER_STATE = 1024;

const stepsBySnapshot = new WeakMap<AnyMachineSnapshot, Map<string, RememberedStep>>();

/**
 * The machine's step from `snapshot` for an event, asked of XState once per state value, event
 * and guard outcomes, then remembered (`make` makes the event when XState is asked).
 *
 * The plan machine is a pure function of those: its context is empty (guards read the event and
 * its `scope`), it has no `assign`, no timers, no history, no invoked actors, and its only
 * actions are the `taken` and `enterStage` markers. So when the engine has evaluated every guard
 * the machine could consult for this event in this state (the `authorized`, `hasFields` and
 * `condition` guards of each candidate transition, a branch per target) and writes the results
 * as `outcomes` (one character per XState transition, laid out by `candidates`, which names the
 * event type and whatever decides the candidate list), two events with the same state,
 * candidates and outcomes take the same transitions to the same state value. The first such
 * event runs the real XState step (`machine.transition`); the others reuse its result. Tests
 * compare remembered steps with fresh XState steps over random events.
 * @internal
 *
 * @example
 * const { value, actions } = rememberedStep(plan, snapshotOf(plan, incident), 'REPORT', '1', () => event);
 */
export function rememberedStep(
  plan: CompiledPlan,
  snapshot: AnyMachineSnapshot,
  candidates: string,
  outcomes: string,
  make: () => PlanMachineEvent,
): RememberedStep {
  let steps = stepsBySnapshot.get(snapshot);
  if (steps === undefined) stepsBySnapshot.set(snapshot, (steps = new Map()));
  const key = `${candidates}\u0000${outcomes}`;
  let step = steps.get(key);
  if (step === undefined) {
    const { value, actions } = machineStep(plan, snapshot, make());
    step = Object.freeze({ value, actions: Object.freeze([...actions]) });
    if (steps.size < MAX_PER_STATE) steps.set(key, step);
  }
  return step;
}
