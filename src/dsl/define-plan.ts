import type { PlanInput } from './schema/plan.js';

/** The `id`s of the items of a list type `L`. */
export type IdsOf<L> = L extends ReadonlyArray<infer I> ? (I extends { readonly id: infer S extends string } ? S : never) : never;
/** The ids a plan object declares in its section `K` (`roles`, `teams`, `stages`, …). */
export type SectionIds<T, K extends string> = T extends { readonly [P in K]?: infer L } ? IdsOf<L> : never;

/** Role ids a plan object declares. */
export type RoleIdOf<T> = SectionIds<T, 'roles'>;
/** Team ids a plan object declares. */
export type TeamIdOf<T> = SectionIds<T, 'teams'>;
/** Stage ids a plan object declares. */
export type StageIdOf<T> = SectionIds<T, 'stages'>;
/** Event ids a plan object declares. */
export type EventIdOf<T> = SectionIds<T, 'events'>;
/** Field ids a plan object declares. */
export type FieldIdOf<T> = SectionIds<T, 'fields'>;
/** What a `by` entry of a plan object may be: a role, a team, a team position, or `any-role`. */
export type ByEntryOf<T> = RoleIdOf<T> | TeamIdOf<T> | `${TeamIdOf<T>}.${'leader' | 'deputy' | 'members'}` | 'any-role';

/**
 * Any other keys of an item are left to the schema.
 * @inline
 */
type Open = { readonly [key: string]: unknown };

/** The references of a transition of a plan object, typed against the ids it declares. */
export type TransitionRefs<T> = Open & {
  readonly event?: EventIdOf<T>;
  readonly by?: ReadonlyArray<ByEntryOf<T>>;
  readonly target?: StageIdOf<T>;
  readonly targets?: ReadonlyArray<Open & { readonly target?: StageIdOf<T> }>;
  readonly requires?: ReadonlyArray<FieldIdOf<T>>;
};

/** The references of a plan object, typed against the ids it declares. */
export type PlanReferences<T> = {
  readonly teams?: ReadonlyArray<
    Open & { readonly leader?: RoleIdOf<T>; readonly deputy?: RoleIdOf<T>; readonly members?: ReadonlyArray<RoleIdOf<T>> }
  >;
  readonly events?: ReadonlyArray<Open & { readonly requires?: ReadonlyArray<FieldIdOf<T>>; readonly optional?: ReadonlyArray<FieldIdOf<T>> }>;
  readonly stages?: ReadonlyArray<
    Open & {
      readonly owner?: TeamIdOf<T>;
      readonly done?: StageIdOf<T>;
      readonly on?: ReadonlyArray<TransitionRefs<T>>;
      readonly tracks?: ReadonlyArray<Open & { readonly owner?: TeamIdOf<T>; readonly on?: ReadonlyArray<TransitionRefs<T>> }>;
    }
  >;
  readonly transitions?: ReadonlyArray<TransitionRefs<T> & { readonly in?: ReadonlyArray<StageIdOf<T>> | '*' }>;
  readonly deadlines?: ReadonlyArray<
    Open & {
      readonly stage?: StageIdOf<T>;
      readonly metBy?: ReadonlyArray<EventIdOf<T>>;
      readonly within?: ReadonlyArray<StageIdOf<T>>;
    }
  >;
};

/** `T` with every array and object read-only (so that `as const` plans are accepted too). */
export type DeepReadonly<T> = T extends ReadonlyArray<infer U>
  ? ReadonlyArray<DeepReadonly<U>>
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/** A plan with includes cannot be checked by types (its ids live in other files). */
export type Checked<T> = T extends { readonly include: unknown } ? unknown : PlanReferences<T>;

/**
 * Write a plan in TypeScript. Returns the plan unchanged, with its literal types: ids are inferred,
 * and `by`, `target`, `event`, `metBy`, `requires`, team members and stage owners are checked
 * against the roles, teams, stages, events and fields the plan declares (the compiler flags a typo).
 * Run the result through `checkPlan` or `loadPlan` for the full checks.
 *
 * @example
 * const plan = definePlan({
 *   planwright: 1, id: 'mini', version: '1.0.0', title: 'Mini',
 *   severity: [{ id: 'high', title: 'High' }], categories: [{ id: 'any', title: 'Any' }],
 *   roles: [{ id: 'officer', title: 'Officer' }],
 *   events: [{ id: 'CLOSE' }],
 *   stages: [
 *     { id: 'open', title: 'Open', on: [{ event: 'CLOSE', by: ['officer'], target: 'done' }] },
 *     { id: 'done', title: 'Done', final: true },
 *   ],
 * });
 */
export function definePlan<const T extends DeepReadonly<PlanInput>>(plan: T & Checked<T>): T {
  return plan;
}
