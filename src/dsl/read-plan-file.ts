import { closeSync, fstatSync, openSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { Buffer } from 'node:buffer';

/** What a path names when it is not a regular file (the `not-a-file` diagnostic's `kind`). */
export type NotAFileKind = 'directory' | 'fifo' | 'socket' | 'device' | 'other';

/** The outcome of {@link readPlanFile}. */
export type PlanFileRead =
  | { kind: 'ok'; text: string; real: string; bytes: number }
  | { kind: 'missing' }
  | { kind: 'not-a-file'; what: NotAFileKind }
  | { kind: 'too-large'; bytes: number }
  | { kind: 'encoding'; encoding: string }
  | { kind: 'unreadable'; detail: string };

/** Byte order marks of encodings other than UTF-8, longest first (UTF-32LE starts like UTF-16LE). */
const BYTE_ORDER_MARKS: ReadonlyArray<readonly [string, readonly number[]]> = [
  ['UTF-32LE', [0xff, 0xfe, 0x00, 0x00]],
  ['UTF-32BE', [0x00, 0x00, 0xfe, 0xff]],
  ['UTF-16LE', [0xff, 0xfe]],
  ['UTF-16BE', [0xfe, 0xff]],
];

/**
 * The encoding a text's byte order mark names when it is not UTF-8 (`UTF-16LE`, `UTF-16BE`,
 * `UTF-32LE`, `UTF-32BE`), or `undefined`. Such a file decoded as UTF-8 is mostly NUL bytes and
 * would be reported as "expected a mapping, found text".
 *
 * @example
 * foreignEncoding(Buffer.from([0xff, 0xfe, 0x69, 0x00])); // 'UTF-16LE'
 */
export function foreignEncoding(bytes: Uint8Array): string | undefined {
  for (const [name, mark] of BYTE_ORDER_MARKS) {
    if (bytes.length >= mark.length && mark.every((b, i) => bytes[i] === b)) return name;
  }
  return undefined;
}

/**
 * What a path that is not a regular file names, from its `stat`.
 *
 * @example
 * notAFileKind(statSync('/tmp')); // 'directory'
 */
export function notAFileKind(stats: Stats): NotAFileKind {
  if (stats.isDirectory()) return 'directory';
  if (stats.isFIFO()) return 'fifo';
  if (stats.isSocket()) return 'socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'device';
  return 'other';
}

/**
 * Read a plan (or included) file as UTF-8 text, at most `maxBytes` bytes. Never opens what is not
 * a regular file (a FIFO would block), never reads more than `maxBytes + 1` bytes (the size is
 * checked before reading and again on the open file), and names a UTF-16/UTF-32 encoding instead
 * of decoding it. Never throws.
 *
 * @example
 * const read = readPlanFile('/plans/p.plan.yaml', 5 * 1024 * 1024);
 * if (read.kind === 'ok') parseSource(read.text);
 */
export function readPlanFile(absolute: string, maxBytes: number): PlanFileRead {
  let stats: Stats;
  try {
    stats = statSync(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
    return { kind: 'unreadable', detail: error instanceof Error ? error.message : String(error) };
  }
  if (!stats.isFile()) return { kind: 'not-a-file', what: notAFileKind(stats) };
  if (stats.size > maxBytes) return { kind: 'too-large', bytes: stats.size };
  let fd: number | undefined;
  try {
    const real = realpathSync(absolute);
    fd = openSync(real, 'r');
    const size = fstatSync(fd).size;
    if (size > maxBytes) return { kind: 'too-large', bytes: size };
    // Read to the end, but never past the limit (the file may have grown since the stat).
    const buffer = Buffer.allocUnsafe(Math.min(size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length === buffer.length) break;
    }
    if (length > maxBytes) return { kind: 'too-large', bytes: length };
    if (length === buffer.length) return { kind: 'unreadable', detail: 'the file changed while it was read' };
    const bytes = buffer.subarray(0, length);
    const encoding = foreignEncoding(bytes);
    if (encoding !== undefined) return { kind: 'encoding', encoding };
    return { kind: 'ok', text: bytes.toString('utf8'), real, bytes: length };
  } catch (error) {
    return { kind: 'unreadable', detail: error instanceof Error ? error.message : String(error) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
