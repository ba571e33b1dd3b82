/**
 * Hostile input limits: oversized plans, a 10,000-stage plan, 1,000-deep nesting, alias bombs,
 * control characters, huge event payloads. Each is refused with a clear, positioned error or
 * handled, in bounded time and with a bounded heap: the cases run in a child process
 * (hostile-child.ts) whose heap is capped at {@link HEAP_CAP_MB}, so one that needed unbounded
 * memory would kill the child and fail here with the case's name.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBundle } from '../../src/bundle/create-bundle.js';
import { formatDiagnostic } from '../../src/diagnostics/format-diagnostic.js';
import { checkPlan } from '../../src/dsl/check-plan.js';
import { createEngine, createManualClock } from '../../src/runtime/index.js';
import { loadSeedDefinition } from '../compile/seed.js';
import { seedPlan } from '../runtime/seed-fixtures.js';

/** Heap cap of the child (MB). */
const HEAP_CAP_MB = 768;
const seedFile = fileURLToPath(new URL('../../plans/public-opinion.plan.yaml', import.meta.url));

interface CaseResult {
  ms: number;
  heapMB: number;
  result: Record<string, unknown>;
}

let work: string;
const results = new Map<string, CaseResult>();
let childLog = '';

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'planwright-hostile-'));
  const childFile = join(work, 'hostile-child.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./hostile-child.ts', import.meta.url))],
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: childFile,
    logLevel: 'silent',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  const bundleFile = join(work, 'public-opinion.json');
  writeFileSync(bundleFile, JSON.stringify(createBundle(loadSeedDefinition())));
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${HEAP_CAP_MB}`, '--expose-gc', childFile, seedFile, bundleFile], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      childLog += chunk;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      for (const line of out.split('\n')) {
        if (!line.startsWith('case ')) continue;
        const tab = line.indexOf('\t');
        results.set(line.slice(5, tab), JSON.parse(line.slice(tab + 1)) as CaseResult);
      }
      const started = [...out.matchAll(/^start (.*)$/gm)].map((m) => m[1]);
      const last = started[started.length - 1];
      console.log([...results].map(([name, r]) => `hostile: ${name}: ${r.ms} ms, heap ${r.heapMB} MB after`).join('\n'));
      if (code !== 0 || !out.includes('\ndone\n')) {
        childLog += `\nchild ended (${signal ?? `code ${code}`}) during case "${last}"`;
      }
      resolve();
    });
  });
}, 300_000);

afterAll(() => {
  if (work !== undefined) rmSync(work, { recursive: true, force: true });
});

function get(name: string): CaseResult {
  const r = results.get(name);
  if (r === undefined) throw new Error(`case "${name}" did not finish within a ${HEAP_CAP_MB} MB heap: ${childLog.slice(-2000)}`);
  return r;
}

function refused(name: string, code: string, maxMs: number): void {
  const r = get(name);
  expect(r.result['ok'], name).toBe(false);
  expect(r.result['codes'], name).toContain(code);
  expect((r.result['first'] as { range: unknown } | null)?.range, `${name}: the error has a position`).toBeTruthy();
  expect(r.result['unpositioned'], name).toEqual([]);
  expect(r.ms, name).toBeLessThan(maxMs);
}

describe(`hostile input (child process, heap capped at ${HEAP_CAP_MB} MB)`, () => {
  it('the child ran every case to the end', () => {
    expect(childLog).toBe('');
    expect(results.size).toBeGreaterThanOrEqual(18);
  });

  it('a plan over 5 MB is refused before parsing, as text or as a file', () => {
    refused('plan text over 5 MB', 'file-too-large', 2000);
    refused('plan file over 5 MB', 'file-too-large', 2000);
  });

  it('a plan just under 5 MB is read in bounded time and memory', () => {
    const r = get('plan just under 5 MB (seed plan with a 4.7 MB note)');
    expect(r.result['bytes']).toBeGreaterThan(4.5 * 1024 * 1024);
    expect(r.result['ok']).toBe(true);
    expect(r.ms).toBeLessThan(30_000);
  });

  it('a 10,000-stage plan inside the size limit is checked, compiled and linted in bounded time', () => {
    const r = get('10,000-stage plan (2 MB, inside the limit): check, compile, lint');
    expect(r.result).toMatchObject({ ok: true, stages: 10_000, lintErrors: 0 });
    expect(r.ms).toBeLessThan(60_000);
  });

  it('1,000-deep nesting is refused with too-deep at a position, whatever the syntax', () => {
    for (const name of ['1,000-deep flow sequences', '1,000-deep flow mappings', '1,000-deep block mappings', '1,000-deep block sequences', '100,000 open brackets', '1,000-deep JSON']) {
      refused(name, 'too-deep', 2000);
    }
    const object = get('100,000-deep plan object (definePlan input)');
    expect(object.result['ok']).toBe(false);
    expect(object.result['codes']).toContain('too-deep');
    expect(object.ms).toBeLessThan(2000);
  });

  it('alias bombs are refused with alias-limit (or an error) at a position', () => {
    refused('billion laughs (9 levels of 9 aliases)', 'alias-limit', 5000);
    const merge = get('alias bomb in block style with merge keys');
    expect(merge.result['ok']).toBe(false);
    expect(merge.result['unpositioned']).toEqual([]);
    expect(merge.ms).toBeLessThan(5000);
    const key = get('alias used as a key');
    expect(key.result['ok']).toBe(false);
    expect(key.result['unpositioned']).toEqual([]);
  });

  it('control characters, BOM, CRLF and lone surrogates give positioned diagnostics, never a crash', () => {
    for (const name of ['control characters in keys, ids and titles', 'raw NUL, BEL, ESC and bidi bytes in the text']) {
      const r = get(name);
      expect(r.result['ok'], name).toBe(false);
      expect(r.result['codes'], name).not.toContain('internal-error');
      expect(r.result['unpositioned'], name).toEqual([]);
      expect(r.ms, name).toBeLessThan(5000);
    }
    expect(get('byte order mark and CRLF line ends').result['ok']).toBe(true);
    // Lone surrogates are valid JavaScript text: accepted in a title, or refused with a position.
    const surrogates = get('lone surrogates');
    expect(surrogates.result['unpositioned']).toEqual([]);
    expect(surrogates.result['codes']).not.toContain('internal-error');
  });

  it('huge, deep and hostile event payloads are refused with a typed error, and the incident stays small', () => {
    const r = get('event payloads').result;
    const code = (name: string): unknown => (r[name] as { code: string }).code;
    for (const name of ['10 MB string', '100,000 keys', '100,000-deep data', '100,000-deep array', 'deep field value', '__proto__ key', '1 MB event type', '1 MB actor id', '100,000 roles']) {
      expect(code(name), name).toBe('invalid-data');
      expect((r[name] as { ms: number }).ms, name).toBeLessThan(15_000);
    }
    expect(code('control characters in data')).toBe('accepted');
    expect(code('10 MB title')).toBe('invalid-data');
    expect(code('100,000-key open data')).toBe('invalid-data');
    expect(r['polluted']).toBe(false);
    // Rejections are recorded, but a rejected payload is not copied whole into the timeline.
    expect(r['incidentJsonChars']).toBeLessThan(100_000);
    expect(get('event payloads').heapMB).toBeLessThan(HEAP_CAP_MB);
  });

  it('event data the engine cannot copy (100,000 levels deep, BigInt, cyclic) is rejected with invalid-data, not thrown', async () => {
    const engine = createEngine(seedPlan(), { clock: createManualClock('2024-05-01T08:00:00Z') });
    const by = { id: 'wang', roles: ['info-officer'] };
    const incident = await engine.open({ by, title: 'Deep payloads', category: 'media' });
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    let deepField: unknown = 'x';
    for (let i = 0; i < 5000; i++) deepField = { v: deepField };
    const cyclic: Record<string, unknown> = { summary: 's' };
    cyclic['self'] = cyclic;
    const payloads: Record<string, unknown> = {
      'deep data': deep,
      'deep field value': { summary: deepField, source: 's', publicReaction: 'p' },
      'BigInt value': { summary: 10n, source: 's', publicReaction: 'p' },
      'cyclic data': cyclic,
    };
    for (const [name, data] of Object.entries(payloads)) {
      const result = await engine.send(incident.id, { type: 'REPORT', by, data: data as Record<string, unknown> });
      expect(result.ok, name).toBe(false);
      expect(result.ok ? '' : result.error.code, name).toBe('invalid-data');
    }
    const after = await engine.get(incident.id);
    expect(after?.timeline.filter((e) => e.type === 'rejected')).toHaveLength(Object.keys(payloads).length);
    expect(after?.stage).toBe('report');
    await engine.dispose();
  });

  it('a code frame never prints raw control or bidi characters from a plan (no terminal escape injection)', () => {
    const text = 'planwright: 1\nid: p\nevil\u001b]0;pwned\u0007\u001b[2J\u202e: 1\n';
    const r = checkPlan({ text, file: 'x.plan.yaml' });
    const frames = r.diagnostics.map((d) => formatDiagnostic(d, text));
    expect(frames.some((f) => f.includes('evil'))).toBe(true);
    for (const f of frames) {
      expect(f, JSON.stringify(f)).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    }
    // The caret still lines up under the key (one column per replaced character).
    const evil = frames.find((f) => f.includes('evil')) ?? '';
    const [source, caret] = evil.split('\n').slice(1);
    expect(caret?.indexOf('^')).toBe(source?.indexOf('evil'));
  });
});
