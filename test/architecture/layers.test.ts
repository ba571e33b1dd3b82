// The layer rules of docs/architecture-notes.md ("Layers and their rules"), checked on the import
// graph of src/ (type-only imports included, unless a rule says otherwise):
// - no module cycles;
// - runtime/ imports nothing from dsl/, and the runtime entry reaches no dsl/ module at run time;
// - cli/ and studio/ import only the package entries (what package.json "exports" name) and each other;
// - report/ imports nothing from testing/;
// - nothing outside cli/ and studio/ imports them.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import packageJson from '../../package.json' with { type: 'json' };
import tsupConfig from '../../tsup.config.js';
import { cyclesOf, importGraph, importsOf, resolveSpecifier, runtimeClosure, sourceFiles, type ImportEdge } from './import-graph.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** The source file of every package entry: tsup's entries whose output package.json exports. */
function packageEntries(): string[] {
  if (!Array.isArray(tsupConfig)) throw new Error('tsup.config.ts is expected to export a list of builds');
  const configs: readonly { entry?: unknown }[] = tsupConfig;
  const exported = new Set(
    Object.values(packageJson.exports).flatMap((target) => (typeof target === 'string' ? [target] : [target.import.default, target.require.default])),
  );
  return configs.flatMap((config) =>
    Object.entries(config.entry as Record<string, string>).flatMap(([name, source]) => (exported.has(`./dist/${name}.js`) ? [source] : [])),
  );
}

const ENTRIES = packageEntries();

/** Which folder of src/ a module is in (`src/runtime/stores/x.ts` → `runtime`; `src/index.ts` → ``). */
function area(module: string): string {
  const parts = module.split('/');
  return parts.length > 2 ? parts[1]! : '';
}

const at = (edge: ImportEdge): string => `${edge.from}:${edge.line} → ${edge.to}`;

/** Every break of the layer rules, one line each. */
function violations(edges: readonly ImportEdge[], entries: readonly string[]): string[] {
  const found: string[] = [];
  for (const cycle of cyclesOf(edges)) found.push(`cycle: ${cycle.join(' → ')}`);
  for (const edge of edges) {
    const [from, to] = [area(edge.from), area(edge.to)];
    if (from === 'runtime' && to === 'dsl') found.push(`runtime imports dsl: ${at(edge)}`);
    if (from === 'report' && to === 'testing') found.push(`report imports testing: ${at(edge)}`);
    const app = from === 'cli' || from === 'studio';
    if (app && to !== 'cli' && to !== 'studio' && edge.to.startsWith('src/') && !entries.includes(edge.to)) found.push(`${from} imports an internal module: ${at(edge)}`);
    if (!app && (to === 'cli' || to === 'studio')) found.push(`${from || 'src'} imports ${to}: ${at(edge)}`);
  }
  const runtimeEntry = 'src/runtime/index.ts';
  if (edges.some((edge) => edge.from === runtimeEntry)) {
    for (const module of runtimeClosure(edges, runtimeEntry)) if (area(module) === 'dsl') found.push(`the runtime entry reaches ${module} at run time`);
  }
  return found;
}

/** The graph of a set of made-up sources (path → text), for checking the checks. */
function graphOf(sources: Readonly<Record<string, string>>): ImportEdge[] {
  const exists = (path: string): boolean => path in sources;
  return Object.entries(sources).flatMap(([from, text]) =>
    importsOf(from, text).flatMap(({ specifier, typeOnly, line }) => {
      const to = resolveSpecifier(from, specifier, exists);
      return to === undefined ? [] : [{ from, to, typeOnly, line }];
    }),
  );
}

describe('layer rules', () => {
  it('reads every kind of import, type-only or not', () => {
    const text = [
      "import { a } from './a.js';",
      "import type { B } from './b.js';",
      "import { type C, type D } from './c.js';",
      "import { type E, f } from './e.js';",
      "export { g } from './g.js';",
      "export type { H } from './h.js';",
      "export * from './star/index.js';",
      "import './side-effect.js';",
      "const lazy = await import('./lazy.js');",
      "let t: import('./type-node.js').T;",
      "import { readFileSync } from 'node:fs';",
    ].join('\n');
    expect(importsOf('x.ts', text)).toEqual([
      { specifier: './a.js', typeOnly: false, line: 1 },
      { specifier: './b.js', typeOnly: true, line: 2 },
      { specifier: './c.js', typeOnly: true, line: 3 },
      { specifier: './e.js', typeOnly: false, line: 4 },
      { specifier: './g.js', typeOnly: false, line: 5 },
      { specifier: './h.js', typeOnly: true, line: 6 },
      { specifier: './star/index.js', typeOnly: false, line: 7 },
      { specifier: './side-effect.js', typeOnly: false, line: 8 },
      { specifier: './lazy.js', typeOnly: false, line: 9 },
      { specifier: './type-node.js', typeOnly: true, line: 10 },
      { specifier: 'node:fs', typeOnly: false, line: 11 },
    ]);
    const exists = (path: string): boolean => ['src/runtime/clock.ts', 'src/report/diagram/index.ts'].includes(path);
    expect(resolveSpecifier('src/runtime/engine.ts', './clock.js', exists)).toBe('src/runtime/clock.ts');
    expect(resolveSpecifier('src/report/index.ts', './diagram', exists)).toBe('src/report/diagram/index.ts');
    expect(resolveSpecifier('src/bundle/version.ts', '../../package.json', exists)).toBe('package.json');
    expect(resolveSpecifier('src/runtime/engine.ts', 'xstate', exists)).toBeUndefined();
  });

  it('finds each kind of break (the check can fail)', () => {
    const edges = graphOf({
      'src/runtime/index.ts': "export { createEngine } from './engine.js';",
      'src/runtime/engine.ts': "import { step } from './step.js';\nimport { due } from '../compile/due.js';",
      'src/runtime/step.ts': "import type { Engine } from './engine.js';", // a type-only cycle
      'src/runtime/clock.ts': "import type { Duration } from '../dsl/duration.js';",
      'src/compile/due.ts': "import { parse } from '../dsl/duration.js';", // reaches dsl from the runtime entry
      'src/dsl/duration.ts': 'export const parse = 1;',
      'src/report/drill.ts': "import type { DrillResult } from '../testing/drill.js';",
      'src/testing/drill.ts': 'export type DrillResult = 1;',
      'src/testing/index.ts': "export type { DrillResult } from './drill.js';",
      'src/cli/run.ts': "import { runDrill } from '../testing/index.js';\nimport type { DrillResult } from '../testing/drill.js';\nimport { serve } from '../studio/server.js';",
      'src/studio/server.ts': "import { parse } from '../dsl/duration.js';",
      'src/analysis/lint.ts': "import { run } from '../cli/run.js';",
    });
    expect(violations(edges, ['src/runtime/index.ts', 'src/testing/index.ts'])).toEqual([
      'cycle: src/runtime/engine.ts → src/runtime/step.ts → src/runtime/engine.ts',
      'runtime imports dsl: src/runtime/clock.ts:1 → src/dsl/duration.ts',
      'report imports testing: src/report/drill.ts:1 → src/testing/drill.ts',
      'cli imports an internal module: src/cli/run.ts:2 → src/testing/drill.ts',
      'studio imports an internal module: src/studio/server.ts:1 → src/dsl/duration.ts',
      'analysis imports cli: src/analysis/lint.ts:1 → src/cli/run.ts',
      'the runtime entry reaches src/dsl/duration.ts at run time',
    ]);
    // a longer cycle is named through every module on it
    const cycle = graphOf({ 'src/a.ts': "import './b.js';", 'src/b.ts': "import './c.js';", 'src/c.ts': "import type { A } from './a.js';", 'src/d.ts': "import './d.js';" });
    expect(cyclesOf(cycle)).toEqual([['src/a.ts', 'src/b.ts', 'src/c.ts', 'src/a.ts'], ['src/d.ts', 'src/d.ts']]);
  });

  it('the package entries are the ones package.json exports', () => {
    expect(ENTRIES).toContain('src/index.ts');
    expect(ENTRIES).toContain('src/runtime/index.ts');
    expect(ENTRIES).toContain('src/testing/index.ts');
    expect(ENTRIES).toContain('src/report/report-entry.ts');
    expect(ENTRIES).not.toContain('src/cli/bin.ts'); // the binary, not an entry anyone imports
  });

  it('src/ keeps them', () => {
    const files = [...sourceFiles(root, 'src')];
    const edges = importGraph(root, files);
    expect(edges.length).toBeGreaterThan(1000);
    expect(edges.some((edge) => edge.from === 'src/cli/run.ts')).toBe(true);
    expect(edges.some((edge) => edge.from === 'src/studio/page/main.ts')).toBe(true);
    expect(violations(edges, ENTRIES)).toEqual([]);
  });
});
