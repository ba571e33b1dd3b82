import { initialTransition, transition, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
import { canonicalize } from '../compile/canonical-json.js';
import type { CompiledPlan } from '../compile/compiled-plan.js';
import type { PlanMachineContext } from '../compile/to-machine.js';
import type { Incident } from './incident.js';

/** Thrown when a stored incident cannot be read as an incident of the plan. */
export class IncidentDataError extends Error {
  override readonly name = 'IncidentDataError';
  constructor(
    readonly incidentId: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`incident ${incidentId}: ${reason}`, options);
  }
}

/**
 * The incident fields that mirror the machine's state value: the active stage, the track ids
 * not done yet, and the state value itself (canonical).
 * @internal
 */
export function stateFields(plan: CompiledPlan, value: unknown): { stage: string; state: unknown; tracks: string[] } {
  if (typeof value === 'string') return { stage: value, state: value, tracks: [] };
  const [stage, inner] = Object.entries(value as Record<string, unknown>)[0] ?? ['', undefined];
  const regions = (inner ?? {}) as Record<string, unknown>;
  const order = plan.stages.get(stage)?.trackIds ?? [];
  const tracks = order.filter((t) => regions[t] !== 'done');
  return { stage, state: canonicalize(value), tracks };
}

/**
 * Rebuilds the machine snapshot of an incident from its stored state value and data
 * (`machine.resolveState`); throws {@link IncidentDataError} when the state is not one of the plan.
 * @internal
 */
export function snapshotOf(plan: CompiledPlan, incident: Pick<Incident, 'id' | 'state' | 'data' | 'severity'>): AnyMachineSnapshot {
  try {
    return plan.machine.resolveState({
      value: incident.state as never,
      context: { data: incident.data, severity: incident.severity },
    }) as AnyMachineSnapshot;
  } catch (error) {
    throw new IncidentDataError(incident.id, `state ${JSON.stringify(incident.state)} is not a state of plan ${plan.definition.id}`, {
      cause: error,
    });
  }
}

/** A named action the machine asked for (`taken`, `enterStage`). */
export interface MachineAction {
  type: string;
  params?: unknown;
}

/**
 * The pure XState step for an event: the next state value and the actions, via `transition()`.
 * @internal
 */
export function machineStep(
  plan: CompiledPlan,
  snapshot: AnyMachineSnapshot,
  event: { type: string; by: { id: string; roles: readonly string[] }; data: Readonly<Record<string, unknown>> },
): { value: unknown; actions: MachineAction[] } {
  const [next, actions] = transition(plan.machine as AnyStateMachine, snapshot, event);
  return { value: next.value, actions: actions as unknown as MachineAction[] };
}

/**
 * The pure XState initial step: the first state value and its entry actions, via `initialTransition()`.
 * @internal
 */
export function machineStart(plan: CompiledPlan, input: PlanMachineContext): { value: unknown; actions: MachineAction[] } {
  const [snapshot, actions] = initialTransition(plan.machine as AnyStateMachine, input);
  return { value: snapshot.value, actions: actions as unknown as MachineAction[] };
}
