import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/dsl/parse-source.js';
import { findExcessiveNesting } from '../../src/dsl/scan-depth.js';

describe('parseSource', () => {
  it('records the range of every value and of every mapping key', () => {
    const { value, diagnostics, map } = parseSource('id: plan\nroles:\n  - { id: chief, title: Chief }\n', { file: 'p.yaml' });
    expect(diagnostics).toEqual([]);
    expect(value).toEqual({ id: 'plan', roles: [{ id: 'chief', title: 'Chief' }] });
    expect(Object.getPrototypeOf(value)).toBeNull();
    expect(map.locate(['roles', 0, 'title'])).toEqual({ file: 'p.yaml', range: { start: { line: 3, column: 25 }, end: { line: 3, column: 30 } } });
    expect(map.locateKey(['roles', 0, 'title'])).toEqual({ file: 'p.yaml', range: { start: { line: 3, column: 18 }, end: { line: 3, column: 23 } } });
    expect(map.locate(['roles'])).toMatchObject({ range: { start: { line: 3, column: 3 } } });
  });

  it('reads JSON with positions', () => {
    const { value, map } = parseSource('{\n  "id": "plan",\n  "roles": [\n    { "id": "chief" }\n  ]\n}\n');
    expect(value).toEqual({ id: 'plan', roles: [{ id: 'chief' }] });
    expect(map.locate(['roles', 0, 'id'])).toEqual({ range: { start: { line: 4, column: 13 }, end: { line: 4, column: 20 } } });
  });

  it('counts lines the same way with CRLF line ends and a byte-order mark', () => {
    const { value, map } = parseSource('\uFEFFid: plan\r\nversion: 1.0.0\r\n');
    expect(value).toEqual({ id: 'plan', version: '1.0.0' });
    expect(map.locate(['version'])).toMatchObject({ range: { start: { line: 2, column: 10 } } });
  });

  it('points a key without value at the key', () => {
    const { value, map } = parseSource('id:\nname: x\n');
    expect(value).toEqual({ id: null, name: 'x' });
    expect(map.locate(['id'])?.range?.start).toEqual({ line: 1, column: 4 });
  });

  it('expands aliases, locating their content at the alias', () => {
    const { value, map } = parseSource('a: &x { k: 1 }\nb: *x\n');
    expect(value).toEqual({ a: { k: 1 }, b: { k: 1 } });
    expect(map.locate(['b', 'k'])).toMatchObject({ range: { start: { line: 2, column: 4 } } });
  });

  it('reports YAML syntax errors with positions, one per line', () => {
    const { value, diagnostics } = parseSource('a: [1, 2\nb: 2\n', { file: 'p.yaml' });
    expect(value).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.file, d.range?.start.line])).toEqual([['yaml-syntax', 'p.yaml', 2]]);
  });

  it('names the key a duplicate-key diagnostic is about', () => {
    const { diagnostics } = parseSource('title: a\n"title": b\n');
    expect(diagnostics.map((d) => [d.code, d.params?.key, d.range])).toEqual([
      ['duplicate-key', 'title', { start: { line: 2, column: 1 }, end: { line: 2, column: 8 } }],
    ]);
  });
});

describe('findExcessiveNesting', () => {
  it.each<[string, string]>([
    ['brackets inside quoted text', `a: "${'['.repeat(300)}"\nb: '${'{'.repeat(300)}'\n`],
    ['brackets in comments', `a: 1 # ${'['.repeat(300)}\n`],
    ['balanced brackets on one line', `a: ${'[1] '.repeat(300)}\n`],
    ['deeply indented block scalar text', `a: |\n${Array.from({ length: 300 }, (_, i) => `${' '.repeat(i + 2)}x`).join('\n')}\n`],
  ])('lets %s through', (_, text) => {
    expect(findExcessiveNesting(text, 256)).toBeUndefined();
  });

  it.each<[string, string, number]>([
    ['flow lists', `a: ${'['.repeat(300)}`, 3 + 255],
    ['flow mappings across lines', `a:\n${Array.from({ length: 300 }, () => '{ b:').join('\n')}`, 3 + 255 * 5],
    ['compact sequences', `${'- '.repeat(300)}x\n`, 0],
  ])('stops %s', (_, text, offset) => {
    expect(findExcessiveNesting(text, 256)).toBe(offset);
  });
});
