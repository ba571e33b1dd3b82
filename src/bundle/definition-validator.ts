/**
 * The plan schema (src/dsl/schema/*) restated with the runtime's validator kit, so that
 * `loadBundle` checks a bundle's definition without zod, which would be most of the runtime
 * entry's size. The zod schemas stay the source of truth for the DSL (diagnostics, schema.json);
 * this copy must accept exactly what `PlanSchema` accepts, produce the same output (defaults
 * applied) and name the same issues: test/bundle/definition-validator.test.ts compares the two
 * on the seed plan, every fixture and property-generated mutations of them. Patterns, messages
 * and value lists come from src/plan-format/patterns.ts, shared with the zod schemas.
 * A change to a zod schema under src/dsl/schema needs the same change here (the test says where).
 * @internal
 */
import type { PlanDefinition } from '../dsl/schema/plan.js';
import {
  AUTHORITY_AT,
  CLOCK_MESSAGE,
  CLOCK_PATTERN,
  DUE_INSTANT,
  FIELD_REF_PATTERN,
  IMMEDIATELY,
  DEADLINE_FROM,
  DSL_VERSION,
  DURATION_MESSAGE,
  DURATION_PATTERN,
  ID_MAX_LENGTH,
  ID_MESSAGE,
  ID_PATTERN,
  isDurationText,
  LINT_LEVELS,
  LOCALE_MESSAGE,
  LOCALE_PATTERN,
  MEASURE_PER,
  NOTIFY_TARGET_MESSAGE,
  NOTIFY_TARGET_PATTERN,
  RESOURCE_KINDS,
  SEMVER_MESSAGE,
  SEMVER_PATTERN,
} from '../plan-format/patterns.js';
import {
  array,
  bool,
  discriminatedUnion,
  int,
  literal,
  max,
  min,
  num,
  oneOf,
  optional,
  positive,
  record,
  refine,
  regex,
  str,
  strictObject,
  union,
  withDefault,
  type Shape,
  type Validator,
} from '../validate/validate.js';

const list = <T>(item: Validator<T>): Validator<T[]> => withDefault(array(item), () => []);

// common.ts
const Id = str(regex(ID_PATTERN, ID_MESSAGE), max(ID_MAX_LENGTH));
const LocalizedText = union<unknown>([str(min(1)), record(str(regex(LOCALE_PATTERN, LOCALE_MESSAGE)), str(min(1)))]);
const Duration = str(regex(DURATION_PATTERN, DURATION_MESSAGE), refine(isDurationText, DURATION_MESSAGE));
const text = optional(LocalizedText);
const DueDuration = union<unknown>([literal(IMMEDIATELY), Duration]);

// severity.ts, category.ts, role.ts, template.ts (a severity level, an impact and a role have the same shape)
const SeverityLevel = strictObject({ id: Id, title: LocalizedText, description: text });
const TriggerCategory = strictObject({ id: Id, title: LocalizedText, description: text, examples: optional(array(LocalizedText)) });
const Impact = SeverityLevel;
const Role = SeverityLevel;
const Template = strictObject({ id: Id, title: LocalizedText, body: LocalizedText });

// team.ts
const Team = strictObject({
  id: Id,
  title: LocalizedText,
  leader: optional(Id),
  deputy: optional(Id),
  members: list(Id),
  duties: list(LocalizedText),
});

// threshold.ts, suggestion.ts (DSL v2)
const Unit = str(min(1), max(16));
const Threshold = strictObject({ id: Id, title: text, unit: Unit, value: optional(num()), field: optional(Id) });
const Suggestion = strictObject({ id: Id, title: text, from: Id, to: Id, map: record(str(min(1)), Id), override: Id });

// field.ts
const base: Shape = { id: Id, title: text, description: text };
const Field = discriminatedUnion<unknown>('type', {
  text: strictObject({ ...base, type: literal('text'), maxLength: optional(num(int, positive)) }),
  number: strictObject({ ...base, type: literal('number'), min: optional(num()), max: optional(num()), integer: optional(bool), unit: optional(Unit) }),
  enum: strictObject({ ...base, type: literal('enum'), values: array(str(min(1)), min(1)) }),
  boolean: strictObject({ ...base, type: literal('boolean') }),
  datetime: strictObject({ ...base, type: literal('datetime') }),
  severity: strictObject({ ...base, type: literal('severity') }),
});

// resource.ts
const Resource = strictObject({
  id: Id,
  title: LocalizedText,
  kind: optional(oneOf(RESOURCE_KINDS)),
  description: text,
  whenNeeded: optional(bool),
});

const EffectDeclaration = strictObject(base);

// event.ts
const EventDeclaration = strictObject({ id: Id, title: text, requires: list(Id), optional: list(Id) });

// condition.ts (recursive)
const Scalar = union<unknown>([str(), num(), bool]);
const FieldRef = str(regex(FIELD_REF_PATTERN, ID_MESSAGE), max(ID_MAX_LENGTH));
const Bound = union<unknown>([num(), strictObject({ field: FieldRef, plus: optional(num()) }), strictObject({ threshold: Id, plus: optional(num()) })]);
const Condition: Validator = (value, issues) => ConditionUnion(value, issues);
const ConditionUnion = union<unknown>([
  strictObject({
    field: FieldRef,
    eq: optional(Scalar),
    ne: optional(Scalar),
    in: optional(array(Scalar)),
    lt: optional(Bound),
    lte: optional(Bound),
    gt: optional(Bound),
    gte: optional(Bound),
    exists: optional(bool),
  }),
  strictObject({ all: array(Condition, min(1)) }),
  strictObject({ any: array(Condition, min(1)) }),
  strictObject({ not: Condition }),
]);

// action.ts (after condition.ts: an action's `when` is a condition)
const NotifyTarget = str(regex(NOTIFY_TARGET_PATTERN, NOTIFY_TARGET_MESSAGE), max(ID_MAX_LENGTH));
const Action = union<unknown>([
  strictObject({ notify: array(NotifyTarget, min(1)), template: optional(Id), message: text, when: optional(Condition) }),
  strictObject({ regrade: union<unknown>([literal('up'), literal('down'), Id]), when: optional(Condition) }),
  strictObject({ record: LocalizedText, when: optional(Condition) }),
  strictObject({ effect: Id, template: optional(Id), to: optional(array(Id)), when: optional(Condition) }),
]);

// transition.ts
const transitionShape: Shape = {
  event: Id,
  by: union<unknown>([array(str(min(1)), min(1)), record(Id, array(str(min(1)), min(1)))]),
  authority: optional(oneOf(AUTHORITY_AT)),
  delegable: optional(bool),
  when: optional(Condition),
  requires: optional(array(Id)),
  target: optional(Id),
  targets: optional(array(strictObject({ when: optional(Condition), target: Id, do: optional(array(Action)) }), min(1))),
  do: optional(array(Action)),
};
const Transition = strictObject(transitionShape);
const SharedTransition = strictObject({ ...transitionShape, in: union<unknown>([array(Id, min(1)), literal('*')]) });

// stage.ts
const Track = strictObject({ id: Id, title: text, owner: optional(Id), levels: optional(array(Id, min(1))), on: array(Transition, min(1)) });
const Stage = strictObject({
  id: Id,
  title: LocalizedText,
  description: text,
  owner: optional(Id),
  ownerByLevel: optional(record(Id, Id)),
  resources: list(Id),
  enter: optional(array(Action)),
  on: list(Transition),
  tracks: optional(array(Track)),
  done: optional(Id),
  final: optional(bool),
});

// deadline.ts
const Deadline = strictObject({
  id: Id,
  title: text,
  owner: optional(Id),
  from: withDefault(oneOf(DEADLINE_FROM), () => 'open' as const),
  stage: optional(Id),
  event: optional(Id),
  at: optional(Id),
  each: optional(bool),
  match: optional(Id),
  rebase: optional(literal('regrade')),
  when: optional(Condition),
  due: union<unknown>([
    DueDuration,
    strictObject({ clock: str(regex(CLOCK_PATTERN, CLOCK_MESSAGE)) }),
    strictObject({ band: Id, bands: array(strictObject({ below: optional(num()), due: DueDuration }), min(1)) }),
    record(Id, DueDuration),
  ]),
  metBy: array(Id, min(1)),
  within: optional(array(Id)),
  recurring: optional(bool),
  remind: optional(array(strictObject({ before: Duration, notify: array(Id, min(1)) }))),
  breach: list(Action),
});

// migration.ts, metadata.ts
const Migration = strictObject({ from: str(regex(SEMVER_PATTERN)), stages: withDefault(record(Id, Id), () => ({})) });
const EvaluationCriterion = strictObject({ id: Id, title: LocalizedText, description: text, measure: optional(Id) });

// measure.ts
const measureBase: Shape = { id: Id, title: LocalizedText, description: text };
const Measure = discriminatedUnion<unknown>('kind', {
  'time-to': strictObject({
    ...measureBase,
    kind: literal('time-to'),
    from: withDefault(union<unknown>([literal('open'), strictObject({ stage: Id })]), () => 'open'),
    to: union<unknown>([strictObject({ event: union<unknown>([Id, array(Id, min(1))]) }), strictObject({ stage: Id })]),
    limit: optional(Duration),
  }),
  'deadline-time': strictObject({ ...measureBase, kind: literal('deadline-time'), deadline: Id }),
  'deadline-met-rate': strictObject({
    ...measureBase,
    kind: literal('deadline-met-rate'),
    per: withDefault(oneOf(MEASURE_PER), () => 'deadline' as const),
    deadlines: optional(array(Id)),
  }),
  'breach-count': strictObject({ ...measureBase, kind: literal('breach-count'), deadlines: optional(array(Id)) }),
  'field-change': strictObject({ ...measureBase, kind: literal('field-change'), field: Id }),
  'refusal-count': strictObject({ ...measureBase, kind: literal('refusal-count'), events: optional(array(Id)) }),
});
const DrillGuidance = strictObject({ title: text, guidance: list(LocalizedText), scenarios: list(LocalizedText) });
const LintConfig = record(str(), oneOf(LINT_LEVELS));

// header.ts + plan.ts
/** The whole plan: what `PlanSchema` checks, without zod. */
export const PlanDefinitionValidator = strictObject({
  $schema: optional(str()),
  planwright: literal(DSL_VERSION),
  id: Id,
  version: str(regex(SEMVER_PATTERN, SEMVER_MESSAGE)),
  title: LocalizedText,
  description: text,
  locales: optional(array(str(regex(LOCALE_PATTERN)), min(1))),
  timezone: optional(str(min(1))),
  include: optional(array(str(min(1)))),
  severity: array(SeverityLevel, min(1)),
  categories: array(TriggerCategory, min(1)),
  impacts: list(Impact),
  roles: array(Role, min(1)),
  teams: list(Team),
  fields: list(Field),
  resources: list(Resource),
  templates: list(Template),
  effects: list(EffectDeclaration),
  events: array(EventDeclaration, min(1)),
  stages: array(Stage, min(1)),
  transitions: list(SharedTransition),
  deadlines: list(Deadline),
  thresholds: optional(array(Threshold)),
  suggestions: optional(array(Suggestion)),
  timing: optional(strictObject({ immediately: optional(Duration), dueInstant: optional(oneOf(DUE_INSTANT)) })),
  migrations: list(Migration),
  evaluation: list(EvaluationCriterion),
  measures: list(Measure),
  drills: optional(DrillGuidance),
  notes: text,
  lint: optional(LintConfig),
}) as Validator<PlanDefinition>;
