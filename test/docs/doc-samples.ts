// The TypeScript samples of the guides live in test/docs/samples/*.ts, where tsc compiles them and
// tests run them. A guide shows a region of a sample file after a marker line:
//
//   <!-- sample: host-embed.ts#engine -->
//   ```ts
//   …the lines between `// #region doc:engine` and `// #endregion` (every such pair, joined)…
//   ```
//
// with the source-tree imports written as the package's entry points. `sampleMismatches` lists
// every TypeScript block of a guide that has no marker or differs from its region.
import { readFileSync } from 'node:fs';

const SAMPLES = new URL('./samples/', import.meta.url);

/** Source-tree import paths of the samples → the package entry a host or tester imports. */
const ENTRY_POINTS: Record<string, string> = {
  '../../../src/runtime/index.js': 'planwright/runtime',
  '../../../src/index.js': 'planwright',
  '../../../src/report/index.js': 'planwright',
  '../../../src/testing/index.js': 'planwright/testing',
  '../../../src/postgres/index.js': 'planwright/postgres',
  '../../../src/fastify/index.js': 'planwright/fastify',
  '../../../src/express/index.js': 'planwright/express',
  '../../../src/report/report-entry.js': 'planwright/report',
  // the declarations `planwright types` wrote for the seed plan, as a host keeps them beside its code
  '../../types/generated/public-opinion-types.js': './plan-types.js',
};

function dedent(lines: string[]): string[] {
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)?.[0].length ?? 0);
  const cut = indents.length === 0 ? 0 : Math.min(...indents);
  return lines.map((l) => l.slice(cut));
}

/** The text of region `name` of a sample file, as a guide shows it. */
export function sampleRegion(file: string, name: string): string {
  const lines = readFileSync(new URL(file, SAMPLES), 'utf8').split('\n');
  const parts: string[][] = [];
  let current: string[] | undefined;
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed === `// #region doc:${name}`) {
      current = [];
      continue;
    }
    if (current !== undefined && trimmed === '// #endregion') {
      parts.push(dedent(current));
      current = undefined;
      continue;
    }
    if (current !== undefined && !/^\/\/ #(end)?region/.test(trimmed)) current.push(line);
  }
  if (parts.length === 0) throw new Error(`${file}: no region doc:${name}`);
  let text = parts.map((p) => p.join('\n')).join('\n');
  for (const [from, to] of Object.entries(ENTRY_POINTS)) text = text.split(`'${from}'`).join(`'${to}'`);
  return text;
}

/** A fenced code block of a Markdown file, with the HTML comment right above it (if any). */
export interface CodeBlock {
  lang: string;
  code: string;
  /** 1-based line of the opening fence. */
  line: number;
  marker: string | undefined;
}

export function codeBlocks(markdown: string): CodeBlock[] {
  const lines = markdown.split('\n');
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S*)\s*$/.exec(lines[i] as string);
    if (open === null) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i] !== '```'; i++) body.push(lines[i] as string);
    const above = start > 0 ? (lines[start - 1] as string).trim() : '';
    blocks.push({ lang: open[1] ?? '', code: body.join('\n'), line: start + 1, marker: /^<!--.*-->$/.test(above) ? above : undefined });
  }
  return blocks;
}

/** Problems with the TypeScript blocks of a guide: no marker, an unknown region, or a difference. */
export function sampleMismatches(markdownFile: URL): string[] {
  const problems: string[] = [];
  for (const block of codeBlocks(readFileSync(markdownFile, 'utf8'))) {
    if (block.lang !== 'ts' && block.lang !== 'typescript') continue;
    const marker = block.marker ?? '';
    if (/^<!-- not compiled: .+ -->$/.test(marker)) continue;
    const sample = /^<!-- sample: ([\w.-]+)#([\w-]+) -->$/.exec(marker);
    if (sample === null) {
      problems.push(`line ${block.line}: a TypeScript block without <!-- sample: file#region --> above it`);
      continue;
    }
    let expected: string;
    try {
      expected = sampleRegion(sample[1] as string, sample[2] as string);
    } catch (error) {
      problems.push(`line ${block.line}: ${(error as Error).message}`);
      continue;
    }
    if (block.code !== expected) problems.push(`line ${block.line}: differs from ${sample[1]}#${sample[2]}:\n${expected}`);
  }
  return problems;
}

/**
 * Problems with the excerpts of a guide: a block after `<!-- excerpt: <path from the repository root> -->`
 * must appear, line for line, in that file.
 */
export function excerptMismatches(markdownFile: URL): string[] {
  const root = new URL('../../', import.meta.url);
  const problems: string[] = [];
  for (const block of codeBlocks(readFileSync(markdownFile, 'utf8'))) {
    const excerpt = /^<!-- excerpt: (\S+) -->$/.exec(block.marker ?? '');
    if (excerpt === null) continue;
    let source: string;
    try {
      source = readFileSync(new URL(excerpt[1] as string, root), 'utf8');
    } catch {
      problems.push(`line ${block.line}: cannot read ${excerpt[1]}`);
      continue;
    }
    if (!`\n${source}\n`.includes(`\n${block.code}\n`)) problems.push(`line ${block.line}: not an excerpt of ${excerpt[1]}`);
  }
  return problems;
}
