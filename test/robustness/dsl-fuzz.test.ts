/**
 * DSL fuzzing: `checkPlan` on random YAML documents and on mutated plans (the seed plan and the
 * minimal valid plan), textual and structural mutations. Whatever the input: no exception, every
 * diagnostic has a known code and a position inside the text, `ok` exactly when there is no error,
 * a plan that checks also compiles and lints, and each input is handled in bounded time.
 *
 * CI runs 10,000 inputs in total; `PLANWRIGHT_FUZZ_RUNS=<n>` runs n (split the same way) and
 * `PLANWRIGHT_FUZZ_SEED=<n>` explores other inputs.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/dsl/check-plan.js';
import { expectSoundCheck, runsFrom, seedFrom, SlowestInput } from './support.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const FILE = 'fuzz.plan.yaml';
/** Bound on the time to check one input (generous: the machine is shared; typical inputs take a few ms). */
const MAX_MS_PER_INPUT = 2000;
const TOTAL = runsFrom('PLANWRIGHT_FUZZ_RUNS', 10_000);
const SEED = seedFrom(60_606);
const share = (fraction: number): number => Math.max(1, Math.round(TOTAL * fraction));

const seedText = readFileSync(join(root, 'plans/public-opinion.plan.yaml'), 'utf8');
const minimalText = readFileSync(join(root, 'test/fixtures/valid/minimal.plan.yaml'), 'utf8');
const seedValue = parseYaml(seedText) as unknown;
const minimalValue = parseYaml(minimalText) as unknown;

const slowest = new SlowestInput();

/** Checks a text and asserts the invariants. */
function checkText(text: string): void {
  const result = slowest.time(text, () => checkPlan({ text, file: FILE }, { cwd: root }));
  expectSoundCheck(result, text, FILE);
}

// ---- random documents ----------------------------------------------------------------------

/** Keys of a plan and of its parts, so that random documents get past the first checks sometimes. */
const KEYS = [
  'planwright', 'id', 'version', 'title', 'severity', 'categories', 'roles', 'teams', 'fields', 'events', 'stages',
  'transitions', 'deadlines', 'templates', 'effects', 'resources', 'include', 'on', 'event', 'by', 'target', 'targets',
  'tracks', 'done', 'final', 'due', 'from', 'stage', 'metBy', 'when', 'field', 'eq', 'in', 'all', 'any', 'not',
  'leader', 'members', 'requires', 'type', 'values', 'breach', 'notify', 'regrade', 'record', 'within', 'recurring',
  '__proto__', 'constructor', 'prototype', 'toString', '', ' ', '中文', 'zh-CN', 'en',
];
const key = fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 12 }));
const scalar = fc.oneof(
  fc.constantFrom(1, 0, -1, 1.5, 1e308, -0, true, false, null, '30m', '1h', 'P1D', 'PT', '1.0.0', 'I', 'any-role', 'x.leader', '*', '{{title}}', '{{nope}}'),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 10 }),
  fc.integer(),
  fc.double(),
);
const { value: jsonValue } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4, size: 'xsmall' }),
  object: fc.dictionary(key, tie('value'), { maxKeys: 5, size: 'xsmall' }),
}));

/** A random value serialized as YAML (block or flow) or JSON. */
const serialized = (value: fc.Arbitrary<unknown>): fc.Arbitrary<string> =>
  fc.tuple(value, fc.constantFrom('yaml', 'flow', 'json')).map(([v, how]) => {
    if (how === 'json') return JSON.stringify(v) ?? 'null';
    return stringifyYaml(v, how === 'flow' ? { collectionStyle: 'flow' } : {});
  });

/** YAML-significant tokens, plan words and troublesome characters. */
const TOKENS = [
  '\n', '\n', '\n  ', '\n    ', '\n- ', '  - ', ': ', ':', '- ', '-', '? ', '{', '}', '[', ']', ',', '&a ', '*a', '&b ', '*b', '!!str ', '!!map',
  '!!binary ', '!tag ', '<<: ', '| ', '|-\n  ', '> ', '#', "'", '"', '\\', '\t', '\r\n', '\r', '---\n', '...\n', '%YAML 1.1\n', '%TAG ! tag:x:\n',
  '@', '`', '%', 'planwright: 1', 'id: p', 'version: 1.0.0', 'stages:', 'roles:', 'events:', 'title: T', 'id: ', 'by: [', 'target: ',
  'on:', 'due: 30m', 'metBy: [', '__proto__: ', 'constructor: ', '\u0000', '\u0007', '\u001b[31m', '\u202e', '\uFEFF', '\uD800', '\uDFFF',
  '中文', '😀', 'x', 'y1', '0x1F', '1e9', '.inf', '.nan', '~', 'null', 'true', 'no', 'yes', '0o17', '2024-01-01',
];
const tokenSoup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((t) => t.join(''));

/** Plan-shaped objects: the right top-level keys with random values, sometimes of the right shape. */
const idList = fc.array(fc.record({ id: fc.oneof(fc.constantFrom('a', 'b', 'x-1', 'A', '1bad', ''), fc.string({ maxLength: 6 })), title: scalar }), { maxLength: 4 });
const planShaped = fc
  .record(
    {
      planwright: fc.oneof(fc.constant(1), scalar),
      id: fc.oneof(fc.constant('p'), scalar),
      version: fc.oneof(fc.constant('1.0.0'), scalar),
      title: fc.oneof(fc.constant('T'), scalar),
      severity: fc.oneof(idList, scalar),
      categories: fc.oneof(idList, scalar),
      roles: fc.oneof(idList, scalar),
      events: fc.oneof(idList, scalar),
      stages: fc.oneof(idList, fc.array(fc.record({ id: fc.constantFrom('a', 'b'), title: scalar, on: jsonValue, final: fc.boolean() }), { maxLength: 3 }), scalar),
      deadlines: fc.oneof(idList, jsonValue),
      teams: fc.oneof(idList, scalar),
      transitions: fc.oneof(idList, scalar),
    },
    { requiredKeys: [] },
  )
  .chain((o) => serialized(fc.constant(o)));

// ---- mutations -----------------------------------------------------------------------------

type Edit = (text: string) => string;
const editLines = (text: string, edit: (lines: string[]) => void): string => {
  const lines = text.split('\n');
  edit(lines);
  return lines.join('\n');
};
const noise = fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 4 }).map((t) => t.join(''));

function textEdits(text: string): fc.Arbitrary<Edit> {
  const nLines = text.split('\n').length;
  const line = fc.nat({ max: nLines - 1 });
  const offset = fc.nat({ max: text.length });
  return fc.oneof(
    line.map((i) => (t: string) => editLines(t, (l) => void l.splice(i, 1))),
    line.map((i) => (t: string) => editLines(t, (l) => void l.splice(i, 0, l[i] ?? ''))), // duplicate a line (often a duplicate key)
    fc.tuple(line, line).map(([a, b]) => (t: string) =>
      editLines(t, (l) => {
        const x = l[a] ?? '';
        l[a] = l[b] ?? '';
        l[b] = x;
      }),
    ),
    fc.tuple(line, fc.integer({ min: -3, max: 3 })).map(([i, d]) => (t: string) =>
      editLines(t, (l) => {
        const s = l[i] ?? '';
        l[i] = d >= 0 ? ' '.repeat(d) + s : s.replace(new RegExp(`^ {0,${-d}}`), '');
      }),
    ),
    offset.map((n) => (t: string) => t.slice(0, n)),
    fc.tuple(offset, noise).map(([n, s]) => (t: string) => t.slice(0, n) + s + t.slice(n)),
    fc.tuple(offset, noise).map(([n, s]) => (t: string) => t.slice(0, n) + s + t.slice(n + s.length)),
    // anchor a value and alias it elsewhere
    fc.tuple(line, line).map(([a, b]) => (t: string) =>
      editLines(t, (l) => {
        l[a] = (l[a] ?? '').replace(/: (\S)/, ': &m $1');
        l[b] = (l[b] ?? '').replace(/: .*$/, ': *m');
      }),
    ),
  );
}

type Path = Array<string | number>;

function paths(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}

function strings(value: unknown, out: Set<string> = new Set()): Set<string> {
  if (typeof value === 'string' && /^[A-Za-z][\w.-]*$/.test(value) && value.length <= 30) out.add(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (typeof value === 'object' && value !== null) for (const v of Object.values(value)) strings(v, out);
  return out;
}

type Change = { kind: 'delete' | 'replace' | 'swap-id' | 'wrap' | 'add-key' | 'null'; path: Path; with?: unknown; other?: string };

function applyChange(value: unknown, c: Change): unknown {
  const copy = structuredClone(value);
  if (c.path.length === 0) return c.kind === 'wrap' ? [copy] : c.kind === 'null' ? null : copy;
  let parent: unknown = copy;
  for (const p of c.path.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[p];
  const last = c.path[c.path.length - 1] as string | number;
  const box = parent as Record<string | number, unknown>;
  switch (c.kind) {
    case 'delete':
      if (Array.isArray(box)) box.splice(Number(last), 1);
      else delete box[last];
      break;
    case 'replace':
      box[last] = c.with;
      break;
    case 'null':
      box[last] = null;
      break;
    case 'wrap':
      box[last] = [box[last]];
      break;
    case 'swap-id':
      if (typeof box[last] === 'string') box[last] = c.other;
      break;
    case 'add-key': {
      const target = box[last];
      if (typeof target === 'object' && target !== null && !Array.isArray(target)) (target as Record<string, unknown>)[String(c.other)] = c.with;
      break;
    }
  }
  return copy;
}

function structuralEdits(value: unknown): fc.Arbitrary<Change> {
  const all = paths(value);
  const ids = [...strings(value), 'unknown-id', 'any-role', 'x.leader', '__proto__', 'constructor'];
  const path = fc.constantFrom(...all);
  return fc.oneof(
    path.map((p) => ({ kind: 'delete' as const, path: p })),
    fc.tuple(path, jsonValue).map(([p, w]) => ({ kind: 'replace' as const, path: p, with: w })),
    fc.tuple(path, fc.constantFrom(...ids)).map(([p, o]) => ({ kind: 'swap-id' as const, path: p, other: o })),
    path.map((p) => ({ kind: 'wrap' as const, path: p })),
    path.map((p) => ({ kind: 'null' as const, path: p })),
    fc.tuple(path, fc.constantFrom(...KEYS), scalar).map(([p, k, w]) => ({ kind: 'add-key' as const, path: p, other: k, with: w })),
  );
}

const mutatedText = (text: string): fc.Arbitrary<string> =>
  fc.array(textEdits(text), { minLength: 1, maxLength: 3 }).map((edits) => edits.reduce((t, e) => e(t), text));

const mutatedStructure = (value: unknown): fc.Arbitrary<string> =>
  fc
    .tuple(fc.array(structuralEdits(value), { minLength: 1, maxLength: 3 }), fc.constantFrom('yaml', 'json'))
    .map(([changes, how]) => {
      const v = changes.reduce<unknown>((acc, c) => {
        try {
          return applyChange(acc, c);
        } catch {
          return acc; // the path vanished with an earlier change
        }
      }, value);
      return how === 'json' ? JSON.stringify(v, null, 1) ?? 'null' : stringifyYaml(v);
    });

// ---- the properties --------------------------------------------------------------------------

const SUITES: Array<{ name: string; input: fc.Arbitrary<string>; fraction: number }> = [
  { name: 'random values serialized as YAML or JSON', input: serialized(jsonValue), fraction: 0.33 },
  { name: 'random YAML token soup', input: tokenSoup, fraction: 0.4 },
  { name: 'plan-shaped random documents', input: planShaped, fraction: 0.12 },
  { name: 'text mutations of the minimal plan', input: mutatedText(minimalText), fraction: 0.06 },
  { name: 'structural mutations of the minimal plan', input: mutatedStructure(minimalValue), fraction: 0.03 },
  { name: 'text mutations of the seed plan', input: mutatedText(seedText), fraction: 0.03 },
  { name: 'structural mutations of the seed plan', input: mutatedStructure(seedValue), fraction: 0.03 },
];

describe(`checkPlan under fuzzing (${TOTAL} inputs, seed ${SEED})`, () => {
  afterAll(() => {
    console.log(`dsl fuzz: ${slowest.count} inputs, slowest ${slowest.maxMs.toFixed(1)} ms: ${JSON.stringify(slowest.sample)}`);
  });

  for (const [i, suite] of SUITES.entries()) {
    it(`${suite.name}: no exception, positioned diagnostics, compiles when ok`, () => {
      fc.assert(fc.property(suite.input, checkText), { numRuns: share(suite.fraction), seed: SEED + i });
    }, 300_000);
  }

  it(`handled every input in bounded time (< ${MAX_MS_PER_INPUT} ms each)`, () => {
    expect(slowest.count).toBeGreaterThanOrEqual(SUITES.reduce((s, x) => s + share(x.fraction), 0));
    expect(slowest.maxMs, `slowest input: ${slowest.sample}`).toBeLessThan(MAX_MS_PER_INPUT);
  });

  it('the seed and minimal plans themselves check cleanly (the mutations start from valid plans)', () => {
    for (const text of [seedText, minimalText]) {
      const r = checkPlan({ text, file: FILE }, { cwd: root });
      expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expectSoundCheck(r, text, FILE);
    }
  });
});
