// The published files: every entry loads in ESM and CJS, the runtime entry pulls in no YAML parser,
// and the CLI binary runs.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import * as root from 'planwright';
import * as testing from 'planwright/testing';

const require = createRequire(import.meta.url);
const dist = resolve('dist');

/** Every file reachable through relative imports from `entry`, and the bare modules they import. */
function moduleGraph(entry: string): { files: Set<string>; bare: Set<string> } {
  const files = new Set<string>();
  const bare = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:from\s*|import\s*\(?\s*|require\()\s*["']([^"']+)["']/g)) {
      const spec = m[1]!;
      if (spec.startsWith('.')) pending.push(join(dirname(file), spec));
      else bare.add(spec.split('/')[0]!.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
    }
  }
  return { files, bare };
}

describe('built package', () => {
  test('the root entry checks the seed plan with no diagnostics', () => {
    const result = root.checkPlan({ file: 'plans/public-opinion.plan.yaml' });
    expect(result.diagnostics).toEqual([]);
    expect(result.ok).toBe(true);
  });

  test('the testing entry exports simulate and runDrill', () => {
    expect(typeof testing.simulate).toBe('function');
    expect(typeof testing.runDrill).toBe('function');
  });

  test('CommonJS consumers can require every entry', () => {
    for (const entry of ['planwright', 'planwright/runtime', 'planwright/testing', 'planwright/postgres']) {
      const mod = require(entry) as Record<string, unknown>;
      expect(Object.keys(mod).length, entry).toBeGreaterThan(0);
    }
    expect(typeof (require('planwright/runtime') as { createEngine: unknown }).createEngine).toBe('function');
  });

  test.each(['runtime.js', 'runtime.cjs'])('%s never imports the YAML parser (nor zod: the runtime checks input with src/validate)', (entry) => {
    const { files, bare } = moduleGraph(join(dist, entry));
    expect(files.size).toBeGreaterThan(1);
    expect([...bare].sort()).not.toContain('yaml');
    expect([...bare].filter((b) => !isBuiltin(b)).sort()).toEqual(['xstate']);
  });

  test('the CLI binary validates the seed plan (exit 0) and reports a missing file (exit 2)', () => {
    const ok = execFileSync(process.execPath, ['dist/cli.js', 'validate', 'plans/public-opinion.plan.yaml', '--json'], {
      encoding: 'utf8',
    });
    expect(JSON.parse(ok)).toEqual({ ok: true, diagnostics: [] });
    const missing = spawnSync(process.execPath, ['dist/cli.js', 'validate', 'plans/nope.plan.yaml'], { encoding: 'utf8' });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('nope.plan.yaml');
  });

  test('the shipped schema.json is exported', () => {
    const schema = require('planwright/schema.json') as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['stages', 'deadlines', 'teams', 'roles']));
  });
});
