import { Buffer } from 'node:buffer';
import { readSync } from 'node:fs';

/** How long to wait before reading again when standard input has no data yet (non-blocking pipes). */
const RETRY_MS = 5;

/**
 * Read standard input (file descriptor 0) to its end, but at most `maxBytes + 1` bytes, so that an
 * endless or huge input is cut off instead of filling memory (one byte more than allowed tells the
 * caller it was too long). Synchronous: the plan commands check their plan synchronously.
 *
 * @example
 * const bytes = readStandardInput(5 * 1024 * 1024); // the plan piped in: planwright validate - < plan.yaml
 */
export function readStandardInput(maxBytes: number): Uint8Array {
  const chunks: Buffer[] = [];
  let total = 0;
  const chunk = Buffer.allocUnsafe(64 * 1024);
  while (total <= maxBytes) {
    let n: number;
    try {
      n = readSync(0, chunk, 0, Math.min(chunk.length, maxBytes + 1 - total), null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, RETRY_MS);
        continue;
      }
      if (code === 'EOF') break;
      throw error;
    }
    if (n === 0) break;
    chunks.push(Buffer.from(chunk.subarray(0, n)));
    total += n;
  }
  return Buffer.concat(chunks, total);
}
