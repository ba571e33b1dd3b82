import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** One line a worker printed (see pg-store-worker.ts). */
export type WorkerLine = Record<string, unknown>;

/** A running worker process and what it has printed so far. */
export interface WorkerProcess {
  child: ChildProcess;
  lines: WorkerLine[];
  /** Resolves with the exit code (or the signal name) when the process ends. */
  exited: Promise<number | string>;
  /** Resolves once a printed line satisfies `test`. */
  waitFor(test: (line: WorkerLine) => boolean): Promise<WorkerLine>;
  stderr(): string;
}

/**
 * Starts a worker script (TypeScript, through tsx) with one JSON argument and collects its
 * JSON-lines output.
 */
export function startWorker(script: URL, options: unknown): WorkerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(script), JSON.stringify(options)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: WorkerLine[] = [];
  const waiters: { test: (l: WorkerLine) => boolean; resolve: (l: WorkerLine) => void }[] = [];
  let buffer = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const text = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      if (text.trim() === '') continue;
      const line = JSON.parse(text) as WorkerLine;
      lines.push(line);
      for (const w of [...waiters]) {
        if (w.test(line)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(line);
        }
      }
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => void (err += chunk.toString('utf8')));
  const exited = new Promise<number | string>((resolve) => child.on('close', (code, signal) => resolve(code ?? signal ?? -1)));
  return {
    child,
    lines,
    exited,
    stderr: () => err,
    waitFor(test) {
      const found = lines.find(test);
      if (found !== undefined) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        waiters.push({ test, resolve });
        void exited.then((code) => reject(new Error(`worker exited (${code}) before the expected line; stderr: ${err}`)));
      });
    },
  };
}
