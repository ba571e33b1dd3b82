import { initialTransition, transition, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
import type { CompiledPlan } from '../../src/compile/compiled-plan.js';
import { xstateMachine, type PlanMachineContext, type PlanMachineEvent } from '../../src/compile/to-machine.js';
import type { MachineAction } from '../../src/runtime/machine-state.js';

// XState's own `transition()` / `initialTransition()`: the oracles `machineStep` and
// `machineStart` (src/runtime/machine-state.ts) are compared with.

/**
 * The same step through XState's own `transition()` (for tests comparing the two).
 *
 * @example
 * expect(machineStep(plan, s, e).value).toEqual(machineStepReference(plan, s, e).value);
 */
export function machineStepReference(
  plan: CompiledPlan,
  snapshot: AnyMachineSnapshot,
  event: PlanMachineEvent,
): { snapshot: AnyMachineSnapshot; value: unknown; actions: MachineAction[] } {
  const [next, actions] = transition(xstateMachine(plan.machine) as AnyStateMachine, snapshot, event);
  return { snapshot: next as AnyMachineSnapshot, value: next.value, actions: actions as unknown as MachineAction[] };
}

/**
 * The same initial step through XState's own `initialTransition()` (for tests comparing the two).
 *
 * @example
 * expect(machineStart(plan, input).value).toEqual(machineStartReference(plan, input).value);
 */
export function machineStartReference(
  plan: CompiledPlan,
  input: PlanMachineContext,
): { snapshot: AnyMachineSnapshot; value: unknown; actions: MachineAction[] } {
  const [snapshot, actions] = initialTransition(xstateMachine(plan.machine) as AnyStateMachine, input);
  return { snapshot: snapshot as AnyMachineSnapshot, value: snapshot.value, actions: actions as unknown as MachineAction[] };
}
