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

/**
 * Every file reachable through relative imports from `entry`, and the bare modules they import;
 * with `staticOnly`, through static `import … from` statements only (what loads with the file).
 */
function moduleGraph(entry: string, staticOnly = false): { files: Set<string>; bare: Set<string>; specifiers: Set<string> } {
  const files = new Set<string>();
  const bare = new Set<string>();
  /** The bare specifiers as written (`zod/mini`), where `bare` keeps package names. */
  const specifiers = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    const text = readFileSync(file, 'utf8');
    const pattern = staticOnly ? /(?:^|\n)(?:import|export)\s[^;]*?from\s*["']([^"']+)["']|(?:^|\n)import\s*["']([^"']+)["']/g : /(?:from\s*|import\s*\(?\s*|require\()\s*["']([^"']+)["']/g;
    for (const m of text.matchAll(pattern)) {
      const spec = (m[1] ?? m[2])!;
      if (spec.startsWith('.')) pending.push(join(dirname(file), spec));
      else {
        specifiers.add(spec);
        bare.add(spec.split('/')[0]!.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
      }
    }
  }
  return { files, bare, specifiers };
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
    for (const entry of ['planwright', 'planwright/runtime', 'planwright/testing', 'planwright/postgres', 'planwright/report', 'planwright/render', 'planwright/fastify', 'planwright/express']) {
      const mod = require(entry) as Record<string, unknown>;
      expect(Object.keys(mod).length, entry).toBeGreaterThan(0);
    }
    expect(typeof (require('planwright/runtime') as { createEngine: unknown }).createEngine).toBe('function');
  });

  test.each(['runtime.js', 'runtime.cjs'])('%s never imports the YAML parser, and of zod only zod/mini (architecture.md: the runtime checks input with zod/mini)', (entry) => {
    const { files, bare, specifiers } = moduleGraph(join(dist, entry));
    expect(files.size).toBeGreaterThan(1);
    expect([...bare].sort()).not.toContain('yaml');
    expect([...bare].filter((b) => !isBuiltin(b)).sort()).toEqual(['xstate', 'zod']);
    expect([...specifiers].filter((s) => s === 'zod' || s.startsWith('zod/')).sort()).toEqual(['zod/mini', 'zod/v4/locales/en.js']);
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

describe('what loads lazily', () => {
  test('the CLI binary and planwright/render load pg, docx and resvg only when a command needs them (a dynamic import, not a static one)', () => {
    const lazy = ['pg', 'docx', '@resvg/resvg-js'];
    for (const entry of ['cli.js', 'render.js']) {
      const loaded = moduleGraph(join(dist, entry), true);
      expect(loaded.files.size, entry).toBeGreaterThan(0);
      expect(lazy.filter((name) => loaded.bare.has(name)), entry).toEqual([]);
    }
    const cliReach = moduleGraph(join(dist, 'cli.js'));
    expect(lazy.filter((name) => !cliReach.bare.has(name))).toEqual([]); // each still reachable, through import()
    expect(moduleGraph(join(dist, 'render.js')).bare.has('docx')).toBe(true);
    // CommonJS: requiring planwright/render loads neither docx nor resvg until documentDocx is called
    const probe = spawnSync(process.execPath, ['-e', "require('planwright/render'); const loaded = Object.keys(require.cache); console.log(JSON.stringify(['/docx/', '/@resvg/'].filter((part) => loaded.some((file) => file.includes('node_modules' + part)))))"], { encoding: 'utf8' });
    expect([probe.status, probe.stderr, probe.stdout.trim()]).toEqual([0, '', '[]']);
  });
});

describe('the report and HTTP adapter entries', () => {
  test('planwright/report imports no package but zod/mini (which checks the bundle): no DSL, YAML parser or classic zod, in ESM and CJS', () => {
    for (const entry of ['report.js', 'report.cjs']) {
      const { files, bare, specifiers } = moduleGraph(join(dist, entry));
      expect(files.size, entry).toBeGreaterThan(1);
      // (the graph's regex also catches code text such as `from: String(data['…` — not a package name)
      const packages = [...bare].filter((name) => /^(@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/.test(name) && !isBuiltin(name));
      expect(packages, entry).toEqual(['zod']);
      expect([...specifiers].filter((s) => s === 'zod' || s.startsWith('zod/')).sort(), entry).toEqual(['zod/mini', 'zod/v4/locales/en.js']);
      expect([...bare].includes('yaml'), entry).toBe(false);
    }
    const report = require('planwright/report') as Record<string, unknown>;
    expect(Object.keys(report).sort()).toEqual(['BundleError', 'afterActionReport', 'evaluate', 'readBundle']);
  });

  test('planwright/fastify needs fastify only for its types; planwright/express imports express', () => {
    const fastify = moduleGraph(join(dist, 'fastify.js'));
    expect([...fastify.bare].filter((name) => !isBuiltin(name)).sort()).not.toContain('fastify');
    expect([...fastify.bare]).not.toContain('yaml');
    const express = moduleGraph(join(dist, 'express.js'));
    expect([...express.bare]).toContain('express');
    expect([...express.bare]).not.toContain('yaml');
    for (const entry of ['planwright/fastify', 'planwright/express']) {
      const mod = require(entry) as { HTTP_STATUS: Record<string, number> };
      expect(mod.HTTP_STATUS['not-in-stage'], entry).toBe(409);
    }
  });
});
