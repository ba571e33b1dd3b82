// Each builder of the validator kit against the zod schema it mirrors, on random JSON-like values
// and a table of edge cases: same acceptance, output and issues (path and message).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import * as v from '../../src/validate/validate.js';
import { expectSame, jsonValue, ODD_VALUES } from './oracle.js';

const pairs: Array<[string, v.Validator, z.ZodType]> = [
  ['string', v.str(), z.string()],
  ['string min max', v.str(v.min(2), v.max(4)), z.string().min(2).max(4)],
  ['string regex', v.str(v.regex(/^a/)), z.string().regex(/^a/)],
  ['string regex message + max', v.str(v.regex(/^[a-z]+$/, 'lower'), v.max(3)), z.string().regex(/^[a-z]+$/, 'lower').max(3)],
  ['string refine', v.str(v.refine((s: string) => s !== 'x', 'not x')), z.string().refine((s) => s !== 'x', 'not x')],
  ['number', v.num(), z.number()],
  ['number bounds int', v.num(v.gte(-1), v.lte(3), v.int), z.number().min(-1).max(3).int()],
  ['int positive', v.num(v.int, v.positive), z.number().int().positive()],
  ['boolean', v.bool, z.boolean()],
  ['unknown', v.unknown, z.unknown()],
  ['literal', v.literal('up'), z.literal('up')],
  ['literal number', v.literal(1), z.literal(1)],
  ['enum', v.oneOf(['a', 'b']), z.enum(['a', 'b'])],
  ['optional', v.optional(v.str()), z.string().optional()],
  ['nullable', v.nullable(v.num()), z.number().nullable()],
  ['default', v.withDefault(v.array(v.str()), () => []), z.array(z.string()).default([])],
  ['array', v.array(v.str(v.min(1)), v.min(1), v.max(2)), z.array(z.string().min(1)).min(1).max(2)],
  ['record', v.record(v.str(v.regex(/^[a-z]+$/)), v.num()), z.record(z.string().regex(/^[a-z]+$/), z.number())],
  [
    'object',
    v.object({ a: v.str(), b: v.optional(v.num()), c: v.withDefault(v.bool, () => false), u: v.unknown }),
    z.object({ a: z.string(), b: z.number().optional(), c: z.boolean().default(false), u: z.unknown() }),
  ],
  ['strict object', v.strictObject({ a: v.str(), b: v.optional(v.num()) }), z.strictObject({ a: z.string(), b: z.number().optional() })],
  ['loose object', v.looseObject({ a: v.str(), b: v.optional(v.num()) }), z.looseObject({ a: z.string(), b: z.number().optional() })],
  ['union', v.union<unknown>([v.str(v.min(1)), v.record(v.str(), v.str(v.min(1)))]), z.union([z.string().min(1), z.record(z.string(), z.string().min(1))])],
  [
    'union of strict objects',
    v.union<unknown>([v.strictObject({ a: v.array(v.str(), v.min(1)) }), v.strictObject({ b: v.str() })]),
    z.union([z.strictObject({ a: z.array(z.string()).min(1) }), z.strictObject({ b: z.string() })]),
  ],
  [
    'discriminated union',
    v.discriminatedUnion<unknown>('type', { a: v.strictObject({ type: v.literal('a'), n: v.optional(v.num()) }), b: v.strictObject({ type: v.literal('b') }) }),
    z.discriminatedUnion('type', [z.strictObject({ type: z.literal('a'), n: z.number().optional() }), z.strictObject({ type: z.literal('b') })]),
  ],
];

const edges: unknown[] = [
  ...ODD_VALUES,
  NaN,
  Infinity,
  -0,
  2 ** 53,
  -(2 ** 53),
  'abcde',
  'ab',
  ['a', 'b', 'c'],
  [''],
  { a: 'x' },
  { a: 'x', b: 1, extra: true },
  { a: 1, b: 'x', zz: 1, yy: 2 },
  { type: 'a', n: 'x' },
  { type: 'b', n: 1 },
  { a: [] },
  { a: [], b: 'x' },
  { abc: 1, ABC: 2, '1': 3 },
  new Date(0),
  Object.create(null),
  JSON.parse('{"__proto__": 1, "a": "x"}'),
];

describe('validator kit against zod', () => {
  it.each(pairs)('%s: agrees on edge cases', (_, ours, zod) => {
    for (const value of edges) expectSame(ours, zod, value, String(JSON.stringify(value)));
  });

  it('agrees on random values for every builder', () => {
    fc.assert(
      fc.property(fc.constantFrom(...pairs), fc.oneof(jsonValue, fc.dictionary(fc.constantFrom('a', 'b', 'c', 'u', 'type', 'n', 'x'), jsonValue)), ([, ours, zod], value) => {
        expectSame(ours, zod, value);
      }),
      { numRuns: 3000 },
    );
  });

  it('has quick tests that say exactly what the full check says (builders with one, on values without symbol keys)', () => {
    const quick: Array<[string, v.Validator]> = [
      ...pairs
        .filter(([name]) => !['default', 'record', 'object', 'strict object', 'union', 'union of strict objects', 'discriminated union'].includes(name))
        .map(([name, ours]): [string, v.Validator] => [name, ours]),
      ['record of anything', v.record(v.str(), v.unknown)],
      ['loose object with records', v.looseObject({ a: v.record(v.str(), v.unknown), b: v.optional(v.record(v.str(), v.unknown)) })],
    ];
    const same = (ours: v.Validator, value: unknown, label: string): void => {
      expect(v.accepts(ours, value), label).toBe(v.run(ours, value).success);
    };
    for (const [name, ours] of quick) for (const value of edges) same(ours, value, `${name} ${String(JSON.stringify(value))}`);
    fc.assert(
      fc.property(fc.constantFrom(...quick), fc.oneof(jsonValue, fc.dictionary(fc.constantFrom('a', 'b', 'c', 'u', 'type', 'n', 'x'), jsonValue)), ([name, ours], value) => {
        same(ours, value, name);
      }),
      { numRuns: 3000 },
    );
    // left to the full check: strict objects, unions, defaults, records with checked keys or values, records with symbol keys
    expect(v.accepts(v.strictObject({ a: v.str() }), { a: 'x' })).toBe(false);
    expect(v.accepts(v.record(v.str(), v.num()), { a: 1 })).toBe(false);
    expect(v.accepts(v.record(v.str(), v.unknown), { [Symbol('s')]: 1 })).toBe(false);
  });

  it('reports nested paths and describes them', () => {
    const check = v.strictObject({ list: v.array(v.strictObject({ id: v.str() })) });
    const result = v.run(check, { list: [{ id: 'a' }, { id: 2 }] });
    expect(result).toEqual({ success: false, issues: [{ path: ['list', 1, 'id'], message: 'Invalid input: expected string, received number' }] });
    expect(v.describeIssues(result.success ? [] : result.issues, 3, ['definition'])).toBe('definition.list.1.id: Invalid input: expected string, received number');
    expect(v.describeIssues([{ path: [], message: 'x' }], 1)).toBe('(root): x');
  });
});
