import type { EventDeclaration } from '../dsl/schema/event.js';
import type { Field } from '../dsl/schema/field.js';
import type { PlanDefinition } from '../dsl/schema/plan.js';
import type { LocalizedText } from '../dsl/schema/common.js';
import { localize } from '../report/plan-definition-of.js';

/** Options of {@link planTypesDeclaration}. */
export interface PlanTypesDeclarationOptions {
  /** Name of the declared interface; default the plan id in PascalCase with `Plan` (`city-flood` → `CityFloodPlan`). */
  name?: string;
  /** What the header names as the plan's source (a file path). */
  source?: string;
  /** The plan's content hash (sha256 hex), named in the header. */
  hash?: string;
}

/** A TypeScript identifier that is not a reserved word (for `--name`). */
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const RESERVED = new Set(
  'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with implements interface let package private protected public static yield any boolean never number object string symbol undefined unknown'.split(
    ' ',
  ),
);

/**
 * Whether `name` can name the declared interface: a TypeScript identifier, not a reserved word.
 *
 * @example
 * isTypeName('FloodPlan'); // true
 * isTypeName('flood-plan'); // false
 */
export function isTypeName(name: string): boolean {
  return IDENTIFIER.test(name) && !RESERVED.has(name);
}

/**
 * The default interface name of a plan: its id in PascalCase with `Plan` (`city-flood` → `CityFloodPlan`).
 *
 * @example
 * planTypeName('public_opinion'); // 'PublicOpinionPlan'
 */
export function planTypeName(planId: string): string {
  const words = planId.split(/[-_]+/).filter((word) => word !== '');
  const pascal = words.map((word) => word[0]?.toUpperCase() + word.slice(1)).join('');
  const name = `${pascal}Plan`;
  return isTypeName(name) ? name : `Plan${name}`;
}

/**
 * A TypeScript declaration file (`.d.ts` text) of a plan's types, for `createEngine<Name>(…)`: its
 * events with their data (required fields, optional ones with `?`, and the fields a transition
 * `requires` besides), stage, role, category, severity, deadline, effect and template ids, and
 * each field's value type. The same shape `PlanTypesOf<typeof plan>` infers from a `definePlan` plan.
 * Plan text appears only inside comments, made safe for them; ids are quoted as string literals.
 *
 * @example
 * writeFileSync('plan-types.d.ts', planTypesDeclaration(plan, { source: 'plans/flood.plan.yaml' }));
 */
export function planTypesDeclaration(definition: PlanDefinition, options: PlanTypesDeclarationOptions = {}): string {
  const name = options.name ?? planTypeName(definition.id);
  if (!isTypeName(name)) throw new TypeError(`not a TypeScript type name: ${JSON.stringify(name)}`);
  const locale = definition.locales?.[0] ?? 'en';
  const title = (text: LocalizedText | undefined): string | undefined => {
    const said = commentText(localize(text, locale));
    return said === '' ? undefined : said;
  };
  const fields = new Map(definition.fields.map((field) => [field.id, field]));
  const severities = definition.severity.map((level) => level.id);
  const extras = transitionRequires(definition);
  const lines: string[] = [];
  const hash = options.hash === undefined ? '' : ` (sha256 ${options.hash.slice(0, 12)}…)`;
  lines.push(`// Written by \`planwright types\`${options.source === undefined ? '' : ` from ${commentText(options.source)}`}: plan ${definition.id} ${definition.version}${hash}.`);
  lines.push('// Do not edit; run the command again when the plan changes.');
  lines.push('');
  lines.push(`/** The types of plan ${definition.id} ${definition.version}${suffix(title(definition.title))}, for \`createEngine<${name}>(…)\` of planwright/runtime. */`);
  lines.push(`export interface ${name} {`);
  lines.push('  /** Event type → the data it carries. */');
  lines.push('  events: {');
  for (const event of definition.events) {
    const said = title(event.title);
    if (said !== undefined) lines.push(`    /** ${said} */`);
    lines.push(`    ${key(event.id)}: ${eventData(event, extras.get(event.id) ?? [], fields, severities)};`);
  }
  lines.push('  };');
  const ids = (label: string, prop: string, list: readonly string[]): void => {
    lines.push(`  /** ${label} */`);
    lines.push(`  ${prop}: ${union(list)};`);
  };
  ids('Stage ids.', 'stages', definition.stages.map((stage) => stage.id));
  ids('Role ids.', 'roles', definition.roles.map((role) => role.id));
  ids('Category ids.', 'categories', definition.categories.map((category) => category.id));
  ids('Severity level ids, most severe first.', 'severities', severities);
  ids('Deadline ids.', 'deadlines', definition.deadlines.map((deadline) => deadline.id));
  ids('Effect ids the plan declares (besides notify).', 'effects', definition.effects.map((effect) => effect.id));
  ids('Template ids.', 'templates', definition.templates.map((template) => template.id));
  lines.push('  /** Field id → the type of its value. */');
  lines.push('  fields: {');
  for (const field of definition.fields) {
    const said = title(field.title);
    if (said !== undefined) lines.push(`    /** ${said} */`);
    lines.push(`    ${key(field.id)}: ${valueType(field, severities)};`);
  }
  lines.push('  };');
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/** Event id → fields some transition on it `requires` that the event itself does not declare. */
function transitionRequires(definition: PlanDefinition): Map<string, string[]> {
  const byEvent = new Map<string, string[]>();
  const add = (transition: { event: string; requires?: readonly string[] | undefined }): void => {
    for (const field of transition.requires ?? []) {
      const list = byEvent.get(transition.event) ?? [];
      if (!list.includes(field)) list.push(field);
      byEvent.set(transition.event, list);
    }
  };
  for (const stage of definition.stages) {
    for (const transition of stage.on ?? []) add(transition);
    for (const track of stage.tracks ?? []) for (const transition of track.on) add(transition);
  }
  for (const transition of definition.transitions) add(transition);
  return byEvent;
}

/** The data type of an event: its required fields, then its optional ones and those transitions require. */
function eventData(event: EventDeclaration, extra: readonly string[], fields: ReadonlyMap<string, Field>, severities: readonly string[]): string {
  const parts = event.requires.map((id) => `${key(id)}: ${fieldType(fields.get(id), severities)}`);
  const optional = new Set([...event.optional, ...extra].filter((id) => !event.requires.includes(id)));
  for (const id of optional) parts.push(`${key(id)}?: ${fieldType(fields.get(id), severities)}`);
  return parts.length === 0 ? 'Record<string, never>' : `{ ${parts.join('; ')} }`;
}

function fieldType(field: Field | undefined, severities: readonly string[]): string {
  return field === undefined ? 'unknown' : valueType(field, severities);
}

/** The TypeScript type of a field's value, as the engine accepts it. */
function valueType(field: Field, severities: readonly string[]): string {
  switch (field.type) {
    case 'text':
    case 'datetime':
      return 'string';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'enum':
      return union(field.values);
    case 'severity':
      return union(severities);
  }
}

/** A union of string literal types (`never` for none). */
function union(values: readonly string[]): string {
  return values.length === 0 ? 'never' : values.map((value) => JSON.stringify(value)).join(' | ');
}

/** A property key: the id itself when it is an identifier, else quoted. */
function key(id: string): string {
  return IDENTIFIER.test(id) ? id : JSON.stringify(id);
}

function suffix(text: string | undefined): string {
  return text === undefined ? '' : ` (${text})`;
}

/** Plan text made safe for a one-line comment: no line breaks, control or direction characters, no comment end. */
function commentText(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]+/g, ' ')
    .replace(/\*\//g, '*\\/')
    .replace(/\s+/g, ' ')
    .trim();
}
