import { execFileSync } from 'node:child_process';
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

let dir = '';

describe('hostile input', () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'planwright-hostile-'));
    checkPlan({ text: minimal }); // warm up the parser and the schema
  });

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

// Issue 17: defects found by a hostile-input probe. Resource cases (huge includes) run in a child
// process with a capped heap: test/cli/hostile-cli.test.ts.
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hostile input (issue 17)', () => {
  const hostile = join(root, 'test/fixtures/hostile');
  const at = (d: { code: string; severity: string; file?: string; range?: { start: { line: number; column: number }; end: { line: number; column: number } } }) =>
    [d.severity, d.code, d.file, d.range === undefined ? null : `${d.range.start.line}:${d.range.start.column}-${d.range.end.line}:${d.range.end.column}`];

  it('names a folder given as the plan: not-a-file, not "does not exist"', () => {
    const result = checkPlan({ file: 'test/fixtures/hostile' }, { cwd: root });
    expect(result.diagnostics.map((d) => [d.code, d.file, d.params])).toEqual([['not-a-file', 'test/fixtures/hostile', { file: 'test/fixtures/hostile', kind: 'directory' }]]);
    expect(result.diagnostics[0]?.message).toBe('"test/fixtures/hostile" is a folder, not a plan file; give the path of a plan file (YAML or JSON).');
    expect(checkPlan({ file: 'test/fixtures/hostile' }, { cwd: root, locale: 'zh-CN' }).diagnostics[0]?.message).toContain('是一个目录，不是预案文件');
  });

  it('names a FIFO given as the plan without opening it (opening one would block)', () => {
    const fifo = join(dir, 'plan.fifo');
    execFileSync('mkfifo', [fifo]);
    const { value, ms } = timed(() => checkPlan({ file: fifo }));
    expect(value.diagnostics.map((d) => [d.code, d.params])).toEqual([['not-a-file', { file: fifo, kind: 'fifo' }]]);
    expect(value.diagnostics[0]?.message).toContain('is a named pipe (FIFO), not a plan file');
    expect(ms).toBeLessThan(1000);
  });

  it('names the encoding of a UTF-16 file instead of "expected a mapping, found text"', () => {
    const result = checkPlan({ file: 'test/fixtures/hostile/utf16.plan.yaml' }, { cwd: root });
    expect(result.diagnostics.map(at)).toEqual([['error', 'unsupported-encoding', 'test/fixtures/hostile/utf16.plan.yaml', '1:1-1:2']]);
    expect(result.diagnostics[0]?.message).toBe('the file is encoded as UTF-16LE (it starts with a UTF-16LE byte order mark); save it as UTF-8 and check it again.');
    const be = join(dir, 'utf16be.plan.yaml');
    writeFileSync(be, Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(minimal, 'utf16le').swap16()]));
    expect(checkPlan({ file: be }).diagnostics.map((d) => d.params)).toEqual([{ encoding: 'UTF-16BE' }]);
  });

  it('reads each included file once: a repeat is a warning at the repeated include, a folder is not-a-file', () => {
    const result = checkPlan({ file: 'test/fixtures/hostile/repeated-include.plan.yaml' }, { cwd: root });
    expect(result.diagnostics.map(at)).toEqual([
      ['warning', 'include-repeated', 'test/fixtures/hostile/repeated-include.plan.yaml', '10:5-10:23'],
      ['error', 'not-a-file', 'test/fixtures/hostile/repeated-include.plan.yaml', '11:5-11:10'],
      ['warning', 'include-repeated', 'test/fixtures/hostile/parts/events.yaml', '1:11-1:21'],
    ]);
    // without the folder the plan is valid, and the role came in once
    const text = readFileSync(join(hostile, 'repeated-include.plan.yaml'), 'utf8').replace('  - parts\n', '');
    const valid = checkPlan({ text, file: join(hostile, 'repeated-include.plan.yaml') });
    expect([valid.ok, valid.plan?.roles.map((r) => r.id)]).toEqual([true, ['duty']]);
  });

  it('points unknown {{placeholders}} at the placeholder, in flow and block scalars, each occurrence apart', () => {
    const result = checkPlan({ file: 'test/fixtures/hostile/placeholder.plan.yaml' }, { cwd: root });
    expect(result.diagnostics.map((d) => [d.code, (d.params as { id: string }).id, at(d)[3]])).toEqual([
      ['unknown-placeholder', 'opendAt', '16:69-16:80'],
      ['unknown-placeholder', 'restoredAt', '23:30-23:46'],
      ['unknown-placeholder', 'phone', '23:53-23:62'],
      ['unknown-placeholder', 'phone', '23:66-23:77'],
    ]);
  });

  it('reports schema and reference errors in one run, without knock-ons of the items that failed the schema', () => {
    const result = checkPlan({ file: 'test/fixtures/hostile/schema-and-reference.plan.yaml' }, { cwd: root });
    // stages[2] ("closed", final: maybe) failed the schema: `done: closed` and `target: closed` elsewhere are not reported
    expect(result.diagnostics.map((d) => [d.code, at(d)[3], d.path.join('.')])).toEqual([
      ['unknown-role', '40:47-40:51', 'stages.0.on.0.by.1'],
      ['wrong-type', '48:41-48:46', 'stages.2.final'],
      ['bad-duration', '53:10-53:14', 'deadlines.0.due'],
    ]);
    // an item whose id is itself invalid hides the references to its kind (nobody knows the id it meant)
    const badId = checkPlan({ file: 'test/fixtures/broken/bad-id.plan.yaml' }, { cwd: root });
    expect(badId.diagnostics.map((d) => d.code)).toEqual(['invalid-value']);
  });
});
