// Renders docs/dsl-reference.md from the zod schema of plan files (src/dsl/schema): every section,
// key, type, whether it is required, its default and its description.
//
// Descriptions come from the schema itself: a key's `.meta({ description })`; a type's
// `.meta({ description })`, else the TSDoc comment on its `export const` in src/dsl/schema/*.ts.
// Keys the schema does not describe yet fall back to KEY_TEXT below (the schema's own description
// always wins, so moving a text into the schema changes nothing here).
//
// Used by scripts/write-dsl-reference.ts (writes the file) and test/docs/dsl-reference.test.ts
// (fails when the committed file is out of date).
import { readdirSync, readFileSync } from 'node:fs';
import ts from 'typescript';
import * as z from 'zod';
import * as schemas from '../src/dsl/schema/index.js';

/** The zod 4 definition fields this renderer reads (`schema._zod.def`). */
interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  defaultValue?: unknown;
  options?: z.ZodType[];
  discriminator?: string;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  values?: unknown[];
  entries?: Record<string, unknown>;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Named schemas, by definition object (`.meta()` clones a schema but keeps its definition). */
const NAMES = new Map<Def, string>();
for (const [name, value] of Object.entries(schemas)) {
  if (value instanceof z.ZodType && !NAMES.has(defOf(value))) NAMES.set(defOf(value), name === 'PlanSchema' ? 'Plan' : name);
}

/** TSDoc comments of the schema files' exported constants, by export name. */
const TSDOC = new Map<string, string>();
{
  const dir = new URL('../src/dsl/schema/', import.meta.url);
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts')).sort()) {
    const file = ts.createSourceFile(name, readFileSync(new URL(name, dir), 'utf8'), ts.ScriptTarget.ES2022, true);
    for (const statement of file.statements) {
      if (!ts.isVariableStatement(statement)) continue;
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name)) continue;
        for (const doc of ts.getJSDocCommentsAndTags(declaration)) {
          if (!ts.isJSDoc(doc)) continue;
          const text = ts.getTextOfJSDocComment(doc.comment);
          if (text !== undefined && text.trim() !== '') TSDOC.set(declaration.name.text, text.replace(/\s+/g, ' ').trim());
        }
      }
    }
  }
}

/** Primitive named types explained once under "Common types" and linked from every use. */
const COMMON: Record<string, { anchor: string; label: string; text: string }> = {
  Id: {
    anchor: 'id',
    label: 'id',
    text:
      'An identifier: a letter, then letters, digits, `-` or `_`, at most 64 characters (`^[A-Za-z][A-Za-z0-9_-]*$`). ' +
      'Every id in a plan (roles, teams, stages, events, fields, …) is one; ids are case-sensitive and are what ' +
      'other parts of the plan, drills, host apps and tests name.',
  },
  LocalizedText: {
    anchor: 'text',
    label: 'text',
    text:
      'Text, either a plain string or a map from locale to text: `title: Report` or `title: { zh-CN: 上报, en: Report }`. ' +
      'Locale keys look like `zh-CN` or `en`; no text may be empty.',
  },
  Duration: {
    anchor: 'duration',
    label: 'duration',
    text:
      'A duration: the short form `45s`, `30m`, `2h`, `1h30m`, `7d` (units in the order d, h, m, s) or ISO 8601 ' +
      'such as `PT30M`, `P1DT2H`, `P2W`. A deadline due in zero time is an error.',
  },
};

/**
 * Descriptions of keys the schema does not describe yet: `<Type>.<key>`, or `*.<key>` for any type.
 * The schema's own `.meta({ description })` wins over these.
 */
const KEY_TEXT: Record<string, string> = {
  '*.id': 'Its id, unique in its list; the rest of the plan, drills and host apps refer to it by this id.',
  '*.title': 'Its name as people read it, plain or per locale.',
  '*.description': 'A longer explanation for people, plain or per locale.',
  '*.type': 'Selects this kind of field.',
  '*.kind': 'Selects this kind of measure (see [Evaluation measures](#evaluation-measures)).',
  'Plan.notes': 'Free notes about the plan, for people.',
  'TriggerCategory.examples': 'Examples of incidents of this category, for people.',
  'Resource.kind': 'What kind of resource it is: a tool, a channel, people, material or funds.',
  'NumberField.min': 'Smallest accepted value.',
  'NumberField.max': 'Largest accepted value.',
  'NumberField.integer': 'Accept whole numbers only.',
  'EnumField.values': 'The accepted values.',
  'Deadline.remind': 'Reminders sent before the due time (a notify to roles).',
  'Reminder.before': 'How long before the due time the reminder goes out.',
  'Reminder.notify': 'Role ids to remind.',
  'TargetBranch.when': 'The branch is taken when this holds; a branch without `when` is the default.',
  'TargetBranch.target': 'The stage the branch goes to.',
  'NotifyAction.template': 'Template id whose rendered text goes with the notification.',
  'NotifyAction.message': 'Text that goes with the notification.',
  'RecordAction.record': 'The text written into the incident timeline.',
  'EffectAction.effect': 'The effect id (declared under `effects`); the host app carries it out.',
  'EffectAction.template': 'Template id whose rendered text is handed to the effect.',
  'EvaluationCriterion.id': 'Its id, unique among the criteria.',
  'DrillGuidance.guidance': 'Guidance for training and drills, as text.',
  'DrillGuidance.scenarios': 'Scenarios drills should cover, as text.',
  'FieldCondition.field': 'The field id compared (`severity` reads the incident severity when no field has that id).',
  'FieldCondition.eq': 'Holds when the field equals this value.',
  'FieldCondition.ne': 'Holds when the field has a value other than this one.',
  'FieldCondition.in': 'Holds when the field equals one of these values.',
  'FieldCondition.lt': 'Holds when the (number) field is less than this.',
  'FieldCondition.lte': 'Holds when the (number) field is at most this.',
  'FieldCondition.gt': 'Holds when the (number) field is greater than this.',
  'FieldCondition.gte': 'Holds when the (number) field is at least this.',
  'FieldCondition.exists': '`true`: holds when the field has a value; `false`: when it has none.',
};

/** Descriptions that only say what a common type is: not useful for a key. */
const GENERIC = new Set(
  ['Id', 'LocalizedText', 'Duration', 'Condition']
    .map((name) => (schemas as Record<string, unknown>)[name])
    .filter((s): s is z.ZodType => s instanceof z.ZodType)
    .map((s) => descriptionOf(s))
    .filter((d): d is string => d !== undefined),
);

function descriptionOf(schema: z.ZodType): string | undefined {
  const meta = z.globalRegistry.get(schema) as { description?: string } | undefined;
  return meta?.description;
}

/** The first description found going inwards through optional/default/array wrappers. */
function ownDescription(schema: z.ZodType): string | undefined {
  let current: z.ZodType | undefined = schema;
  while (current !== undefined) {
    const own = descriptionOf(current);
    if (own !== undefined) return own;
    const def = defOf(current);
    current = def.type === 'optional' || def.type === 'default' ? def.innerType : def.type === 'array' ? def.element : undefined;
  }
  return undefined;
}

/** A type's description: its `.meta` description, else its TSDoc comment. */
function typeDescription(schema: z.ZodType): string {
  const name = nameOf(schema);
  return descriptionOf(schema) ?? (name === undefined ? undefined : TSDOC.get(name === 'Plan' ? 'PlanSchema' : name)) ?? '';
}

/** A key's description: the schema's (unless it only describes a common type), else KEY_TEXT. */
function keyDescription(owner: string, key: string, schema: z.ZodType): string {
  const own = ownDescription(schema);
  if (own !== undefined && !GENERIC.has(own)) return own;
  return KEY_TEXT[`${owner}.${key}`] ?? KEY_TEXT[`*.${key}`] ?? own ?? '';
}

function nameOf(schema: z.ZodType): string | undefined {
  return NAMES.get(defOf(schema));
}

function anchorOf(name: string): string {
  return COMMON[name]?.anchor ?? name.toLowerCase();
}

/** Escapes text for a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function code(text: string): string {
  return `\`${text}\``;
}

/** Constraints of a leaf schema, read from its JSON Schema. */
function constraints(schema: z.ZodType): string[] {
  let json: Record<string, unknown>;
  try {
    json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  } catch {
    return [];
  }
  const num = (key: string): number | undefined => {
    const value = json[key];
    return typeof value === 'number' && Math.abs(value) !== Number.MAX_SAFE_INTEGER ? value : undefined;
  };
  const out: string[] = [];
  if (json['type'] === 'integer') out.push('integer');
  if (num('exclusiveMinimum') !== undefined) out.push(`> ${num('exclusiveMinimum')}`);
  if (num('minimum') !== undefined) out.push(`≥ ${num('minimum')}`);
  if (num('exclusiveMaximum') !== undefined) out.push(`< ${num('exclusiveMaximum')}`);
  if (num('maximum') !== undefined) out.push(`≤ ${num('maximum')}`);
  if (num('minLength') === 1) out.push('not empty');
  else if (num('minLength') !== undefined) out.push(`at least ${num('minLength')} characters`);
  if (num('maxLength') !== undefined) out.push(`at most ${num('maxLength')} characters`);
  if (typeof json['pattern'] === 'string') out.push(`matching ${code(json['pattern'])}`);
  return out;
}

function withConstraints(base: string, schema: z.ZodType): string {
  const extra = constraints(schema);
  return extra.length === 0 ? base : `${base} (${extra.join(', ')})`;
}

interface Renderer {
  /** Named object and union schemas still to render as sections, in order of first use. */
  queue: z.ZodType[];
  seen: Set<Def>;
}

/** Named objects and unions with object variants get a section; everything else is written inline. */
function hasSection(schema: z.ZodType): boolean {
  const name = nameOf(schema);
  if (name === undefined || COMMON[name] !== undefined) return false;
  const def = defOf(schema);
  if (def.type === 'object') return true;
  if (def.type === 'union') return (def.options ?? []).some((o) => defOf(o).type === 'object');
  return false;
}

function link(schema: z.ZodType, r: Renderer): string {
  const name = nameOf(schema) as string;
  if (!r.seen.has(defOf(schema))) {
    r.seen.add(defOf(schema));
    r.queue.push(schema);
  }
  return `[${name}](#${anchorOf(name)})`;
}

/** The type of a schema as Markdown (links to sections and common types). */
function typeOf(schema: z.ZodType, r: Renderer): string {
  const name = nameOf(schema);
  if (name !== undefined && COMMON[name] !== undefined) return `[${COMMON[name].label}](#${COMMON[name].anchor})`;
  if (hasSection(schema)) return link(schema, r);
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'default':
    case 'nullable':
      return typeOf(def.innerType as z.ZodType, r);
    case 'string':
      return withConstraints('string', schema);
    case 'number':
      return withConstraints('number', schema);
    case 'boolean':
      return 'boolean';
    case 'literal':
      return (def.values ?? []).map((v) => code(typeof v === 'string' ? v : JSON.stringify(v))).join(' or ');
    case 'enum':
      return Object.values(def.entries ?? {})
        .map((v) => code(String(v)))
        .join(', ');
    case 'array': {
      const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { minItems?: number };
      const least = typeof json.minItems === 'number' && json.minItems > 0 ? ` (at least ${json.minItems})` : '';
      return `list${least} of ${typeOf(def.element as z.ZodType, r)}`;
    }
    case 'record':
      return `map of ${typeOf(def.keyType as z.ZodType, r)} → ${typeOf(def.valueType as z.ZodType, r)}`;
    case 'union':
      return (def.options ?? []).map((o) => typeOf(o, r)).join(', or ');
    case 'object':
      return inlineObject(schema, r);
    default:
      return def.type;
  }
}

/** A small anonymous object written inline: `{ all: list of Condition }`. */
function inlineObject(schema: z.ZodType, r: Renderer): string {
  const shape = defOf(schema).shape ?? {};
  return `{ ${Object.entries(shape)
    .map(([key, value]) => `${code(key)}: ${typeOf(value, r)}`)
    .join('; ')} }`;
}

function isOptional(schema: z.ZodType): boolean {
  const type = defOf(schema).type;
  return type === 'optional' || type === 'default';
}

function defaultOf(schema: z.ZodType): string {
  let current: z.ZodType | undefined = schema;
  while (current !== undefined) {
    const def = defOf(current);
    if (def.type === 'default') {
      const value = typeof def.defaultValue === 'function' ? (def.defaultValue as () => unknown)() : def.defaultValue;
      return code(JSON.stringify(value));
    }
    current = def.type === 'optional' || def.type === 'nullable' ? def.innerType : undefined;
  }
  return '';
}

function keyTable(schema: z.ZodType, r: Renderer): string[] {
  const owner = nameOf(schema) ?? '';
  const shape = defOf(schema).shape ?? {};
  const lines = ['| key | type | required | default | description |', '| --- | --- | --- | --- | --- |'];
  for (const [key, value] of Object.entries(shape)) {
    const required = isOptional(value) ? 'no' : '**yes**';
    lines.push(`| ${code(key)} | ${cell(typeOf(value, r))} | ${required} | ${cell(defaultOf(value))} | ${cell(keyDescription(owner, key, value))} |`);
  }
  return lines;
}

function section(schema: z.ZodType, r: Renderer): string[] {
  const name = nameOf(schema) as string;
  const def = defOf(schema);
  const out = [`### ${name}`, ''];
  const description = typeDescription(schema);
  if (description !== '') out.push(description, '');
  if (def.type === 'object') {
    out.push(...keyTable(schema, r), '');
    return out;
  }
  // A union with object variants.
  out.push(def.discriminator === undefined ? 'One of:' : `One of, told apart by ${code(def.discriminator)}:`, '');
  for (const option of def.options ?? []) {
    if (hasSection(option)) {
      const variant = typeDescription(option);
      out.push(`- ${link(option, r)}${variant === '' ? '' : ` — ${variant}`}`);
    } else {
      out.push(`- ${typeOf(option, r)}`);
    }
  }
  out.push('');
  return out;
}

/**
 * The one table of evaluation measure kinds: kind, its own keys (besides id, title, description)
 * and what it computes, read from the `Measure` union's variants.
 */
function measuresTable(r: Renderer): string[] {
  const lines = [
    '## Evaluation measures',
    '',
    'A plan declares what its evaluation computes under `measures:`; `planwright evaluate` writes one section',
    'per measure, titled by the measure (and by the `evaluation` criteria whose `measure` names it). Each',
    'measure has an `id`, a `title` and a `kind`; the kinds and their own keys:',
    '',
    '| kind | keys | computes | per incident |',
    '| --- | --- | --- | --- |',
  ];
  for (const option of defOf(schemas.Measure).options ?? []) {
    const shape = defOf(option).shape ?? {};
    const kind = (defOf(shape['kind'] as z.ZodType).values ?? [])[0];
    const keys = Object.entries(shape)
      .filter(([key]) => !['id', 'title', 'description', 'kind'].includes(key))
      .map(([key, value]) => `${code(key)}${isOptional(value) ? '' : ' (required)'}: ${typeOf(value, r)}`)
      .join('; ');
    const perIncident = kind === 'deadline-met-rate' ? 'no (counted over all incidents)' : 'yes';
    lines.push(`| ${code(String(kind))} | ${cell(keys)} | ${cell(typeDescription(option))} | ${perIncident} |`);
  }
  lines.push(
    '',
    'A deadline belongs to its `owner` team when it names one; otherwise to the owner of the track whose',
    'events meet it (a deadline armed on entering a stage looks at that stage first), else to the owner of the',
    'stage that accepts a meeting event. `deadline-met-rate` with `per: team` counts each deadline for that team.',
    'A measure naming an unknown event, stage, field, deadline or team is an error (`unknown-event`, …);',
    '`field-change` on a field that is not a number is `measure-field-not-number`; an evaluation criterion',
    'whose `measure` names no declared measure is `unknown-measure`.',
    '',
  );
  return lines;
}

/**
 * docs/dsl-reference.md as text: the plan's top-level keys, then every object type in order of
 * first use, each as a table of key, type, required, default and description.
 */
export function renderDslReference(): string {
  const r: Renderer = { queue: [], seen: new Set([defOf(schemas.PlanSchema)]) };
  const lines: string[] = [
    '# planwright DSL reference',
    '',
    '<!-- Generated by scripts/write-dsl-reference.ts from the zod schema in src/dsl/schema. Do not edit:',
    '     change the schema (its .meta({ description })), then run npx tsx scripts/write-dsl-reference.ts. -->',
    '',
    'Every key a plan file (YAML or JSON) may hold, generated from the schema planwright checks plans with',
    '(`src/dsl/schema/`, also published as `planwright/schema.json` for editors). "Required" is about what',
    'you write: a key with a default may be left out. Every object is strict: a key not listed in its table',
    'is an error (`unknown-key`, with the closest known key suggested). Cross-references (a `by` naming a',
    'declared role, a `target` naming a declared stage, …) are checked after the schema. See the',
    '[planner guide](planner-guide.md) for how to write a plan and [plan semantics](semantics.md) for what',
    'each part does at run time.',
    '',
    `DSL version: ${schemas.DSL_VERSION} (\`planwright: ${schemas.DSL_VERSION}\` at the top of every plan).`,
    '',
    '## Common types',
    '',
  ];
  for (const common of Object.values(COMMON)) lines.push(`### ${common.label}`, '', common.text, '');
  lines.push(
    '### who (`by`)',
    '',
    'A `by` list names who may fire a transition. Each entry is a role id; a team position `<team>.leader`, ' +
      '`<team>.deputy` or `<team>.members`; a team id (its leader, deputy and members); or `any-role` ' +
      '(anyone holding any role of the plan).',
    '',
    '## Plan',
    '',
    typeDescription(schemas.PlanSchema),
    '',
    'The top level of a plan file. Sections an `include`d file may contribute: ' +
      `${schemas.INCLUDABLE_SECTIONS.map(code).join(', ')} (their lists are appended to the plan's).`,
    '',
    ...keyTable(schemas.PlanSchema, r),
    '',
    ...measuresTable(r),
    '## Types',
    '',
    `Condition operators: ${schemas.CONDITION_OPERATORS.map(code).join(', ')}. ` +
      `Template placeholders besides field ids: ${schemas.BUILTIN_PLACEHOLDERS.map((p) => code(`{{${p}}}`)).join(', ')}.`,
    '',
  );
  while (r.queue.length > 0) lines.push(...section(r.queue.shift() as z.ZodType, r));
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
