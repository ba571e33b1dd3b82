import { and, not, setup, type AnyActorRef, type EventObject, type MetaObject, type ParameterizedObject, type ProvidedActor, type StateMachine, type StateSchema, type StateValue } from 'xstate';
import type { Condition } from '../dsl/schema/condition.js';
import type { PlanDefinition } from '../dsl/schema/plan.js';
import { mayFire } from './level-authority.js';
import { LEVEL_EVENT, trackRequired } from './level-duties.js';
import type { CompiledStage, CompiledTransition } from './compiled-plan.js';
import type { PlanMachine } from './plan-machine.js';
import { evaluateCondition } from './conditions.js';

/** The machine's context: the incident's field values and severity (rebuilt from the incident). */
export interface PlanMachineContext {
  data: Readonly<Record<string, unknown>>;
  severity: string | null;
}

/** An event as the machine sees it: the engine has stamped and validated it. */
export interface PlanMachineEvent {
  type: string;
  by: { id: string; roles: readonly string[]; onBehalfOf?: { id: string; roles: readonly string[] } };
  data: Readonly<Record<string, unknown>>;
  /**
   * The incident's field values with the event data laid over them, and its severity, when the
   * sender has them at hand (the engine does): conditions then read these instead of the context.
   */
  scope?: {
    values: Readonly<Record<string, unknown>>;
    severity: string | null;
    /** The levels a per-level `by` is judged at: before the event, requested by it, and the more severe of the two. */
    levels?: { current: string | null; requested: string | null; higher: string | null };
    /** The incident's level once the event is applied: level-gated tracks (DSL v2 `levels`) are judged at it. */
    level?: string | null;
  };
}

/** Params of the `taken` action: which plan transition (and branch target) was taken. */
export interface TakenParams {
  key: string;
  target?: string;
  /** With `targets`: the index of the branch taken (its own `do` runs after the transition's). */
  branch?: number;
}

/** Params of the `enterStage` action. */
export interface EnterStageParams {
  stage: string;
}

function planSetup() {
  return setup({
    types: {} as { context: PlanMachineContext; events: PlanMachineEvent; input: PlanMachineContext | undefined },
    guards: {
      /** The actor holds one of `roles`. */
      authorized: ({ context, event }, params: Pick<CompiledTransition, 'roles' | 'rolesByLevel' | 'authority' | 'delegable'>) =>
        event.by !== undefined &&
        Array.isArray(event.by.roles) &&
        mayFire(event.by, params, event.scope?.levels ?? { current: context.severity, requested: context.severity, higher: context.severity }),
      /** The event data carries every field of `fields`. */
      hasFields: ({ event }, params: { fields: readonly string[] }) =>
        params.fields.every((f) => event.data !== undefined && event.data[f] !== undefined),
      /** The plan condition holds over the incident data with the event data laid over it. */
      /** The level after the event (else the context's) is one at which a gated track is required. */
      atLevel: ({ context, event }, params: { levels: readonly string[] }) =>
        trackRequired(params.levels, event.scope?.level !== undefined ? event.scope.level : context.severity),
      condition: ({ context, event }, params: { when: Condition }) =>
        event.scope !== undefined
          ? evaluateCondition(params.when, event.scope.values, event.scope.severity)
          : evaluateCondition(params.when, { ...context.data, ...(event.data ?? {}) }, context.severity),
    },
    actions: {
      /** Marker: a plan transition was taken (the engine runs its consequences). */
      taken: (_, _params: TakenParams) => undefined,
      /** Marker: a stage was entered. */
      enterStage: (_, _params: EnterStageParams) => undefined,
    },
  });
}

/**
 * The XState machine compiled from a plan, with its XState types (its states come from plan data,
 * so the state value is untyped). Internal: the public {@link PlanMachine} is opaque.
 * @internal
 */
export type XStatePlanMachine = StateMachine<
  PlanMachineContext,
  PlanMachineEvent,
  Record<string, AnyActorRef | undefined>,
  ProvidedActor,
  ParameterizedObject,
  ParameterizedObject,
  string,
  StateValue,
  string,
  PlanMachineContext | undefined,
  unknown,
  EventObject,
  MetaObject,
  StateSchema
>;

/**
 * The XState machine behind an opaque {@link PlanMachine} (for the runtime and tests).
 * @internal
 *
 * @example
 * const [snapshot] = initialTransition(xstateMachine(plan.machine), { data: {}, severity: null });
 */
export function xstateMachine(machine: PlanMachine): XStatePlanMachine {
  return machine as unknown as XStatePlanMachine;
}

type GuardRef =
  | { type: 'authorized'; params: { roles: readonly string[] } }
  | { type: 'hasFields'; params: { fields: readonly string[] } }
  | { type: 'condition'; params: { when: Condition } };

/**
 * Builds the XState v5 machine of a plan with `setup()`: stages are states, a stage's tracks are
 * the regions of a parallel state (`pending` → `done`, `onDone` to the stage's `done`), the final
 * stage is a final state. Guards (`authorized`, `hasFields`, `condition`) and actions (`taken`,
 * `enterStage`) are named; the engine interprets the actions `transition()` returns.
 *
 * @example
 * const machine = toMachine(plan, stages);
 * const [snapshot] = initialTransition(machine, { data: {}, severity: null });
 */
export function toMachine(definition: PlanDefinition, stages: ReadonlyMap<string, CompiledStage>): PlanMachine {
  const states: Record<string, unknown> = {};
  for (const stage of definition.stages) {
    const compiled = stages.get(stage.id);
    const node: Record<string, unknown> = { entry: [{ type: 'enterStage', params: { stage: stage.id } }] };
    states[stage.id] = node;
    if (compiled === undefined || stage.final === true) {
      node['type'] = 'final';
      continue;
    }
    node['on'] = toOn(compiled.on);
    if (compiled.trackIds.length === 0) continue;
    const regions: Record<string, unknown> = {};
    for (const [trackId, trackOn] of compiled.tracks) {
      const levels = compiled.trackLevels?.get(trackId);
      regions[trackId] = levels === undefined ? { initial: 'pending', states: { pending: { on: toOn(trackOn, 'done') }, done: { type: 'final' } } } : gatedRegion(toOn(trackOn, 'done'), levels);
    }
    node['type'] = 'parallel';
    node['states'] = regions;
    if (stage.done !== undefined) node['onDone'] = { target: stage.done };
  }
  const first = definition.stages[0]?.id ?? '';
  const machine = planSetup().createMachine({
    id: 'planwright',
    context: ({ input }) => input ?? { data: {}, severity: null },
    initial: first,
    // The config is built from data; its shape is checked by the compile tests.
    states: states as never,
  });
  return machine as unknown as PlanMachine;
}

/**
 * The region of a track present only at some levels (DSL v2 §4): entered through `gate`, which
 * goes to `pending` at a level that requires it and to `absent` (final, so it does not hold up the
 * stage's `done`) at any other. The engine's level event moves `absent` → `pending` when the level
 * rises into the track's levels and `pending` → `absent` when it leaves them; `done` stays done.
 */
function gatedRegion(on: Record<string, unknown[]>, levels: readonly string[]): Record<string, unknown> {
  const atLevel = { type: 'atLevel', params: { levels } };
  return {
    initial: 'gate',
    states: {
      gate: { always: [{ guard: atLevel, target: 'pending' }, { target: 'absent' }] },
      absent: { type: 'final', on: { [LEVEL_EVENT]: { guard: atLevel, target: 'pending' } } },
      pending: { on: { ...on, [LEVEL_EVENT]: { guard: not(atLevel as never), target: 'absent' } } },
      done: { type: 'final' },
    },
  };
}

function toOn(map: ReadonlyMap<string, readonly CompiledTransition[]>, trackTarget?: string): Record<string, unknown[]> {
  const on: Record<string, unknown[]> = {};
  for (const [event, list] of map) on[event] = list.flatMap((t) => toXState(t, trackTarget));
  return on;
}

/** XState transitions of one plan transition: one per branch target, guarded by its roles, fields and conditions. */
function toXState(t: CompiledTransition, trackTarget: string | undefined): unknown[] {
  const who: Pick<CompiledTransition, 'roles' | 'rolesByLevel' | 'authority' | 'delegable'> = { roles: t.roles };
  if (t.rolesByLevel !== undefined) who.rolesByLevel = t.rolesByLevel;
  if (t.authority !== undefined) who.authority = t.authority;
  if (t.delegable === true) who.delegable = true;
  const base: GuardRef[] = [{ type: 'authorized', params: who }];
  if (t.requires.length > 0) base.push({ type: 'hasFields', params: { fields: t.requires } });
  if (t.when !== undefined) base.push({ type: 'condition', params: { when: t.when } });
  const branches: ReadonlyArray<{ target?: string | undefined; when?: Condition | undefined }> = t.targets ?? [{ target: t.target }];
  return branches.map((b, index) => {
    const all: GuardRef[] = b.when === undefined ? base : [...base, { type: 'condition', params: { when: b.when } }];
    const taken: TakenParams = { key: t.key };
    if (t.targets !== undefined) taken.branch = index;
    const out: Record<string, unknown> = { guard: all.length === 1 ? all[0] : and(all as never), actions: [{ type: 'taken', params: taken }] };
    // a track transition completes its track (no branch target); a stage transition re-enters its target
    if (trackTarget !== undefined) out['target'] = trackTarget;
    else if (b.target !== undefined) {
      out['target'] = taken.target = b.target;
      out['reenter'] = true;
    }
    return out;
  });
}
