import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/dsl/check-plan.js';
import { MAX_FILE_BYTES } from '../../src/dsl/limits.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const minimal = readFileSync(join(root, 'test/fixtures/valid/minimal.plan.yaml'), 'utf8');

const BILLION_LAUGHS = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghi'.split('').map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(',')}]`),
  '',
].join('\n');

function timed<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

function firstCode(text: string): { code: string | undefined; line: number | undefined; column: number | undefined } {
  const d = checkPlan({ text, file: 'hostile.yaml' }).diagnostics[0];
  return { code: d?.code, line: d?.range?.start.line, column: d?.range?.start.column };
}

describe('hostile input', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'planwright-hostile-'));
    checkPlan({ text: minimal }); // warm up the parser and the schema
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a file over 5 MB without parsing it', () => {
    const file = join(dir, 'huge.plan.yaml');
    writeFileSync(file, `${minimal}notes: "${'x'.repeat(MAX_FILE_BYTES)}"\n`);
    const { value, ms } = timed(() => checkPlan({ file }));
    expect(value.diagnostics.map((d) => [d.code, d.range?.start])).toEqual([['file-too-large', { line: 1, column: 1 }]]);
    expect(ms).toBeLessThan(1000);
    const text = timed(() => checkPlan({ text: readFileSync(file, 'utf8') }));
    expect(text.value.diagnostics.map((d) => d.code)).toEqual(['file-too-large']);
  });

  it('refuses a "billion laughs" alias bomb fast', () => {
    const { value, ms } = timed(() => checkPlan({ text: BILLION_LAUGHS, file: 'bomb.yaml' }));
    expect(value.diagnostics.map((d) => [d.code, d.range?.start])).toEqual([['alias-limit', { line: 5, column: 8 }]]);
    expect(ms).toBeLessThan(1000);
  });

  it('refuses a self-referencing alias', () => {
    expect(firstCode('a: &a [*a]\n').code).toMatch(/^(too-deep|alias-limit)$/);
  });

  it('refuses deep nesting before the YAML parser recurses into it', () => {
    const { value, ms } = timed(() => firstCode(`notes: ${'['.repeat(2_000_000)}`));
    // the mapping counts one level, so the 256th bracket passes the pre-scan's 256 levels
    expect(value).toEqual({ code: 'too-deep', line: 1, column: 8 + 255 });
    expect(ms).toBeLessThan(2000);
    let blocks = '';
    for (let depth = 0; depth < 300; depth++) blocks += `${' '.repeat(depth)}k:\n`;
    expect(firstCode(blocks)).toEqual({ code: 'too-deep', line: 257, column: 257 });
  });

  it('reports nesting deeper than 64 levels at the node that passes the limit', () => {
    expect(firstCode(`notes: ${'['.repeat(80)}${']'.repeat(80)}\n`)).toEqual({ code: 'too-deep', line: 1, column: 8 + 63 });
  });

  it.each([
    ['__proto__: { polluted: true }\n', 1, 1],
    ['a:\n  b:\n    __proto__: { polluted: true }\n', 3, 5],
    ['"__proto__": { polluted: true }\n', 1, 1],
    ['{ "constructor": { "prototype": { "polluted": true } } }', 1, 3],
    ['deadlines:\n  - due: { prototype: 1h }\n', 2, 12],
  ])('refuses the forbidden key in %j without polluting any prototype', (text, line, column) => {
    const result = checkPlan({ text, file: 'proto.yaml' });
    expect(result.diagnostics.filter((d) => d.code === 'forbidden-key').map((d) => d.range?.start)).toEqual([{ line, column }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('drops forbidden keys of plan objects too', () => {
    const input = JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify('planwright')}: 1}`) as Record<string, unknown>;
    const result = checkPlan(input);
    expect(result.diagnostics[0]).toMatchObject({ code: 'forbidden-key', path: ['__proto__'] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses cyclic plan objects as too deep', () => {
    const cyclic: Record<string, unknown> = { planwright: 1 };
    cyclic.self = cyclic;
    expect(checkPlan(cyclic).diagnostics.map((d) => d.code)).toEqual(['too-deep']);
  });

  it('reads YAML tags as data, never as code', () => {
    const text = minimal.replace('title: { zh-CN: 最小预案, en: Minimal plan }', 'title: !!js/function "function () { globalThis.hacked = true }"');
    const result = checkPlan({ text, file: 'tags.yaml' });
    expect((globalThis as Record<string, unknown>).hacked).toBeUndefined();
    expect(result.diagnostics.map((d) => d.code)).toEqual(['yaml-warning']);
    expect(result.plan?.title).toBe('function () { globalThis.hacked = true }');
  });
});
