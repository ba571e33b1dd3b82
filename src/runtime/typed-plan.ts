/**
 * The ids and data shapes of one plan, for the compiler: `planwright types` writes them as a
 * declaration file, and `PlanTypesOf<typeof plan>` infers them from a `definePlan` plan. Given to
 * `createEngine<Types>(…)`, they type events, incidents, effect handlers and their payloads.
 * Without them every id is a `string` and every data a record ({@link LoosePlanTypes}).
 *
 * @example
 * // plan-types.d.ts, written by `planwright types plans/flood.plan.yaml -o plan-types.d.ts`
 * import type { FloodPlan } from './plan-types.js';
 * const engine = createEngine<FloodPlan>(bundle, { effects: { notify } });
 */
export interface PlanTypes {
  /** Event type → the data it carries: required fields, and optional ones (`?`). */
  readonly events: object;
  /** Stage ids. */
  readonly stages: string;
  /** Role ids. */
  readonly roles: string;
  /** Category ids. */
  readonly categories: string;
  /** Severity level ids. */
  readonly severities: string;
  /** Deadline ids. */
  readonly deadlines: string;
  /** Effect ids the plan declares (besides the built-in `notify`). */
  readonly effects: string;
  /** Template ids. */
  readonly templates: string;
  /** Field id → the type of its value. */
  readonly fields: object;
}

/** The types of a plan nothing is known about: any id, any data. The default of every typed API. */
export interface LoosePlanTypes extends PlanTypes {
  readonly events: Readonly<Record<string, Record<string, unknown>>>;
  readonly stages: string;
  readonly roles: string;
  readonly categories: string;
  readonly severities: string;
  readonly deadlines: string;
  readonly effects: string;
  readonly templates: string;
  readonly fields: Record<string, unknown>;
}

/** `true` for {@link LoosePlanTypes} (event types are any string), `false` for a plan's own types. */
export type IsLoosePlan<T extends PlanTypes> = string extends keyof T['events'] ? true : false;

/** The event types of a plan. */
export type EventTypeOf<T extends PlanTypes> = keyof T['events'] & string;

/** The data an event of type `E` carries. */
export type EventDataOf<T extends PlanTypes, E extends EventTypeOf<T>> = T['events'][E];

/** Field values of an incident of the plan: any of its fields, each once set. */
export type IncidentDataOf<T extends PlanTypes> = Partial<T['fields']>;
