/**
 * Issue 17 through the command line. The resource cases (a 25,000-item include, 200 includes of
 * one 5 MB file, includes that together pass 5 MB, a FIFO, standard input) run the CLI in a child
 * process with a 256 MB heap and a timeout, so that a regression fails here instead of hanging CI;
 * the output cases (escaping, exit codes, `-`) run in-process.
 */
import { spawnSync } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { compilePlan } from '../../src/compile/compile-plan.js';
import { MAX_PLAN_BYTES } from '../../src/dsl/limits.js';
import { loadPlan } from '../../src/dsl/load-plan.js';
import { afterActionReport } from '../../src/report/after-action/after-action-report.js';
import { evaluate } from '../../src/report/evaluation/evaluate.js';
import { createEngine, createManualClock } from '../../src/runtime/index.js';
import { captureIo } from './capture-io.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const minimal = readFileSync(join(root, 'test/fixtures/valid/minimal.plan.yaml'), 'utf8');
/** Raw terminal controls and bidi characters (what must never be printed). */
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const HEAP_MB = 256;

let work = '';
let cli = '';

interface ChildRun {
  status: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Run the bundled CLI in a child with a capped heap and a timeout. */
function child(args: readonly string[], options: { cwd: string; input?: string | Buffer; nodeFlags?: readonly string[]; timeoutMs?: number }): ChildRun {
  const start = performance.now();
  const r = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, ...(options.nodeFlags ?? []), cli, ...args], {
    cwd: options.cwd,
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 20_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, ms: performance.now() - start };
}

function jsonDiagnostics(r: ChildRun): Array<{ code: string; severity: string; file: string; line: number; column: number }> {
  return (JSON.parse(r.stdout) as { diagnostics: Array<{ code: string; severity: string; file: string; line: number; column: number }> }).diagnostics;
}

/** A plan folder with `plan.yaml` (the minimal plan plus `include`) and the given part files. */
function planFolder(name: string, includes: readonly string[], parts: Record<string, string>, padBytes = 0): string {
  const folder = join(work, name);
  mkdirSync(join(folder, 'parts'), { recursive: true });
  for (const [file, text] of Object.entries(parts)) writeFileSync(join(folder, 'parts', file), text);
  const head = minimal.replace(/^# .*\n/gm, '');
  const include = `include:\n${includes.map((f) => `  - parts/${f}\n`).join('')}`;
  const padding = padBytes > 0 ? `${'#'.repeat(padBytes)}\n` : '';
  writeFileSync(join(folder, 'plan.yaml'), `${head.replace('roles:\n', `${include}roles:\n`)}${padding}`);
  return folder;
}

/** A part file of `roles` with one role, padded with a comment to `bytes` bytes. */
function paddedRoles(id: string, bytes: number): string {
  const head = `roles:\n  - { id: ${id}, title: Extra }\n`;
  return `${head}#${'x'.repeat(bytes - head.length - 2)}\n`;
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'planwright-hostile-cli-'));
  // Beside the project's node_modules, so that the packages left external resolve.
  cli = join(root, 'node_modules', '.cache', `planwright-hostile-cli-${process.pid}.mjs`);
  await build({
    entryPoints: [join(root, 'src/cli/bin.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: cli,
    // A native module (render's PNG output) cannot be bundled; it loads from node_modules.
    external: ['@resvg/resvg-js'],
    logLevel: 'silent',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
}, 60_000);

afterAll(() => {
  if (work !== '') rmSync(work, { recursive: true, force: true });
  rmSync(cli, { force: true });
});

describe(`hostile input through the CLI, in a child process (heap ${HEAP_MB} MB, timeout 20 s)`, () => {
  it('an included list of 25,000 items validates (a spread into push overflowed the stack; the child runs with a small stack so a regression shows at this size)', () => {
    const items = Array.from({ length: 25_000 }, (_, i) => `  - id: r${i}\n    title: R\n`).join('');
    const folder = planFolder('many-items', ['many.yaml'], { 'many.yaml': `roles:\n${items}` });
    const r = child(['validate', 'plan.yaml'], { cwd: folder, nodeFlags: ['--stack-size=150'] });
    expect([r.status, r.signal, r.stderr, r.stdout]).toEqual([0, null, '', 'plan.yaml: valid (plan minimal 1.0.0)\n']);
    expect(r.ms).toBeLessThan(20_000);
  }, 30_000);

  it('200 includes of one 5 MB file: refused at the first include that passes the budget, each file read once', () => {
    const folder = planFolder('same-file', Array.from({ length: 200 }, () => 'big.yaml'), { 'big.yaml': paddedRoles('extra', MAX_PLAN_BYTES - 1000) }, 20_000);
    const r = child(['validate', 'plan.yaml', '--json'], { cwd: folder });
    expect([r.status, r.signal, r.stderr]).toEqual([1, null, '']);
    const diagnostics = jsonDiagnostics(r);
    expect(diagnostics[0]).toMatchObject({ code: 'includes-too-large', severity: 'error', file: 'plan.yaml', line: 11, column: 5 });
    expect(diagnostics.slice(1).map((d) => [d.code, d.line])).toEqual(Array.from({ length: 199 }, (_, i) => ['include-repeated', 12 + i]));
    expect(r.ms).toBeLessThan(10_000);
  }, 30_000);

  it('four different 1.5 MB includes: the fourth crosses the 5 MB budget and is refused at its own line', () => {
    const size = Math.floor(1.5 * 1024 * 1024);
    const parts = Object.fromEntries(['a', 'b', 'c', 'd'].map((name) => [`${name}.yaml`, paddedRoles(`extra-${name}`, size)]));
    const folder = planFolder('four-files', Object.keys(parts), parts);
    const r = child(['validate', 'plan.yaml'], { cwd: folder });
    expect([r.status, r.signal, r.stderr]).toEqual([1, null, '']);
    expect(r.stdout).toBe(
      [
        'plan.yaml:14:5: error includes-too-large including "parts/d.yaml" (1.5 MB) brings the plan and its included files to 6.0 MB; together they may be at most 5.0 MB. Make the files smaller.',
        'Found 1 error and 0 warnings.',
        '',
      ].join('\n'),
    );
    expect(r.ms).toBeLessThan(10_000);
  }, 30_000);

  it('a FIFO as the plan is named, never opened (opening it would block until a writer came)', () => {
    const fifo = join(work, 'plan.fifo');
    execFileSync('mkfifo', [fifo]);
    const r = child(['validate', fifo], { cwd: work, timeoutMs: 10_000 });
    expect([r.status, r.signal, r.stdout]).toEqual([2, null, '']);
    expect(r.stderr).toBe(`${fifo}: error not-a-file "${fifo}" is a named pipe (FIFO), not a plan file; give the path of a plan file (YAML or JSON).\n`);
  }, 20_000);

  it('validate - reads the plan from standard input; its includes are relative to the current folder', () => {
    const text = readFileSync(join(root, 'test/fixtures/valid/with-include.plan.yaml'), 'utf8');
    const r = child(['validate', '-'], { cwd: join(root, 'test/fixtures/valid'), input: text });
    expect([r.status, r.stderr, r.stdout]).toEqual([0, '', '<stdin>: valid (plan with-include 1.0.0)\n']);
    const utf16 = child(['validate', '-'], { cwd: work, input: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(minimal, 'utf16le')]) });
    expect([utf16.status, utf16.stdout.split('\n')[0]]).toEqual([1, '<stdin>:1:1: error unsupported-encoding the file is encoded as UTF-16LE (it starts with a UTF-16LE byte order mark); save it as UTF-8 and check it again.']);
    const huge = child(['validate', '-'], { cwd: work, input: `${minimal}#${'x'.repeat(MAX_PLAN_BYTES)}\n` });
    expect([huge.status, huge.stdout.split('\n')[0]?.slice(0, 40)]).toEqual([1, '<stdin>:1:1: error file-too-large the fi']);
  }, 30_000);
});

describe('hostile input through the CLI, in-process', () => {
  const cliRun = async (args: string[], options: { isTTY?: boolean; stdin?: string | Uint8Array; cwd?: string } = {}) => {
    const io = captureIo({ cwd: options.cwd ?? root, ...(options.isTTY === undefined ? {} : { isTTY: options.isTTY }) });
    const stdin = options.stdin;
    const code = await run(args, stdin === undefined ? io : { ...io, readStdin: () => stdin });
    return { code, out: io.out(), err: io.err() };
  };

  it('a folder as the plan: exit 2, named as a folder', async () => {
    expect(await cliRun(['validate', 'test/fixtures/hostile'])).toEqual({
      code: 2,
      out: '',
      err: 'test/fixtures/hostile: error not-a-file "test/fixtures/hostile" is a folder, not a plan file; give the path of a plan file (YAML or JSON).\n',
    });
  });

  it('a UTF-16 plan: exit 1, the encoding named at 1:1', async () => {
    const r = await cliRun(['validate', 'test/fixtures/hostile/utf16.plan.yaml', '--locale', 'zh-CN']);
    expect(r.code).toBe(1);
    expect(r.out.split('\n')[0]).toBe('test/fixtures/hostile/utf16.plan.yaml:1:1: error unsupported-encoding 此文件的编码是 UTF-16LE（以 UTF-16LE 字节顺序标记开头）；请另存为 UTF-8 编码后再检查。');
  });

  it('validate - without a standard input to read: exit 2; --help says how - works', async () => {
    const io = captureIo({ cwd: root });
    expect(await run(['validate', '-'], io)).toBe(2);
    expect(io.err()).toBe('<stdin>: error file-unreadable cannot read "<stdin>": standard input is not available here.\n');
    expect((await cliRun(['validate', '--help'])).out).toContain('Give - to read the plan from standard input');
  });

  it('diagram prints no terminal control or bidi character from a title, as text or JSON', async () => {
    const text = await cliRun(['diagram', 'test/fixtures/hostile/control-title.plan.yaml', '--locale', 'zh-CN'], { isTTY: true });
    expect(text.code).toBe(0);
    expect(text.out).toContain('state "Act\uFFFD[5m" as s_act');
    expect(RAW_CONTROL.test(text.out)).toBe(false);
    const english = await cliRun(['diagram', 'test/fixtures/hostile/control-title.plan.yaml', '--json']);
    expect(english.code).toBe(0);
    expect(RAW_CONTROL.test(english.out)).toBe(false);
    expect((JSON.parse(english.out) as { diagram: string }).diagram).toContain('Triage \uFFFDegairt');
  });

  it('diagnostics print a plan\'s control characters as escapes, and keep planwright\'s own colours in a terminal', async () => {
    const stdin = `${minimal.replace(/^# .*\n/gm, '')}"notes\\e[2J\\u202E": 1\n`;
    const r = await cliRun(['validate', '-'], { isTTY: true, stdin });
    expect(r.code).toBe(1);
    expect(r.out).toContain('<stdin>:62:1: error unknown-key unknown key "notes\\u001b[2J\\u202e".');
    expect(RAW_CONTROL.test(r.out.replace(/\u001b\[(31|39)m/g, ''))).toBe(false);
    expect(r.out).toContain('\u001b[31m^');
  });

  it('lint warns about control characters in titles, at each title', async () => {
    const r = await cliRun(['lint', 'test/fixtures/hostile/control-title.plan.yaml', '--json']);
    const found = (JSON.parse(r.out) as { diagnostics: Array<{ code: string; line: number; column: number; severity: string }> }).diagnostics.filter((d) => d.code === 'control-characters-in-text');
    expect(found.map((d) => [d.severity, d.line, d.column])).toEqual([
      ['warning', 5, 17],
      ['warning', 5, 46],
      ['warning', 36, 12],
      ['warning', 42, 12],
    ]);
    expect(r.code).toBe(0);
  });

  it('Markdown reports escape HTML and control characters from titles and data (HTML reports already did)', async () => {
    const plan = compilePlan(loadPlan({ file: join(root, 'test/fixtures/hostile/control-title.plan.yaml') }));
    const engine = createEngine(plan, { clock: createManualClock('2026-03-02T01:00:00Z'), newId: () => 'IN-1', effects: { publish: async () => {} } });
    const incident = await engine.open({ by: { id: 'c', roles: ['chief'] }, title: 'Leak <script>alert("x")</script> & \u001b[2J', category: 'any' });
    const { markdown } = afterActionReport(incident, plan, { locale: 'en' });
    expect(markdown.split('\n')[0]).toBe('# After-action report: Leak &lt;script&gt;alert("x")&lt;/script&gt; &amp; \\u001b[2J');
    expect(markdown).not.toContain('<script>');
    expect(markdown).not.toContain('<img');
    expect(RAW_CONTROL.test(markdown)).toBe(false);
    const evaluation = evaluate(plan, [incident], { locale: 'en' }).markdown;
    expect(evaluation).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(evaluation).not.toContain('<script>');
    expect(RAW_CONTROL.test(evaluation)).toBe(false);
  });
});
