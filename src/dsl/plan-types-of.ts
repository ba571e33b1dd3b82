import type { LoosePlanTypes } from '../runtime/typed-plan.js';
import type { SectionIds } from './define-plan.js';

/** The items of section `K` of a plan object (one union of their types). */
type PlanItemOf<T, K extends string> = T extends { readonly [P in K]?: infer L } ? (L extends ReadonlyArray<infer I> ? I : never) : never;

/** The id of an item type. */
type ItemIdOf<I> = I extends { readonly id: infer S extends string } ? S : never;

/** The ids an item type lists under `K` (`requires`, `optional`). */
type ListedIds<I, K extends string> = I extends { readonly [P in K]?: ReadonlyArray<infer S extends string> } ? S : never;

/** Flattens an intersection into one object type (same keys and modifiers). */
type Flat<O> = { [K in keyof O]: O[K] };

/** The type of a field's value, as the engine accepts it. */
type FieldValueType<T, F> = F extends { readonly type: 'text' | 'datetime' }
  ? string
  : F extends { readonly type: 'number' }
    ? number
    : F extends { readonly type: 'boolean' }
      ? boolean
      : F extends { readonly type: 'enum'; readonly values: ReadonlyArray<infer V extends string> }
        ? V
        : F extends { readonly type: 'severity' }
          ? SectionIds<T, 'severity'>
          : unknown;

/** The value type of field `Id` of plan object `T`. */
type FieldValueOf<T, Id extends string> = FieldValueType<T, Extract<PlanItemOf<T, 'fields'>, { readonly id: Id }>>;

/** Every transition of a plan object: its stages' own, their tracks', and the shared ones. */
type TransitionOf<T> =
  | PlanItemOf<T, 'transitions'>
  | PlanItemOf<PlanItemOf<T, 'stages'>, 'on'>
  | PlanItemOf<PlanItemOf<PlanItemOf<T, 'stages'>, 'tracks'>, 'on'>;

/** Fields a transition on event `Id` requires (besides the event's own). */
type TransitionRequires<T, Id extends string> = ListedIds<Extract<TransitionOf<T>, { readonly event: Id }>, 'requires'>;

/** The data an event item carries: required fields, then optional ones (its own, and those a transition requires). */
type EventDataType<T, E> = [ListedIds<E, 'requires'> | ListedIds<E, 'optional'> | TransitionRequires<T, ItemIdOf<E>>] extends [never]
  ? Record<string, never>
  : Flat<
      { [K in ListedIds<E, 'requires'>]: FieldValueOf<T, K> } & {
        [K in Exclude<ListedIds<E, 'optional'> | TransitionRequires<T, ItemIdOf<E>>, ListedIds<E, 'requires'>>]?: FieldValueOf<T, K>;
      }
    >;

/**
 * The types of a plan written with `definePlan` — the same interface `planwright types` writes for
 * a plan file — for `createEngine<PlanTypesOf<typeof plan>>(compilePlan(plan))`. A plan with
 * `include` gets {@link LoosePlanTypes} (its ids live in other files: run `planwright types`).
 *
 * @example
 * const plan = definePlan({ ... });
 * type FloodPlan = PlanTypesOf<typeof plan>;
 * const engine = createEngine<FloodPlan>(compilePlan(plan));
 */
export type PlanTypesOf<T> = T extends { readonly include: unknown }
  ? LoosePlanTypes
  : {
      events: { [E in PlanItemOf<T, 'events'> as ItemIdOf<E>]: EventDataType<T, E> };
      stages: SectionIds<T, 'stages'>;
      roles: SectionIds<T, 'roles'>;
      categories: SectionIds<T, 'categories'>;
      severities: SectionIds<T, 'severity'>;
      deadlines: SectionIds<T, 'deadlines'>;
      effects: SectionIds<T, 'effects'>;
      templates: SectionIds<T, 'templates'>;
      fields: { [F in PlanItemOf<T, 'fields'> as ItemIdOf<F>]: FieldValueType<T, F> };
    };
