import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Matches temporary files a crash may leave in a store directory: those of {@link writeTempFile}
 * (documents and the lock file), and `.planwright.lock.<pid>.<8 hex digits>`, which the directory
 * lock of earlier versions wrote.
 */
export const TEMP_FILE_PATTERN = /^\.(?:[\w.-]+\.[0-9a-f]{16}\.tmp|planwright\.lock\.\d+\.[0-9a-f]{8})$/;

/**
 * Writes `data` to a new temporary file in `dir` (same file system as the target, so a rename
 * is atomic) and flushes it to disk (fsync) before returning its path.
 *
 * @example
 * ```ts
 * const temp = await writeTempFile(dir, 'PO-1.json', json);
 * await commitTempFile(temp, join(dir, 'PO-1.json'), dir);
 * ```
 */
export async function writeTempFile(dir: string, targetName: string, data: string): Promise<string> {
  const temp = join(dir, `.${targetName}.${randomBytes(8).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o644);
  try {
    await handle.writeFile(data, 'utf8');
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  return temp;
}

/**
 * Renames a flushed temporary file over `target` (atomic on POSIX file systems), then flushes
 * the directory entry (fsync on the directory) so the rename survives a power loss.
 *
 * @example
 * ```ts
 * await commitTempFile(temp, join(dir, 'PO-1.json'), dir);
 * ```
 */
export async function commitTempFile(temp: string, target: string, dir: string): Promise<void> {
  await rename(temp, target);
  await syncDirectory(dir);
}

/**
 * Flushes a directory's entries to disk. A no-op where directories cannot be opened for fsync
 * (Windows).
 *
 * @example
 * ```ts
 * await syncDirectory('/var/lib/planwright');
 * ```
 */
export async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
