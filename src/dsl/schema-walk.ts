import type * as z from 'zod';

/** Any zod 4 schema, seen through its internal definition. @internal */
export type AnySchema = z.core.$ZodType;

interface Def {
  type: string;
  innerType?: AnySchema;
  in?: AnySchema;
  getter?: () => AnySchema;
  shape?: Record<string, AnySchema>;
  element?: AnySchema;
  valueType?: AnySchema;
  options?: readonly AnySchema[];
  discriminator?: string;
  values?: readonly unknown[];
  entries?: Record<string, unknown>;
}

function defOf(schema: AnySchema): Def {
  return schema._zod.def as unknown as Def;
}

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional', 'success']);

/**
 * The schema under wrappers (optional, default, …), pipes and lazy getters.
 *
 * @example
 * unwrap(z.string().optional()); // the z.string()
 */
export function unwrap(schema: AnySchema): AnySchema {
  let current = schema;
  for (let i = 0; i < 32; i++) {
    const def = defOf(current);
    if (WRAPPERS.has(def.type) && def.innerType !== undefined) current = def.innerType;
    else if (def.type === 'pipe' && def.in !== undefined) current = def.in;
    else if (def.type === 'lazy' && def.getter !== undefined) current = def.getter();
    else break;
  }
  return current;
}

/** The kind of a schema after unwrapping: `object`, `array`, `union`, `string`, … */
export function schemaType(schema: AnySchema): string {
  return defOf(unwrap(schema)).type;
}

/**
 * The keys an object schema allows (for a union of objects, the keys of every option).
 *
 * @example
 * objectKeys(z.strictObject({ id: z.string(), title: z.string() })); // ['id', 'title']
 */
export function objectKeys(schema: AnySchema): string[] {
  const def = defOf(unwrap(schema));
  if (def.type === 'object' && def.shape !== undefined) return Object.keys(def.shape);
  if (def.type === 'union' && def.options !== undefined) return [...new Set(def.options.flatMap((o) => objectKeys(o)))];
  return [];
}

/**
 * The keys of an object schema that must be present (not optional, no default).
 *
 * @example
 * requiredKeys(z.strictObject({ id: z.string(), title: z.string().optional() })); // ['id']
 */
export function requiredKeys(schema: AnySchema): string[] {
  const def = defOf(unwrap(schema));
  if (def.type !== 'object' || def.shape === undefined) return [];
  return Object.entries(def.shape)
    .filter(([, s]) => s._zod.optin !== 'optional')
    .map(([key]) => key);
}

/** The options of a union schema (empty for other schemas). */
export function unionOptions(schema: AnySchema): readonly AnySchema[] {
  const def = defOf(unwrap(schema));
  return def.type === 'union' ? (def.options ?? []) : [];
}

function literalValues(schema: AnySchema): unknown[] {
  const def = defOf(unwrap(schema));
  if (def.type === 'literal') return [...(def.values ?? [])];
  if (def.type === 'enum') return Object.values(def.entries ?? {});
  return [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function pickOption(schema: AnySchema, key: string | number, data: unknown): AnySchema | undefined {
  const def = defOf(schema);
  const options = def.options ?? [];
  if (def.discriminator !== undefined && isRecord(data)) {
    const tag = data[def.discriminator];
    const found = options.find((o) => {
      const shape = defOf(unwrap(o)).shape;
      const field = shape?.[def.discriminator ?? ''];
      return field !== undefined && literalValues(field).includes(tag);
    });
    if (found !== undefined) return found;
  }
  if (typeof key === 'string') return options.find((o) => objectKeys(o).includes(key));
  return options.find((o) => schemaType(o) === 'array');
}

/**
 * The schema that validates the child `key` of a value validated by `schema` (`data` is that value,
 * used to choose among union options). `undefined` when the schema has no such child.
 *
 * @example
 * childSchema(PlanSchema, 'roles', plan); // the roles array schema
 */
export function childSchema(schema: AnySchema, key: string | number, data: unknown): AnySchema | undefined {
  let current = unwrap(schema);
  let def = defOf(current);
  if (def.type === 'union') {
    const option = pickOption(current, key, data);
    if (option === undefined) return undefined;
    current = unwrap(option);
    def = defOf(current);
  }
  switch (def.type) {
    case 'object':
      return typeof key === 'string' ? def.shape?.[key] : undefined;
    case 'array':
      return typeof key === 'number' ? def.element : undefined;
    case 'record':
      return def.valueType;
    default:
      return undefined;
  }
}

/**
 * Walk `path` down from `schema` and `data` together; returns the schema and the value found there.
 *
 * @example
 * schemaAt(PlanSchema, plan, ['deadlines', 0, 'due']); // { schema: Due, data: '30m' }
 */
export function schemaAt(
  schema: AnySchema | undefined,
  data: unknown,
  path: ReadonlyArray<PropertyKey>,
): { schema: AnySchema | undefined; data: unknown } {
  let s = schema;
  let d = data;
  for (const part of path) {
    const key = typeof part === 'symbol' ? String(part) : part;
    s = s === undefined ? undefined : childSchema(s, key, d);
    d = (isRecord(d) || Array.isArray(d)) && Object.hasOwn(d, key) ? (d as Record<string | number, unknown>)[key] : undefined;
  }
  return { schema: s, data: d };
}
