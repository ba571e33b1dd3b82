import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SPECIFIER = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;

/** Every source file and package the module graph of `entry` reaches (type-only imports included). */
function walk(entry: string): { files: string[]; packages: Set<string> } {
  const files: string[] = [];
  const packages = new Set<string>();
  const todo = [entry];
  const seen = new Set<string>();
  while (todo.length > 0) {
    const file = todo.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    files.push(relative(root, file));
    // Imports written in TSDoc examples (`@example import … from './plan-types.js'`) are not imports.
    const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    for (const m of code.matchAll(SPECIFIER)) {
      const spec = m[1] ?? m[2] ?? m[3] ?? '';
      if (spec.startsWith('.')) {
        const target = resolve(dirname(file), spec).replace(/\.js$/, '.ts');
        if (existsSync(target)) todo.push(target);
        else if (!target.endsWith('.json')) throw new Error(`${file}: cannot resolve ${spec}`);
      } else {
        packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] ?? spec));
      }
    }
  }
  return { files, packages };
}

describe('planwright/runtime module graph', () => {
  it('never imports yaml nor the DSL parser', () => {
    const { files, packages } = walk(join(root, 'src/runtime/index.ts'));
    expect(files.length).toBeGreaterThan(20);
    expect(files).toContain('src/compile/to-machine.ts');
    expect(packages.has('yaml')).toBe(false);
    expect(files.filter((f) => /^src\/dsl\/(parse|load|check-plan|resolve-includes)/.test(f))).toEqual([]);
    expect([...packages].filter((p) => !p.startsWith('node:')).sort()).toEqual(['xstate', 'zod']);
  });
});
