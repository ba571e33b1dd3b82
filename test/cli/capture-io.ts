import type { CliIo } from '../../src/cli/io.js';

/** An in-memory CLI io for tests: what the command wrote to stdout and stderr. */
export function captureIo(options: { cwd?: string; isTTY?: boolean } = {}): CliIo & { out: () => string; err: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    ...options,
    out: () => out.join(''),
    err: () => err.join(''),
  };
}
