// Compares the bundle's plan definition schema (zod/mini, src/plan-format/definition-schema.ts)
// with the DSL's classic-zod PlanSchema while the two are separate definitions: same acceptance,
// same output when accepted, same issues (path and message, in order) when rejected.
import fc from 'fast-check';
import { expect } from 'vitest';
import type * as z from 'zod';
import type { ZodMiniType } from 'zod/mini';
import { checkSchema } from '../../src/validate/check-schema.js';

export type Key = string | number;
type Validator = ZodMiniType;

/** What the classic schema and the mini schema say about `value`, in one comparable form. */
export function outcomes(validator: Validator, schema: z.ZodType, value: unknown): { zod: unknown; ours: unknown } {
  const zod = schema.safeParse(value);
  const ours = checkSchema(validator, value);
  return {
    zod: zod.success ? { ok: true, data: zod.data } : { ok: false, issues: zod.error.issues.map((i) => ({ path: i.path, message: i.message })) },
    ours: ours.success ? { ok: true, data: ours.data } : { ok: false, issues: ours.issues },
  };
}

/** Asserts the mini schema agrees with the classic one on `value`; returns whether it was accepted. */
export function expectSame(validator: Validator, schema: z.ZodType, value: unknown, label = ''): boolean {
  const { zod, ours } = outcomes(validator, schema, value);
  expect(ours, label).toStrictEqual(zod);
  return (zod as { ok: boolean }).ok;
}

/** Every path into a JSON value (the root included). */
export function pathsOf(value: unknown, prefix: Key[] = [], out: Key[][] = []): Key[][] {
  out.push(prefix);
  if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, Array.isArray(value) ? Number(k) : k], out);
  return out;
}

/** A copy of `doc` with `v` at `path` (`undefined` removes an object key). */
export function setAt(doc: unknown, path: readonly Key[], v: unknown): unknown {
  if (path.length === 0) return v;
  const copy = structuredClone(doc) as Record<Key, unknown>;
  let o = copy;
  for (const k of path.slice(0, -1)) o = o[k] as Record<Key, unknown>;
  const last = path.at(-1) as Key;
  if (v === undefined && !Array.isArray(o)) delete o[last];
  else o[last] = v;
  return copy;
}

/** A copy of `doc` with an extra key `key` in the object at `path` (unchanged if it is not an object). */
export function addKeyAt(doc: unknown, path: readonly Key[], key: string, v: unknown): unknown {
  const copy = structuredClone(doc) as Record<Key, unknown>;
  let o: unknown = copy;
  for (const k of path) o = (o as Record<Key, unknown>)[k];
  // defineProperty, not assignment: `o['__proto__'] = v` would change the prototype instead of
  // adding the own key JSON.parse makes.
  if (o !== null && typeof o === 'object' && !Array.isArray(o)) Object.defineProperty(o, key, { value: v, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** Wrong (and some right) values to put anywhere in a document. */
export const ODD_VALUES: unknown[] = [
  undefined,
  null,
  0,
  -1,
  1.5,
  1e300,
  2 ** 60,
  '',
  'x',
  'a-b_1',
  '1x',
  'x'.repeat(65),
  'zh-CN',
  '2h',
  'PT',
  'P',
  '1.2.3',
  '*',
  'up',
  'open',
  'text',
  '2024-05-01T08:00:00Z',
  true,
  false,
  [],
  [1],
  ['a'],
  [{}],
  {},
  { en: '' },
  { en: 'x' },
  { 'EN x': 'y' },
  { id: 'x', title: 'y' },
  { field: 'x', eq: 1 },
  { all: [] },
  { not: { field: 'x', exists: true } },
  { notify: ['a'] },
  { type: 'nope' },
];

/** JSON-like values for property tests (what a parsed bundle, input or document can hold). */
export const jsonValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...ODD_VALUES.filter((v) => v !== undefined)),
  fc.jsonValue({ maxDepth: 3 }),
);

/**
 * Property: for random single edits of `doc` (a value replaced, a key removed or added), the
 * validator agrees with zod. Returns how many of the edits zod accepted.
 */
export function checkEdits(validator: Validator, schema: z.ZodType, doc: unknown, numRuns = 300): void {
  const paths = pathsOf(doc);
  fc.assert(
    fc.property(
      fc.constantFrom(...paths),
      fc.oneof(jsonValue, fc.constant(undefined)),
      fc.option(fc.constantFrom('extra', 'id', 'type', 'all', 'when', '__proto__', 'constructor'), { nil: undefined }),
      (path, v, extraKey) => {
        const changed = extraKey === undefined ? setAt(doc, path, v) : addKeyAt(doc, path, extraKey, v);
        expectSame(validator, schema, changed, JSON.stringify({ path, v, extraKey }));
      },
    ),
    { numRuns },
  );
}

/** Every path of `doc` with every value of {@link ODD_VALUES}: the validator agrees with zod. Returns the count compared. */
export function checkAllEdits(validator: Validator, schema: z.ZodType, doc: unknown, values: unknown[] = ODD_VALUES): { compared: number; accepted: number } {
  let compared = 0;
  let accepted = 0;
  for (const path of pathsOf(doc))
    for (const v of values) {
      if (expectSame(validator, schema, setAt(doc, path, v), JSON.stringify({ path, v }))) accepted++;
      compared++;
    }
  return { compared, accepted };
}
