/**
 * Nothing from a plan is ever evaluated as code: no `eval`, no `Function` constructor, no dynamic
 * `import()` or `require()`, no `node:vm`, no string timers anywhere in src/ (comments and string
 * literals are not code and are skipped). Any exception must be listed in ALLOWED with its reason.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Allowed occurrences: `<path relative to the repo>` → the patterns allowed there, with why. Each is
 * an `import()` of one of planwright's own modules by a literal path, never of plan content.
 */
const ALLOWED: Record<string, Array<{ pattern: string; reason: string }>> = {
  'src/cli/commands/migrate.ts': [
    { pattern: 'dynamic import()', reason: "loads planwright/postgres (and so the optional pg package) only when a migration runs; a literal path of planwright's own module" },
  ],
  'src/render/document-docx.ts': [
    { pattern: 'dynamic import()', reason: "loads the DOCX writer (docx and a native PNG renderer) on the first documentDocx call, for planwright/render and `render --format docx`; a literal path of planwright's own module" },
  ],
  'src/studio/page/main.ts': [
    { pattern: 'dynamic import()', reason: "the studio page loads its schema completion and hover (./schema-support.js, a chunk of the page's own bundle) after the first view is painted; a literal path of the page's own module" },
  ],
};

/** Checked on the code with its strings kept (module specifiers are strings). */
const FORBIDDEN_MODULES: Array<{ name: string; re: RegExp }> = [{ name: 'node:vm', re: /(?:\bfrom\s*|\bimport\s*)['"`](?:node:)?vm['"`]/ }];

const FORBIDDEN: Array<{ name: string; re: RegExp }> = [
  { name: 'eval', re: /(?<![\w$.])eval\s*\(|\[\s*['"`]eval['"`]\s*\]|globalThis\s*\.\s*eval\b/ },
  { name: 'Function constructor', re: /\bnew\s+Function\b|(?<![\w$.])Function\s*\(|\.\s*constructor\s*\(\s*['"`]/ },
  { name: 'dynamic import()', re: /(?<![\w$.])import\s*\(/ },
  { name: 'require()', re: /(?<![\w$.])require\s*\(|createRequire\b/ },
  { name: 'string timer', re: /\b(?:setTimeout|setInterval|setImmediate)\s*\(\s*['"`]/ },
];

/** The source with comments blanked and (unless `keepStrings`) the insides of string and template literals emptied. */
function codeOnly(source: string, keepStrings = false): string {
  let out = '';
  let i = 0;
  const n = source.length;
  while (i < n) {
    const c = source[i] as string;
    const next = source[i + 1];
    if (c === '/' && next === '/') {
      while (i < n && source[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end < 0 ? n : end + 2;
      out += source.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') {
      out += c;
      i++;
      while (i < n && source[i] !== c) {
        if (keepStrings) out += source[i] ?? '';
        if (source[i] === '\\') {
          i++;
          if (keepStrings) out += source[i] ?? '';
        }
        else if (c === '`' && source[i] === '$' && source[i + 1] === '{') {
          // Keep template expressions: they are code.
          let depth = 0;
          while (i < n) {
            if (source[i] === '{') depth++;
            if (source[i] === '}' && --depth === 0) break;
            out += source[i];
            i++;
          }
        }
        i++;
      }
      out += c;
      i++;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(path);
    return /\.(?:[cm]?ts|[cm]?js)$/.test(d.name) ? [path] : [];
  });
}

function findings(source: string): string[] {
  const out: string[] = [];
  const scan = (code: string, rules: typeof FORBIDDEN): void =>
    code.split('\n').forEach((line, i) => {
      for (const f of rules) if (f.re.test(line)) out.push(`${f.name} at line ${i + 1}: ${line.trim().slice(0, 120)}`);
    });
  scan(codeOnly(source), FORBIDDEN);
  scan(codeOnly(source, true), FORBIDDEN_MODULES);
  return out;
}

describe('no code evaluation in src/', () => {
  it('the scanner finds each forbidden form in code, and none in comments or strings', () => {
    const bad = [
      'eval(text)',
      'const f = new Function("a", body)',
      'const g = Function(body)',
      'globalThis.eval(x)',
      "const m = await import(file)",
      "const r = require(name)",
      "import vm from 'node:vm'",
      "setTimeout('alert(1)', 10)",
      "({}).constructor.constructor('return this')()",
    ];
    for (const line of bad) expect(findings(line), line).not.toEqual([]);
    const fine = ['// eval(x) in a comment', '/* new Function() */ const a = 1;', "const s = 'eval(x) import(y)';", 'const t = `no ${1 + 1} eval(`;', "import { x } from './x.js';", 'evaluate(x); retrieval(y); importer(z);', "const v = 'vm';", "import * as z from 'zod';"];
    for (const line of fine) expect(findings(line), line).toEqual([]);
  });

  it('src/ holds no eval, Function constructor, dynamic import/require, vm or string timers', () => {
    const files = sourceFiles(join(root, 'src'));
    expect(files.length).toBeGreaterThan(50);
    const problems: string[] = [];
    for (const file of files) {
      const rel = relative(root, file);
      const allowed = ALLOWED[rel] ?? [];
      for (const f of findings(readFileSync(file, 'utf8'))) {
        if (!allowed.some((a) => f.startsWith(a.pattern))) problems.push(`${rel}: ${f}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
