/**
 * The plan definition a bundle holds, as a `zod/mini` schema: what `readBundle` checks a bundle's
 * definition with. It states the same rules as the DSL's schemas (src/dsl/schema/*, classic zod
 * with descriptions for schema.json and diagnostics) and lives here, below both the runtime and the
 * DSL, so that the runtime never imports src/dsl. Patterns, messages and value lists come from
 * ./patterns.ts, shared with the DSL's schemas; test/bundle/definition-validator.test.ts checks
 * that the two accept the same definitions with the same output and issues.
 * @internal
 */
import * as z from 'zod/mini';
import {
  AUTHORITY_AT,
  CLOCK_MESSAGE,
  CLOCK_PATTERN,
  DEADLINE_FROM,
  DSL_VERSION,
  DUE_INSTANT,
  DURATION_MESSAGE,
  DURATION_PATTERN,
  FIELD_REF_PATTERN,
  ID_MAX_LENGTH,
  ID_MESSAGE,
  ID_PATTERN,
  IMMEDIATELY,
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
} from './patterns.js';

/** A list that is empty when absent. */
const list = <Item extends z.ZodMiniType>(item: Item) => z._default(z.array(item), () => []);
/** A list of at least one item. */
const nonEmpty = <Item extends z.ZodMiniType>(item: Item) => z.array(item).check(z.minLength(1));
/** A non-empty string. */
const filled = () => z.string().check(z.minLength(1));

// common.ts
const Id = z.string().check(z.regex(ID_PATTERN, ID_MESSAGE), z.maxLength(ID_MAX_LENGTH));
const LocalizedText = z.union([filled(), z.record(z.string().check(z.regex(LOCALE_PATTERN, LOCALE_MESSAGE)), filled())]);
const Duration = z.string().check(z.regex(DURATION_PATTERN, DURATION_MESSAGE), z.refine(isDurationText, DURATION_MESSAGE));
const text = z.optional(LocalizedText);
const DueDuration = z.union([z.literal(IMMEDIATELY), Duration]);

// severity.ts, category.ts, role.ts, template-schema.ts (a severity level, an impact and a role have the same shape)
const SeverityLevel = z.strictObject({ id: Id, title: LocalizedText, description: text });
const TriggerCategory = z.strictObject({ id: Id, title: LocalizedText, description: text, examples: z.optional(z.array(LocalizedText)) });
const Template = z.strictObject({ id: Id, title: LocalizedText, body: LocalizedText });

// team.ts
const Team = z.strictObject({ id: Id, title: LocalizedText, leader: z.optional(Id), deputy: z.optional(Id), members: list(Id), duties: list(LocalizedText) });

// threshold.ts, suggestion.ts
const Unit = z.string().check(z.minLength(1), z.maxLength(16));
const Threshold = z.strictObject({ id: Id, title: text, unit: Unit, value: z.optional(z.number()), field: z.optional(Id) });
const Suggestion = z.strictObject({ id: Id, title: text, from: Id, to: Id, map: z.record(filled(), Id), override: Id });

// field.ts
const described = { id: Id, title: text, description: text };
const Field = z.discriminatedUnion('type', [
  z.strictObject({ ...described, type: z.literal('text'), maxLength: z.optional(z.int().check(z.positive())) }),
  z.strictObject({ ...described, type: z.literal('number'), min: z.optional(z.number()), max: z.optional(z.number()), integer: z.optional(z.boolean()), unit: z.optional(Unit) }),
  z.strictObject({ ...described, type: z.literal('enum'), values: nonEmpty(filled()) }),
  z.strictObject({ ...described, type: z.literal('boolean') }),
  z.strictObject({ ...described, type: z.literal('datetime') }),
  z.strictObject({ ...described, type: z.literal('severity') }),
]);

// resource.ts
const Resource = z.strictObject({ id: Id, title: LocalizedText, kind: z.optional(z.enum(RESOURCE_KINDS)), description: text, whenNeeded: z.optional(z.boolean()) });

const EffectDeclaration = z.strictObject(described);

// event.ts
const EventDeclaration = z.strictObject({ id: Id, title: text, requires: list(Id), optional: list(Id) });

// condition.ts (recursive)
const Scalar = z.union([z.string(), z.number(), z.boolean()]);
const FieldRef = z.string().check(z.regex(FIELD_REF_PATTERN, ID_MESSAGE), z.maxLength(ID_MAX_LENGTH));
const Bound = z.union([
  z.number(),
  z.strictObject({ field: FieldRef, plus: z.optional(z.number()) }),
  z.strictObject({ threshold: Id, plus: z.optional(z.number()) }),
]);
const Condition: z.ZodMiniType = z.lazy(() =>
  z.union([
    z.strictObject({
      field: FieldRef,
      eq: z.optional(Scalar),
      ne: z.optional(Scalar),
      in: z.optional(z.array(Scalar)),
      lt: z.optional(Bound),
      lte: z.optional(Bound),
      gt: z.optional(Bound),
      gte: z.optional(Bound),
      exists: z.optional(z.boolean()),
    }),
    z.strictObject({ all: nonEmpty(Condition) }),
    z.strictObject({ any: nonEmpty(Condition) }),
    z.strictObject({ not: Condition }),
  ]),
);

// action.ts
const NotifyTarget = z.string().check(z.regex(NOTIFY_TARGET_PATTERN, NOTIFY_TARGET_MESSAGE), z.maxLength(ID_MAX_LENGTH));
const when = z.optional(Condition);
const Action = z.union([
  z.strictObject({ notify: nonEmpty(NotifyTarget), template: z.optional(Id), message: text, when }),
  z.strictObject({ regrade: z.union([z.literal('up'), z.literal('down'), Id]), when }),
  z.strictObject({ record: LocalizedText, when }),
  z.strictObject({ effect: Id, template: z.optional(Id), to: z.optional(z.array(Id)), when }),
]);

// transition.ts
const transitionShape = {
  event: Id,
  by: z.union([nonEmpty(filled()), z.record(Id, nonEmpty(filled()))]),
  authority: z.optional(z.enum(AUTHORITY_AT)),
  delegable: z.optional(z.boolean()),
  when,
  requires: z.optional(z.array(Id)),
  target: z.optional(Id),
  targets: z.optional(nonEmpty(z.strictObject({ when, target: Id, do: z.optional(z.array(Action)) }))),
  do: z.optional(z.array(Action)),
};
const Transition = z.strictObject(transitionShape);
const SharedTransition = z.strictObject({ ...transitionShape, in: z.union([nonEmpty(Id), z.literal('*')]) });

// stage.ts, level-duties.ts
const Track = z.strictObject({ id: Id, title: text, owner: z.optional(Id), levels: z.optional(nonEmpty(Id)), on: nonEmpty(Transition) });
const Stage = z.strictObject({
  id: Id,
  title: LocalizedText,
  description: text,
  owner: z.optional(Id),
  ownerByLevel: z.optional(z.record(Id, Id)),
  resources: list(Id),
  enter: z.optional(z.array(Action)),
  on: list(Transition),
  tracks: z.optional(z.array(Track)),
  done: z.optional(Id),
  final: z.optional(z.boolean()),
});

// deadline.ts
const Deadline = z.strictObject({
  id: Id,
  title: text,
  owner: z.optional(Id),
  from: z._default(z.enum(DEADLINE_FROM), 'open'),
  stage: z.optional(Id),
  event: z.optional(Id),
  at: z.optional(Id),
  each: z.optional(z.boolean()),
  match: z.optional(Id),
  rebase: z.optional(z.literal('regrade')),
  when,
  due: z.union([
    DueDuration,
    z.strictObject({ clock: z.string().check(z.regex(CLOCK_PATTERN, CLOCK_MESSAGE)) }),
    z.strictObject({ band: Id, bands: nonEmpty(z.strictObject({ below: z.optional(z.number()), due: DueDuration })) }),
    z.record(Id, DueDuration),
  ]),
  metBy: nonEmpty(Id),
  within: z.optional(z.array(Id)),
  recurring: z.optional(z.boolean()),
  remind: z.optional(z.array(z.strictObject({ before: Duration, notify: nonEmpty(Id) }))),
  breach: list(Action),
});

// migration.ts, metadata.ts
const Migration = z.strictObject({ from: z.string().check(z.regex(SEMVER_PATTERN)), stages: z._default(z.record(Id, Id), () => ({})) });
const EvaluationCriterion = z.strictObject({ id: Id, title: LocalizedText, description: text, measure: z.optional(Id) });

// measure.ts
const measureBase = { id: Id, title: LocalizedText, description: text };
const Measure = z.discriminatedUnion('kind', [
  z.strictObject({
    ...measureBase,
    kind: z.literal('time-to'),
    from: z._default(z.union([z.literal('open'), z.strictObject({ stage: Id })]), 'open'),
    to: z.union([z.strictObject({ event: z.union([Id, nonEmpty(Id)]) }), z.strictObject({ stage: Id })]),
    limit: z.optional(Duration),
  }),
  z.strictObject({ ...measureBase, kind: z.literal('deadline-time'), deadline: Id }),
  z.strictObject({ ...measureBase, kind: z.literal('deadline-met-rate'), per: z._default(z.enum(MEASURE_PER), 'deadline'), deadlines: z.optional(z.array(Id)) }),
  z.strictObject({ ...measureBase, kind: z.literal('breach-count'), deadlines: z.optional(z.array(Id)) }),
  z.strictObject({ ...measureBase, kind: z.literal('field-change'), field: Id }),
  z.strictObject({ ...measureBase, kind: z.literal('refusal-count'), events: z.optional(z.array(Id)) }),
]);
const DrillGuidance = z.strictObject({ title: text, guidance: list(LocalizedText), scenarios: list(LocalizedText) });
const LintConfig = z.record(z.string(), z.enum(LINT_LEVELS));

// header.ts + plan.ts
/** The whole plan definition, as a bundle holds it (the DSL's `PlanSchema`, in `zod/mini`). */
export const PlanDefinitionSchema = z.strictObject({
  $schema: z.optional(z.string()),
  planwright: z.literal(DSL_VERSION),
  id: Id,
  version: z.string().check(z.regex(SEMVER_PATTERN, SEMVER_MESSAGE)),
  title: LocalizedText,
  description: text,
  locales: z.optional(nonEmpty(z.string().check(z.regex(LOCALE_PATTERN)))),
  timezone: z.optional(filled()),
  include: z.optional(z.array(filled())),
  severity: nonEmpty(SeverityLevel),
  categories: nonEmpty(TriggerCategory),
  impacts: list(SeverityLevel),
  roles: nonEmpty(SeverityLevel),
  teams: list(Team),
  fields: list(Field),
  resources: list(Resource),
  templates: list(Template),
  effects: list(EffectDeclaration),
  events: nonEmpty(EventDeclaration),
  stages: nonEmpty(Stage),
  transitions: list(SharedTransition),
  deadlines: list(Deadline),
  thresholds: z.optional(z.array(Threshold)),
  suggestions: z.optional(z.array(Suggestion)),
  timing: z.optional(z.strictObject({ immediately: z.optional(Duration), dueInstant: z.optional(z.enum(DUE_INSTANT)) })),
  migrations: list(Migration),
  evaluation: list(EvaluationCriterion),
  measures: list(Measure),
  drills: z.optional(DrillGuidance),
  notes: text,
  lint: z.optional(LintConfig),
});
