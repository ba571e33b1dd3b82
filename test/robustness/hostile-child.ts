/**
 * Hostile inputs run in a child process with a capped heap (test/robustness/hostile-input.test.ts
 * bundles this file and runs it with `--max-old-space-size`): if a case needed unbounded memory the
 * child would die, and the test names the case it was in. For each case it prints one line:
 *
 *   case <name> {"ms": …, "heapMB": …, "result": …}
 *
 * `heapMB` is the heap in use right after the case (after a collection when `--expose-gc`).
 * Arguments: <seed plan file> <seed bundle file> [case names to run].
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lint } from '../../src/analysis/lint.js';
import { compilePlan } from '../../src/compile/compile-plan.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { checkPlan } from '../../src/dsl/check-plan.js';
import { MAX_FILE_BYTES } from '../../src/dsl/limits.js';
import { createEngine, createManualClock, EngineError, type PlanBundle } from '../../src/runtime/index.js';
import { compactPlanYaml } from '../fixtures/robustness/compact-plan.js';

const [seedFile, bundleFile, ...only] = process.argv.slice(2);
if (seedFile === undefined || bundleFile === undefined) throw new Error('usage: hostile-child <seed plan file> <seed bundle file> [case...]');
const seedText = readFileSync(seedFile, 'utf8');
const gc = (globalThis as { gc?: () => void }).gc;

type Result = Record<string, unknown>;

function summary(diagnostics: readonly Diagnostic[]): Result {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  return {
    codes: [...new Set(diagnostics.map((d) => d.code))].sort(),
    errors: errors.length,
    first: errors[0] === undefined ? null : { code: errors[0].code, range: errors[0].range ?? null, message: errors[0].message.slice(0, 300) },
    unpositioned: diagnostics.filter((d) => d.range === undefined && d.code !== 'too-many-diagnostics').map((d) => d.code),
  };
}

const plan = (text: string): Result => {
  const r = checkPlan({ text, file: 'hostile.plan.yaml' });
  return { ok: r.ok, bytes: Buffer.byteLength(text), ...summary(r.diagnostics) };
};

function nested(depth: number, leaf: unknown, wrap: (inner: unknown) => unknown): unknown {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = wrap(v);
  return v;
}

const CASES: Record<string, () => Result | Promise<Result>> = {
  'plan text over 5 MB': () => plan(`${seedText}\n#${'x'.repeat(MAX_FILE_BYTES - Buffer.byteLength(seedText))}`),
  'plan file over 5 MB': () => {
    const dir = mkdtempSync(join(tmpdir(), 'planwright-hostile-'));
    try {
      const file = join(dir, 'big.plan.yaml');
      writeFileSync(file, `${seedText}\n#${'x'.repeat(MAX_FILE_BYTES)}`);
      const r = checkPlan({ file });
      return { ok: r.ok, ...summary(r.diagnostics) };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
  'plan just under 5 MB (seed plan with a 4.7 MB note)': () => plan(`${seedText}\nnotes: "${'长'.repeat(1_600_000)}"\n`),
  '10,000-stage plan (2 MB, inside the limit): check, compile, lint': () => {
    const text = compactPlanYaml(10_000);
    const r = checkPlan({ text, file: 'hostile.plan.yaml' });
    if (!r.ok || r.plan === undefined) return { ok: false, ...summary(r.diagnostics) };
    const compiled = compilePlan(r.plan);
    const findings = lint(r.plan, { locator: r.source });
    return { ok: true, bytes: text.length, stages: compiled.stages.size, lintErrors: findings.filter((d) => d.severity === 'error').length };
  },
  '1,000-deep flow sequences': () => plan(`planwright: 1\nnotes: ${'['.repeat(1000)}${']'.repeat(1000)}\n`),
  '1,000-deep flow mappings': () => plan(`planwright: 1\nnotes: ${'{a: '.repeat(1000)}1${'}'.repeat(1000)}\n`),
  '1,000-deep block mappings': () => plan(Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n') + ' 1\n'),
  '1,000-deep block sequences': () => plan(`${'- '.repeat(1000)}1\n`),
  '100,000 open brackets': () => plan(`a: ${'['.repeat(100_000)}`),
  '1,000-deep JSON': () => plan(`{"notes": ${'{"a": '.repeat(1000)}1${'}'.repeat(1000)}}`),
  '100,000-deep plan object (definePlan input)': () => {
    const r = checkPlan({ planwright: 1, id: 'p', notes: nested(100_000, 1, (v) => [v]) } as never);
    return { ok: r.ok, ...summary(r.diagnostics) };
  },
  'billion laughs (9 levels of 9 aliases)': () =>
    plan(['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', ...'bcdefghi'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(', ')}]`)].join('\n')),
  'alias bomb in block style with merge keys': () =>
    plan(['x0: &x0 {k: v, l: w}', ...Array.from({ length: 30 }, (_, i) => `x${i + 1}: &x${i + 1}\n  a: *x${i}\n  b: *x${i}\n  <<: *x${i}`)].join('\n')),
  'alias used as a key': () => plan('planwright: 1\nk: &k [1, 2]\n? *k\n: v\n'),
  'control characters in keys, ids and titles': () =>
    plan(seedText.replace('id: public-opinion', 'id: "public\\0opinion\\u202e"').replace('timezone: Asia/Shanghai', 'timezone: "Asia/\\e[2J\\u0007Shanghai"\n"\\e]0;pwned\\u0007": 1')),
  'raw NUL, BEL, ESC and bidi bytes in the text': () => plan(seedText.replace('version: 1.0.0', 'version: 1.0.0\u0000\u0007').replace('timezone: Asia/Shanghai', 'timezone: Asia/Shang\u001b[2Jhai\u202e')),
  'byte order mark and CRLF line ends': () => plan(`\uFEFF${seedText.replace(/\n/g, '\r\n')}`),
  'lone surrogates': () => plan(seedText.replace('en: Public Service', 'en: Public \uD800 Service \uDFFF')),
  'event payloads': async () => {
    const bundle = JSON.parse(readFileSync(bundleFile, 'utf8')) as PlanBundle;
    const engine = createEngine(bundle, { clock: createManualClock('2024-05-01T08:00:00Z') });
    const by = { id: 'wang', roles: ['info-officer'] };
    const incident = await engine.open({ by, title: 'Hostile payloads', category: 'media' });
    const out: Result = {};
    const attempts: Record<string, unknown> = {
      '10 MB string': { type: 'REPORT', by, data: { summary: 'x'.repeat(10 * 1024 * 1024), source: 's', publicReaction: 'p' } },
      '100,000 keys': { type: 'REPORT', by, data: Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i])) },
      '100,000-deep data': { type: 'REPORT', by, data: nested(100_000, 1, (v) => ({ a: v })) },
      '100,000-deep array': { type: 'REPORT', by, data: nested(100_000, 1, (v) => [v]) },
      'deep field value': { type: 'REPORT', by, data: { summary: nested(5000, 'x', (v) => ({ v })), source: 's', publicReaction: 'p' } },
      '__proto__ key': { type: 'REPORT', by, data: JSON.parse('{"__proto__": {"polluted": true}, "summary": "s", "source": "s", "publicReaction": "p"}') as unknown },
      '1 MB event type': { type: 'R'.repeat(1024 * 1024), by, data: {} },
      '1 MB actor id': { type: 'REPORT', by: { id: 'w'.repeat(1024 * 1024), roles: ['info-officer'] }, data: {} },
      '100,000 roles': { type: 'REPORT', by: { id: 'w', roles: Array.from({ length: 100_000 }, () => 'info-officer') }, data: {} },
      'control characters in data': { type: 'NOTE', by: { id: 'ctl\u0000\u001b', roles: ['legal-head'] }, data: { note: 'a\u0000b\u0007c\u001b[2J\u202ed' } },
    };
    for (const [name, event] of Object.entries(attempts)) {
      const t = performance.now();
      const r = await engine.send(incident.id, event as never);
      out[name] = { ms: Math.round(performance.now() - t), code: r.ok ? 'accepted' : r.error.code, messageChars: r.ok ? 0 : r.error.message.length };
    }
    for (const [name, input] of Object.entries({
      '10 MB title': { by, title: 't'.repeat(10 * 1024 * 1024), category: 'media' },
      '100,000-key open data': { by, title: 't', category: 'media', data: Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i])) },
    })) {
      const t = performance.now();
      try {
        await engine.open(input as never);
        out[name] = { ms: Math.round(performance.now() - t), code: 'opened' };
      } catch (error) {
        out[name] = { ms: Math.round(performance.now() - t), code: error instanceof EngineError ? error.code : `threw ${String(error)}` };
      }
    }
    const after = await engine.get(incident.id);
    out['incidentJsonChars'] = JSON.stringify(after).length;
    out['polluted'] = ({} as Record<string, unknown>)['polluted'] === true;
    await engine.dispose();
    return out;
  },
};

for (const [name, run] of Object.entries(CASES)) {
  if (only.length > 0 && !only.includes(name)) continue;
  process.stdout.write(`start ${name}\n`);
  const t = performance.now();
  const result = await run();
  const ms = Math.round(performance.now() - t);
  gc?.();
  const heapMB = Math.round(process.memoryUsage().heapUsed / 1e6);
  process.stdout.write(`case ${name}\t${JSON.stringify({ ms, heapMB, result })}\n`);
}
process.stdout.write('done\n');
