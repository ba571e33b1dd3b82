import { createActor, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
import { canonicalize } from '../compile/canonical-json.js';
import type { CompiledPlan } from '../compile/compiled-plan.js';
import { xstateMachine, type PlanMachineContext, type PlanMachineEvent } from '../compile/to-machine.js';
import { deepFreeze } from './deep-freeze.js';
import type { Incident } from './incident.js';
import { PlanwrightError } from '../errors/planwright-error.js';

/** Thrown when a stored incident cannot be read as an incident of the plan. */
export class IncidentDataError extends PlanwrightError {
  override readonly name = 'IncidentDataError';
  readonly code = 'invalid-incident-data';
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
 *
 * @example
 * stateFields(plan, { respond: { release: 'done', media: 'pending', public: 'pending' } }).tracks; // ['media', 'public']
 */
export function stateFields(plan: CompiledPlan, value: unknown): { stage: string; state: unknown; tracks: string[] } {
  if (typeof value === 'string') return { stage: value, state: value, tracks: [] };
  // A remembered step hands out the same value object each time: its fields are worked out once
  // (and shared, frozen, by every incident in that state).
  const known = fieldsByValue.get(value as object);
  if (known !== undefined && known.plan === plan) return known.fields;
  const [stage, inner] = Object.entries(value as Record<string, unknown>)[0] ?? ['', undefined];
  const regions = (inner ?? {}) as Record<string, unknown>;
  const order = plan.stages.get(stage)?.trackIds ?? [];
  // pending tracks only: not done, and not set aside at this level (a level-gated track's `absent`)
  const tracks = order.filter((t) => regions[t] !== 'done' && regions[t] !== 'absent');
  const fields = { stage, state: deepFreeze(canonicalize(value)), tracks: Object.freeze(tracks) as string[] };
  fieldsByValue.set(value as object, { plan, fields });
  return fields;
}

const fieldsByValue = new WeakMap<object, { plan: CompiledPlan; fields: { stage: string; state: unknown; tracks: string[] } }>();

/**
 * One snapshot per state value and machine, shared by every incident in that state. The engine
 * never reads a snapshot's context (guards get the incident's current values in the event's
 * `scope`, and the plan machine has no `assign`), so these are resolved with an empty context and
 * are the same for all incidents: an incident's snapshot is a look-up by its state value, never
 * stored per incident, and restoring an incident costs no `resolveState`.
 */
const sharedByMachine = new WeakMap<object, Map<string, AnyMachineSnapshot>>();
/** Most state values remembered per machine (a plan has few; this bounds a pathological one). */
const MAX_SHARED = 10_000;

/**
 * The machine snapshot of an incident's state value (`machine.resolveState` once per state
 * value); throws {@link IncidentDataError} when the state is not one of the plan. The snapshot's
 * context is empty: the engine gives guards the current values in the event (`scope`).
 * @internal
 *
 * @example
 * const snapshot = snapshotOf(plan, incident);
 */
export function snapshotOf(plan: CompiledPlan, incident: Pick<Incident, 'id' | 'state'>): AnyMachineSnapshot {
  let byValue = sharedByMachine.get(plan.machine);
  if (byValue === undefined) sharedByMachine.set(plan.machine, (byValue = new Map()));
  const key = JSON.stringify(incident.state);
  let snapshot = byValue.get(key);
  if (snapshot === undefined) {
    try {
      snapshot = xstateMachine(plan.machine).resolveState({ value: incident.state as never, context: { data: {}, severity: null } }) as AnyMachineSnapshot;
    } catch (error) {
      throw new IncidentDataError(incident.id, `state ${key} is not a state of plan ${plan.definition.id}`, { cause: error });
    }
    if (byValue.size < MAX_SHARED) byValue.set(key, snapshot);
  }
  return snapshot;
}

/** A named action the machine asked for (`taken`, `enterStage`). */
export interface MachineAction {
  type: string;
  params?: unknown;
}

/** The inert actor scope `transition()` would build, made once per machine. */
interface InertScope {
  actions: MachineAction[];
  scope: Record<string, unknown>;
}
const scopes = new WeakMap<object, InertScope>();

function inertScope(machine: AnyStateMachine): InertScope {
  let known = scopes.get(machine);
  if (known === undefined) {
    const self = createActor(machine);
    const made: InertScope = (known = { actions: [], scope: {} });
    made.scope = {
      self,
      defer: () => {},
      id: '',
      logger: () => {},
      sessionId: '',
      stopChild: () => {},
      system: self.system,
      emit: () => {},
      actionExecutor: (action: MachineAction) => {
        made.actions.push(action);
      },
    };
    scopes.set(machine, made);
  }
  return known;
}

/** Runs one pure XState step in the machine's inert scope; returns its snapshot, state value and the actions it asked for. */
function collected(
  machine: AnyStateMachine,
  step: (scope: Record<string, unknown>) => AnyMachineSnapshot,
): { snapshot: AnyMachineSnapshot; value: unknown; actions: MachineAction[] } {
  const inert = inertScope(machine);
  inert.actions = [];
  const snapshot = step(inert.scope);
  const actions = inert.actions;
  inert.actions = [];
  return { snapshot, value: snapshot.value, actions };
}

/**
 * The pure XState step for an event: the next snapshot, its state value and the actions to run.
 * It is what XState's `transition(machine, snapshot, event)` computes (`machine.transition` with
 * an inert actor scope that only collects actions), but with the scope made once per machine:
 * `transition()` builds a throwaway actor, and so the machine's initial state, on every call,
 * which was most of its cost (bench/results.md). A test checks both agree step by step.
 * @internal
 *
 * @example
 * const { value, actions } = machineStep(plan, snapshotOf(plan, incident), { type: 'REPORT', by, data });
 */
export function machineStep(
  plan: CompiledPlan,
  snapshot: AnyMachineSnapshot,
  event: PlanMachineEvent,
): { snapshot: AnyMachineSnapshot; value: unknown; actions: MachineAction[] } {
  const machine: AnyStateMachine = xstateMachine(plan.machine);
  return collected(machine, (scope) => machine.transition(snapshot, event, scope as never) as AnyMachineSnapshot);
}

/**
 * The pure XState initial step: the first state value and its entry actions. It is what XState's
 * `initialTransition()` computes (`machine.getInitialSnapshot` with an inert scope collecting
 * actions), with the scope made once per machine as in {@link machineStep}.
 * @internal
 *
 * @example
 * const { value } = machineStart(plan, { data: {}, severity: null }); // 'report'
 */
export function machineStart(
  plan: CompiledPlan,
  input: PlanMachineContext,
): { snapshot: AnyMachineSnapshot; value: unknown; actions: MachineAction[] } {
  const machine: AnyStateMachine = xstateMachine(plan.machine);
  return collected(machine, (scope) => machine.getInitialSnapshot(scope as never, input) as AnyMachineSnapshot);
}
