import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentPath } from '../../src/diagnostics/diagnostic.js';
import { parseSource, parseSourceSegmented, parseSourceWhole, type ParsedSource } from '../../src/dsl/parse-source.js';
import { generatePlanYaml } from '../fixtures/robustness/generate-plan.js';

/** Every plan-like text of the repository: plans, fixtures (valid and broken), examples. */
function corpus(): Array<[string, string]> {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const file = join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (/\.(ya?ml|json)$/.test(name)) files.push(file);
    }
  };
  for (const dir of ['plans', 'test/fixtures', 'examples']) walk(dir);
  return files.sort().map((file) => [file, readFileSync(file, 'utf8')]);
}

/** Top-level lists long enough to be cut into several segments of items. */
const PADDING = Array.from(
  { length: 50 },
  (_, i) => `zpad${i}:\n  - id: p${i}\n    list:\n      - a\n      - b: [1, 2]\n  - id: q${i}\n    note: |\n      block ${i}\n\n      more\n    # comment\n`,
).join('');

function paths(value: unknown): DocumentPath[] {
  const out: DocumentPath[] = [[], ['nowhere'], ['stages', 99_999], ['stages', 0, 'nowhere']];
  const visit = (v: unknown, path: Array<string | number>): void => {
    out.push(path);
    if (Array.isArray(v)) v.forEach((x, i) => visit(x, [...path, i]));
    else if (typeof v === 'object' && v !== null) for (const k of Object.keys(v)) visit((v as Record<string, unknown>)[k], [...path, k]);
  };
  visit(value, []);
  return out;
}

function expectSame(actual: ParsedSource, expected: ParsedSource): void {
  expect(actual.value).toEqual(expected.value);
  expect(actual.diagnostics).toEqual(expected.diagnostics);
  const where = (source: ParsedSource): string =>
    JSON.stringify(paths(expected.value).map((path) => [path, source.map.locate(path), source.map.locateKey(path)]));
  // One comparison of all positions (an expect per path makes the corpus test slow).
  expect(where(actual) === where(expected)).toBe(true);
}

/** A small deterministic generator (tests must not depend on Math.random). */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

describe('parseSource by segments', () => {
  it('gives what the whole-text parse gives for every plan, fixture and example, alone and padded with long lists', () => {
    let segmented = 0;
    for (const [file, text] of corpus()) {
      for (const variant of [text, `${text}${text.endsWith('\n') ? '' : '\n'}${PADDING}`, `${PADDING}${text}`]) {
        const bySegments = parseSourceSegmented(variant, { file });
        if (bySegments === undefined) continue;
        segmented++;
        expectSame(bySegments, parseSourceWhole(variant, { file }));
      }
    }
    expect(segmented).toBeGreaterThan(50);
  });

  it('cuts a large generated plan into many segments and reads it exactly as a whole', () => {
    const text = generatePlanYaml({ stages: 100 });
    const bySegments = parseSourceSegmented(text, { file: 'g.plan.yaml' });
    expect(bySegments).toBeDefined();
    expectSame(bySegments as ParsedSource, parseSourceWhole(text, { file: 'g.plan.yaml' }));
    expectSame(parseSource(text, { file: 'g.plan.yaml' }), parseSourceWhole(text, { file: 'g.plan.yaml' }));
  });

  it.each<[string, string]>([
    ['a duplicate top-level key in another segment', `id: a\n${PADDING}id: b\n`],
    ['an alias to an anchor in another segment', `ref: &r { x: 1 }\n${PADDING}use: *r\n`],
    ['a syntax error in one segment', `${PADDING}bad: [1, 2\n`],
    ['a directive', `%YAML 1.2\n---\n${PADDING}`],
    ['a quoted top-level key', `"id": a\n${PADDING}`],
    ['a tab before an item', `${PADDING}list:\n\t- a\n`],
    ['CRLF line ends', `${PADDING.replace(/\n/g, '\r\n')}`],
    ['a forbidden key', `${PADDING}__proto__: 1\n`],
    ['a line less indented than the list items', `${PADDING}list:\n  - a\n - b\n`],
  ])('leaves %s to the whole-text parse', (_, text) => {
    expect(parseSourceSegmented(text, { file: 'p.yaml' })).toBeUndefined();
    expectSame(parseSource(text, { file: 'p.yaml' }), parseSourceWhole(text, { file: 'p.yaml' }));
  });

  it('agrees with the whole-text parse on mutated texts (lines dropped, repeated, re-indented, characters inserted)', () => {
    const next = random(6);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
    const bases = [generatePlanYaml({ stages: 30 }), `${readFileSync('plans/public-opinion.plan.yaml', 'utf8')}${PADDING}`];
    const inserts = [':', '- ', '"', "'", '#', ' #', '&a ', '*a', '|', '>', '[', '{', '}', '\t', ' ', '? ', '!!str ', '---\n', 'x: 1\n', '  - y\n', '- z\n', 'id:\n'];
    for (let round = 0; round < 60; round++) {
      const lines = pick(bases).split('\n');
      for (let m = 0; m < 3; m++) {
        const at = Math.floor(next() * lines.length);
        const line = lines[at] ?? '';
        const r = next();
        if (r < 0.2) lines.splice(at, 1);
        else if (r < 0.35) lines.splice(at, 0, line);
        else if (r < 0.5) lines[at] = ` ${line}`;
        else if (r < 0.6) lines[at] = line.replace(/^ /, '');
        else {
          const col = Math.floor(next() * (line.length + 1));
          lines[at] = line.slice(0, col) + pick(inserts) + line.slice(col);
        }
      }
      const text = lines.join('\n');
      const bySegments = parseSourceSegmented(text, { file: 'm.yaml' });
      if (bySegments !== undefined) expectSame(bySegments, parseSourceWhole(text, { file: 'm.yaml' }));
    }
  });
});
