import { initialTransition, transition, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
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

/** The type and params of the actions XState hands out (not its `exec` and `info`, which hold the event and snapshot). */
function namedActions(actions: ReadonlyArray<{ type: string; params?: unknown }>): MachineAction[] {
  return actions.map(({ type, params }) => (params === undefined ? { type } : { type, params }));
}

/**
 * The pure XState step for an event: the next snapshot, its state value and the actions to run,
 * from XState's public `transition(machine, snapshot, event)`, which executes nothing. It builds a
 * throwaway actor on every call (about 35 µs of CPU against 5 µs for the step alone on the seed
 * plan); the engine asks it once per state value, event and guard outcomes and remembers the
 * answer (remembered-steps.ts), so that cost is not paid per send.
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
  const [next, actions] = transition(xstateMachine(plan.machine) as AnyStateMachine, snapshot, event);
  return { snapshot: next as AnyMachineSnapshot, value: next.value, actions: namedActions(actions) };
}

/** The first state value and its entry actions, frozen and shared. */
interface MachineStartStep {
  readonly value: unknown;
  readonly actions: readonly MachineAction[];
}

/** Remembered initial steps per machine, by the severity the incident opens with. */
const startsByMachine = new WeakMap<object, Map<string | null, MachineStartStep>>();

/**
 * The pure XState initial step: the first state value and its entry actions, from XState's public
 * `initialTransition(machine, input)`. On the way in the plan machine consults only the `atLevel`
 * guards of level-gated tracks (their `always`), which read the input's severity; stage entry
 * actions are markers with fixed params. So the step depends on the severity alone and is asked
 * of XState once per machine and severity (`initialTransition` builds a throwaway actor: about
 * 39 µs of CPU against 8 µs for the step alone, measured on the seed plan; incidents open often). A test compares it with a fresh
 * `initialTransition` for random opening data and levels, on plans with gated tracks.
 * @internal
 *
 * @example
 * const { value } = machineStart(plan, { data: {}, severity: null }); // 'report'
 */
export function machineStart(plan: CompiledPlan, input: PlanMachineContext): MachineStartStep {
  let starts = startsByMachine.get(plan.machine);
  if (starts === undefined) startsByMachine.set(plan.machine, (starts = new Map()));
  let start = starts.get(input.severity);
  if (start === undefined) {
    const [snapshot, actions] = initialTransition(xstateMachine(plan.machine) as AnyStateMachine, input);
    start = Object.freeze({ value: snapshot.value, actions: Object.freeze(namedActions(actions)) });
    // severity is one of the plan's levels (or null): the map stays as small as the plan's scale
    if (starts.size < MAX_SHARED) starts.set(input.severity, start);
  }
  return start;
}
