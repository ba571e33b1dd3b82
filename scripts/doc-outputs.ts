// The guides show real `planwright` output. Each such block follows a marker line naming the command:
//
//   <!-- cli: planwright validate docs/tutorial/draft-1.plan.yaml | exit 1 -->
//   ```console
//   $ planwright validate docs/tutorial/draft-1.plan.yaml
//   …what the command prints (stdout and stderr in order)…
//   ```
//
// A `console` block starts with the `$ ` line; any other block (`mermaid`, `json`) holds the output
// alone. `| tty` runs the command as in a terminal (code frames; colours are stripped). The commands
// run in-process (`run` from src/cli) with the repository as working folder.
//
// test/docs/guide-outputs.test.ts fails when a block differs from what the command prints now;
// `npx tsx scripts/write-doc-outputs.ts` rewrites the blocks.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../src/cli/run.js';

/** The guides whose CLI blocks are kept in sync. */
export const GUIDES = ['docs/planner-guide.md', 'docs/planner-guide.zh-CN.md', 'docs/testing-guide.md'];

/** The repository root: the working folder of the commands. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** A CLI block of a Markdown file. */
export interface CliBlock {
  command: string;
  exit: number;
  tty: boolean;
  lang: string;
  /** The block's text between the fences. */
  text: string;
  /** 0-based indexes of the first and last body line in the file's lines. */
  first: number;
  last: number;
}

const MARKER = /^<!-- cli: (planwright [^|]+?)\s*((?:\|\s*(?:exit \d+|tty)\s*)*)-->$/;

export function cliBlocks(markdown: string): CliBlock[] {
  const lines = markdown.split('\n');
  const blocks: CliBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const marker = MARKER.exec((lines[i] as string).trim());
    if (marker === null) continue;
    const fence = /^```(\S*)$/.exec(lines[i + 1] ?? '');
    if (fence === null) throw new Error(`line ${i + 1}: a cli marker must be followed by a fenced block`);
    let end = i + 2;
    while (end < lines.length && lines[end] !== '```') end++;
    const options = marker[2] ?? '';
    blocks.push({
      command: (marker[1] as string).trim(),
      exit: Number(/exit (\d+)/.exec(options)?.[1] ?? '0'),
      tty: /\btty\b/.test(options),
      lang: fence[1] ?? '',
      text: lines.slice(i + 2, end).join('\n'),
      first: i + 2,
      last: end - 1,
    });
    i = end;
  }
  return blocks;
}

/** Splits a command line into words (double quotes group; `*` in a last path segment is expanded). */
export function words(command: string): string[] {
  const out: string[] = [];
  for (const match of command.matchAll(/"([^"]*)"|(\S+)/g)) {
    const word = match[1] ?? (match[2] as string);
    if (match[1] === undefined && word.includes('*')) {
      const dir = dirname(word);
      const pattern = new RegExp(`^${word.slice(dir.length + 1).replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
      const found = readdirSync(join(ROOT, dir)).filter((n) => pattern.test(n)).sort();
      if (found.length === 0) throw new Error(`${word} matches no file`);
      out.push(...found.map((n) => `${dir}/${n}`));
    } else {
      out.push(word);
    }
  }
  return out;
}

/** Runs `planwright …` in-process; returns its exit code and everything it printed, in order. */
export async function runCommand(command: string, tty = false): Promise<{ exit: number; output: string }> {
  const [binary, ...argv] = words(command);
  if (binary !== 'planwright') throw new Error(`not a planwright command: ${command}`);
  let output = '';
  const exit = await run(argv, {
    stdout: (text) => void (output += text),
    stderr: (text) => void (output += text),
    cwd: ROOT,
    isTTY: tty,
  });
  return { exit, output: output.replace(/\u001b\[[0-9;]*m/g, '') };
}

/** The body a block should have for a command's output. */
export function blockText(block: Pick<CliBlock, 'command' | 'lang'>, output: string): string {
  const body = output.replace(/\n$/, '');
  return block.lang === 'console' ? `$ ${block.command}\n${body}` : body;
}

/** Every CLI block of a Markdown file that differs from what its command prints now. */
export async function staleCliBlocks(file: string): Promise<Array<{ block: CliBlock; exit: number; expected: string }>> {
  const stale: Array<{ block: CliBlock; exit: number; expected: string }> = [];
  for (const block of cliBlocks(readFileSync(join(ROOT, file), 'utf8'))) {
    const { exit, output } = await runCommand(block.command, block.tty);
    const expected = blockText(block, output);
    if (expected !== block.text || exit !== block.exit) stale.push({ block, exit, expected });
  }
  return stale;
}

/** The Markdown file with every CLI block (and its exit code) rewritten from a fresh run. */
export async function refreshCliBlocks(file: string): Promise<string> {
  const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
  const blocks = cliBlocks(lines.join('\n'));
  for (const block of [...blocks].reverse()) {
    const { exit, output } = await runCommand(block.command, block.tty);
    lines.splice(block.first, block.last - block.first + 1, ...blockText(block, output).split('\n'));
    const options = [...(exit === 0 ? [] : [`exit ${exit}`]), ...(block.tty ? ['tty'] : [])];
    lines[block.first - 2] = `<!-- cli: ${block.command}${options.map((o) => ` | ${o}`).join('')} -->`;
  }
  return lines.join('\n');
}
