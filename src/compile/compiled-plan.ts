import type { Action } from '../dsl/schema/action.js';
import type { Condition } from '../dsl/schema/condition.js';
import type { EventDeclaration } from '../dsl/schema/event.js';
import type { PlanDefinition } from '../dsl/schema/plan.js';
import type { Stage } from '../dsl/schema/stage.js';
import type { TargetBranch } from '../dsl/schema/transition.js';
import type { FieldValidators } from './field-validators.js';

import type { PlanMachine } from './plan-machine.js';
import type { RenderedTemplate, TemplateValues } from './render-template.js';

/** A plan action as the compiled plan carries it (stage entry, transition, breach): what the runtime runs. */
export type PlanAction = Action;

/** One transition of the plan, placed in a stage (or a track of a stage), with `by` resolved. */
export interface CompiledTransition {
  /** Unique key: `<stage>#<i>` (own), `<stage>/<track>#<i>` (track), `<stage>*<i>` (shared). */
  key: string;
  event: string;
  stage: string;
  track?: string;
  /** Sorted role ids allowed to fire it (with a per-level `by`, at any level). */
  roles: readonly string[];
  /** With a per-level `by` (DSL v2): level → sorted role ids allowed at that level. */
  rolesByLevel?: Readonly<Record<string, readonly string[]>>;
  /** Which level a per-level `by` is judged against (default `current`). */
  authority?: 'current' | 'requested' | 'higher';
  /** A delegate may act for an authorized principal (`actor.onBehalfOf`). */
  delegable?: boolean;
  /** Extra fields the event data must carry here. */
  requires: readonly string[];
  when?: Condition;
  target?: string;
  targets?: readonly TargetBranch[];
  actions: readonly Action[];
  shared: boolean;
}

/** A stage with its transitions indexed by event, in the order the engine and XState try them. */
export interface CompiledStage {
  definition: Stage;
  /** Track ids in plan order (empty without tracks). */
  trackIds: readonly string[];
  /** Track id → event → transitions. */
  tracks: ReadonlyMap<string, ReadonlyMap<string, readonly CompiledTransition[]>>;
  /** Event → the stage's own transitions, then the shared ones. */
  on: ReadonlyMap<string, readonly CompiledTransition[]>;
  /** DSL v2: track id → the levels at which it is required, for the tracks with `levels` only. */
  trackLevels?: ReadonlyMap<string, readonly string[]>;
}

/**
 * A deadline's due time: one duration, one per severity level (ms), or a time of day
 * (`minutes` after local midnight in `timeZone`).
 */
export type CompiledDue =
  | { kind: 'fixed'; ms: number }
  | { kind: 'severity'; ms: Readonly<Record<string, number>> }
  | { kind: 'clock'; minutes: number; timeZone: string }
  | { kind: 'band'; field: string; bands: readonly { below?: number; ms: number }[] };

/** A deadline with durations in ms and its `within` stage set computed. */
export interface CompiledDeadline {
  id: string;
  from: 'open' | 'enter' | 'event' | 'condition';
  stage?: string;
  /** With `from: event`, the event that arms it. */
  event?: string;
  /** A datetime field the base is read from (the occurrence time). */
  at?: string;
  /** With `from: event`: one instance per triggering event. */
  each: boolean;
  /** With `each`: the field whose value pairs a meeting event with its instance. */
  match?: string;
  /** On a regrade, re-base pending instances from the regrade. */
  rebaseOnRegrade: boolean;
  /** 1 when an event at exactly the due instant meets it (`timing.dueInstant: meets`): the breach fires 1 ms after. */
  graceMs: number;
  /** Its `when` reads `severity.previous` or `severity.change`. */
  readsChange: boolean;
  when?: Condition;
  due: CompiledDue;
  metBy: ReadonlySet<string>;
  /** Stages in which an instance stays pending. */
  within: ReadonlySet<string>;
  recurring: boolean;
  /** Reminders, earliest (largest offset) first. */
  reminders: readonly { beforeMs: number; notify: readonly string[] }[];
  breach: readonly Action[];
}

/** A suggested level (DSL v2): the value of an enum field → a severity level; another choice needs `override`. */
export interface CompiledSuggestion {
  id: string;
  /** The enum field read (event data over incident data). */
  from: string;
  /** The severity field an event proposes a level in. */
  to: string;
  /** Value of `from` → suggested level. */
  map: Readonly<Record<string, string>>;
  /** The field a proposer who chooses another level must fill (the reason). */
  override: string;
}

/** Stage (or `stage/track`) → event → the roles allowed to send it there. */
export type AuthorizationTable = Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;

/** Everything the engine needs to run a plan: the machine and the tables built from the definition. */
export interface CompiledPlan {
  readonly definition: PlanDefinition;
  /** sha256 of the canonical JSON of the definition. */
  readonly hash: string;
  readonly machine: PlanMachine;
  readonly initialStage: string;
  /** Severity level ids, most severe first. */
  readonly severityOrder: readonly string[];
  /** Id of the plan's `severity` field, if it has one. */
  readonly severityField: string | undefined;
  readonly roles: ReadonlySet<string>;
  readonly authorization: AuthorizationTable;
  readonly deadlines: readonly CompiledDeadline[];
  /** The same deadlines by id. */
  readonly deadlineById: ReadonlyMap<string, CompiledDeadline>;
  /** Largest reminder offset of any deadline (ms), 0 without reminders. */
  readonly maxReminderMs: number;
  readonly fields: FieldValidators;
  readonly stages: ReadonlyMap<string, CompiledStage>;
  readonly events: ReadonlyMap<string, EventDeclaration>;
  readonly transitions: ReadonlyMap<string, CompiledTransition>;
  /** Suggested levels (DSL v2), in plan order; empty when the plan declares none. */
  readonly suggestions: readonly CompiledSuggestion[];
  /** Renders a template of the plan; `undefined` for an unknown id. */
  renderTemplate(id: string, values: TemplateValues): RenderedTemplate | undefined;
}
