import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '../../src/diagnostics/codes.js';
import { checkPlan } from '../../src/dsl/check-plan.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const seed = readFileSync(join(root, 'plans/public-opinion.plan.yaml'), 'utf8');
const seedLines = seed.split('\n');
const FILE = 'public-opinion.plan.yaml';
const ids = [...new Set([...seed.matchAll(/\bid: ([A-Za-z][\w-]*)/g)].map((m) => m[1] ?? ''))];

/** One edit of the seed plan's text. */
type Mutation = (text: string) => string;

const lineIndex = fc.nat({ max: seedLines.length - 1 });
const offset = fc.nat({ max: seed.length });
const noise = fc.string({
  unit: fc.constantFrom('{', '}', '[', ']', ':', ',', '-', '&', '*', '!', '|', '>', '#', '"', "'", '\t', '\r', '\n', ' ', 'x', '1', '__proto__', '\u0000', '\uFEFF', '中', '😀'),
  maxLength: 8,
});

function editLines(text: string, edit: (lines: string[]) => void): string {
  const lines = text.split('\n');
  edit(lines);
  return lines.join('\n');
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  // delete a line (often a key with its value)
  lineIndex.map((i) => (t: string) => editLines(t, (l) => void l.splice(Math.min(i, l.length - 1), 1))),
  // delete a block: a line and the more-indented lines under it
  lineIndex.map((i) => (t: string) =>
    editLines(t, (l) => {
      const at = Math.min(i, l.length - 1);
      const indent = (l[at] ?? '').search(/\S|$/);
      let end = at + 1;
      while (end < l.length && (l[end] ?? '').search(/\S|$/) > indent) end++;
      l.splice(at, end - at);
    }),
  ),
  // swap the values of two lines
  fc.tuple(lineIndex, lineIndex).map(([a, b]) => (t: string) =>
    editLines(t, (l) => {
      const [ka, va] = (l[a] ?? '').split(/:(.*)/s);
      const [kb, vb] = (l[b] ?? '').split(/:(.*)/s);
      if (va !== undefined && vb !== undefined) {
        l[a] = `${ka}:${vb}`;
        l[b] = `${kb}:${va}`;
      }
    }),
  ),
  // swap two whole lines
  fc.tuple(lineIndex, lineIndex).map(([a, b]) => (t: string) =>
    editLines(t, (l) => {
      const x = l[a] ?? '';
      l[a] = l[b] ?? '';
      l[b] = x;
    }),
  ),
  // rename an id everywhere, or at one place only
  fc.tuple(fc.constantFrom(...ids), fc.constantFrom('renamed', 'X', '1bad', '', 'any-role', '__proto__'), fc.boolean()).map(
    ([id, to, all]) => (t: string) => (all ? t.split(id).join(to) : t.replace(id, to)),
  ),
  // truncate
  offset.map((n) => (t: string) => t.slice(0, n)),
  // insert random characters
  fc.tuple(offset, noise).map(([n, s]) => (t: string) => t.slice(0, n) + s + t.slice(n)),
  // overwrite random characters
  fc.tuple(offset, noise).map(([n, s]) => (t: string) => t.slice(0, n) + s + t.slice(n + s.length)),
  // change a line's indentation
  fc.tuple(lineIndex, fc.integer({ min: -4, max: 4 })).map(([i, d]) => (t: string) =>
    editLines(t, (l) => {
      const line = l[i] ?? '';
      l[i] = d >= 0 ? ' '.repeat(d) + line : line.replace(new RegExp(`^ {0,${-d}}`), '');
    }),
  ),
);

function lineCount(text: string): number {
  return text.split('\n').length;
}

describe('checkPlan on random mutations of the seed plan', () => {
  it('never throws, and every diagnostic has a known code and a position inside the file', () => {
    const codes = new Set<string>(DIAGNOSTIC_CODES);
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        const text = mutations.reduce((t, m) => m(t), seed);
        const result = checkPlan({ text, file: FILE }, { cwd: root });
        expect(result.ok).toBe(!result.diagnostics.some((d) => d.severity === 'error'));
        if (result.ok) expect(result.plan).toBeDefined();
        const lines = text.split('\n');
        for (const d of result.diagnostics) {
          expect(codes.has(d.code), d.code).toBe(true);
          expect(d.code).not.toBe('internal-error');
          expect(d.message.length).toBeGreaterThan(0);
          expect(d.file).toBe(FILE);
          expect(d.range, `${d.code} at ${JSON.stringify(d.path)} has no range`).toBeDefined();
          const start = d.range?.start ?? { line: 0, column: 0 };
          expect(start.line).toBeGreaterThanOrEqual(1);
          expect(start.column).toBeGreaterThanOrEqual(1);
          expect(start.line).toBeLessThanOrEqual(lineCount(text));
          expect(start.column).toBeLessThanOrEqual((lines[start.line - 1] ?? '').length + 1);
        }
      }),
      { numRuns: 1000, seed: 20260302, endOnFailure: true },
    );
  }, 240_000);
});
