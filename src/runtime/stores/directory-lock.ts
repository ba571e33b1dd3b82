import { link, readFile, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { writeTempFile } from './atomic-file.js';
import { PlanwrightError } from '../../errors/planwright-error.js';

/** Directories this process holds locks on (a lock file with our pid but not listed here is stale: pid reuse). */
const heldHere = new Set<string>();

/** Name of the lock file a file store keeps in its directory while open. */
export const LOCK_FILE_NAME = '.planwright.lock';

/** Thrown when a store directory is already in use by a live process (or by this process). */
export class DirectoryLockedError extends PlanwrightError {
  override readonly name = 'DirectoryLockedError';
  readonly code = 'directory-locked';
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      pid === process.pid
        ? `store directory ${dir} is already open in this process; close the other store first`
        : `store directory ${dir} is in use by process ${pid}; a file store serves one process per directory ` +
            `(if that process is gone, delete ${join(dir, LOCK_FILE_NAME)})`,
    );
  }
}

/** A held directory lock. */
export interface DirectoryLock {
  release(): Promise<void>;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the directory's lock file (created exclusively, holding this process id). A lock left
 * by a process that no longer runs is taken over; a live holder raises {@link DirectoryLockedError}.
 *
 * @example
 * ```ts
 * const lock = await lockDirectory('/var/lib/planwright');
 * try { // use the directory
 * } finally { await lock.release(); }
 * ```
 */
export async function lockDirectory(dir: string): Promise<DirectoryLock> {
  const path = join(dir, LOCK_FILE_NAME);
  const key = resolve(dir);
  if (heldHere.has(key)) throw new DirectoryLockedError(dir, process.pid);
  heldHere.add(key); // claimed synchronously, so a concurrent call in this process fails fast
  try {
    return await takeLockFile(dir, path, key);
  } catch (error) {
    heldHere.delete(key);
    throw error;
  }
}

async function takeLockFile(dir: string, path: string, key: string): Promise<DirectoryLock> {
  const mine = `${process.pid}\n`;
  const read = (): Promise<string> => readFile(path, 'utf8').catch(() => '');
  for (let attempt = 0; attempt < 3; attempt++) {
    // Write the pid to a private file first, then hard-link it into place: the lock file appears
    // atomically with its content, so no other process ever reads an empty lock file.
    const temp = await writeTempFile(dir, LOCK_FILE_NAME, mine);
    try {
      await link(temp, path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      await unlink(temp).catch(() => undefined);
    }
    const text = await read();
    if (text === mine && heldHere.has(key)) {
      let released = false;
      return {
        async release() {
          if (released) return;
          released = true;
          await unlink(path).catch(() => undefined);
          heldHere.delete(key);
        },
      };
    }
    const pid = Number.parseInt(text.trim(), 10);
    const live = Number.isSafeInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid);
    if (live) throw new DirectoryLockedError(dir, pid);
    // Stale (holder died, or an earlier process had our pid): take it over, unless it changed meanwhile.
    if ((await read()) === text) await unlink(path).catch(() => undefined);
  }
  throw new Error(`could not take the lock file ${path}`);
}
