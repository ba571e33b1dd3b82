import { open, readFile, truncate } from 'node:fs/promises';
import type { TimelineEntry } from '../incident.js';
import { CorruptIncidentError } from './incident-document.js';

/** The timeline length and last entry hash a file-store state file was saved with (`hash` is '' for none). */
export interface FileTimelineHead {
  length: number;
  hash: string;
}

/** A timeline file read up to a state's head. */
export interface TimelineRead {
  entries: TimelineEntry[];
  /** Bytes of the file that hold `entries` (where the next append goes). */
  bytes: number;
  /** Where the last of `entries` starts (its line), 0 when there is none. */
  lastLineStart: number;
  /** Bytes after them: a torn last line or lines of a save that was never acknowledged. */
  extraBytes: number;
}

const NEWLINE = 0x0a;

/**
 * Reads the first `head.length` lines of a JSONL timeline file (a missing file is an empty one)
 * and checks they form the chain the state expects: one JSON entry per line, `seq` counting from
 * 0, each `prevHash` the previous `hash`, and the last `hash` equal to `head.hash`. Whatever
 * follows those lines is reported as `extraBytes`, not read. Throws {@link CorruptIncidentError}
 * naming the file and line when the lines disagree with the head.
 *
 * @example
 * ```ts
 * const { entries, extraBytes } = await readTimelineFile(path, { length: 12, hash: 'ab…' });
 * ```
 */
export async function readTimelineFile(path: string, head: FileTimelineHead): Promise<TimelineRead> {
  const buffer = await readFile(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return Buffer.alloc(0);
    throw error;
  });
  const entries: TimelineEntry[] = [];
  let start = 0;
  let lastLineStart = 0;
  while (entries.length < head.length) {
    const end = buffer.indexOf(NEWLINE, start);
    if (end < 0) {
      throw new CorruptIncidentError(path, `holds ${entries.length} whole timeline entries, but the incident's state was saved with ${head.length}`);
    }
    const line = buffer.toString('utf8', start, end);
    let entry: TimelineEntry;
    try {
      entry = JSON.parse(line) as TimelineEntry;
    } catch (error) {
      throw new CorruptIncidentError(path, `line ${entries.length + 1} is not valid JSON (${(error as Error).message})`, { cause: error });
    }
    assertLinked(path, entries, entry);
    entries.push(entry);
    lastLineStart = start;
    start = end + 1;
  }
  const last = entries[entries.length - 1];
  if ((last?.hash ?? '') !== head.hash) {
    throw new CorruptIncidentError(path, `entry ${head.length} has hash ${JSON.stringify(last?.hash ?? '')}, but the incident's state was saved after ${JSON.stringify(head.hash)}`);
  }
  return { entries, bytes: start, lastLineStart, extraBytes: buffer.length - start };
}

/**
 * Reads one entry of a timeline file: the line at bytes `start`–`end` (its newline excluded), as
 * the store's index locates its last entry. Throws {@link CorruptIncidentError} naming the file
 * when it is not a JSON entry.
 *
 * @example
 * ```ts
 * const headEntry = await readTimelineLine(path, indexed.lastLineStart, indexed.timelineBytes);
 * ```
 */
export async function readTimelineLine(path: string, start: number, end: number): Promise<TimelineEntry> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(Math.max(0, end - start));
    let read = 0;
    while (read < buffer.length) {
      const { bytesRead } = await handle.read(buffer, read, buffer.length - read, start + read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    const text = buffer.toString('utf8', 0, read).replace(/\n$/, '');
    try {
      const entry = JSON.parse(text) as unknown;
      if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw new Error('not an object');
      return entry as TimelineEntry;
    } catch (error) {
      throw new CorruptIncidentError(path, `its last entry (bytes ${start}–${end}) is not a JSON entry (${(error as Error).message})`, { cause: error });
    }
  } finally {
    await handle.close();
  }
}

/** Bytes read from the end of a timeline file at a time when looking for its last entry. */
const TAIL_CHUNK_BYTES = 4096;

/**
 * Reads only the last entry of a timeline file whose acknowledged entries end at byte `bytes`
 * (reading backwards from there, a few KB at a time, until the line's start), and checks it is the
 * head the state expects (`seq` is `head.length - 1`, `hash` is `head.hash`). What a list item
 * needs, at a cost that does not grow with the timeline. Throws {@link CorruptIncidentError}
 * naming the file otherwise.
 *
 * @example
 * ```ts
 * const last = await readLastTimelineEntry(path, indexed.timelineBytes, indexed.head);
 * ```
 */
export async function readLastTimelineEntry(path: string, bytes: number, head: FileTimelineHead): Promise<TimelineEntry> {
  if (head.length === 0 || bytes === 0) throw new CorruptIncidentError(path, 'holds no timeline entry (every incident has at least its opened entry)');
  const handle = await open(path, 'r');
  try {
    let chunk = TAIL_CHUNK_BYTES;
    for (;;) {
      const start = Math.max(0, bytes - chunk);
      const buffer = Buffer.alloc(bytes - start);
      let read = 0;
      while (read < buffer.length) {
        const { bytesRead } = await handle.read(buffer, read, buffer.length - read, start + read);
        if (bytesRead === 0) throw new CorruptIncidentError(path, `ends before byte ${bytes}, where its state's timeline ends`);
        read += bytesRead;
      }
      if (buffer[buffer.length - 1] !== NEWLINE) throw new CorruptIncidentError(path, `has no line end at byte ${bytes}, where its state's timeline ends`);
      const lineStart = buffer.lastIndexOf(NEWLINE, buffer.length - 2) + 1;
      if (lineStart === 0 && start > 0) {
        chunk *= 4; // a long entry: read further back
        continue;
      }
      return lastEntryOf(path, buffer.toString('utf8', lineStart, buffer.length - 1), head);
    }
  } finally {
    await handle.close();
  }
}

/** Parses the text of a timeline's last line and checks it is the expected head. */
function lastEntryOf(path: string, line: string, head: FileTimelineHead): TimelineEntry {
  let entry: unknown;
  try {
    entry = JSON.parse(line);
  } catch (error) {
    throw new CorruptIncidentError(path, `line ${head.length} is not valid JSON (${(error as Error).message})`, { cause: error });
  }
  const isObject = typeof entry === 'object' && entry !== null && !Array.isArray(entry);
  if (!isObject || (entry as TimelineEntry).seq !== head.length - 1 || (entry as TimelineEntry).hash !== head.hash) {
    throw new CorruptIncidentError(path, `line ${head.length} is not the entry the incident's state was saved after (seq ${head.length - 1}, hash ${JSON.stringify(head.hash)})`);
  }
  return entry as TimelineEntry;
}

/** Throws unless `entry` continues `before` (its `seq` and `prevHash`); `source` names where it is. */
function assertLinked(source: string, before: readonly TimelineEntry[], entry: TimelineEntry): void {
  const seq = before.length;
  const isObject = typeof entry === 'object' && entry !== null && !Array.isArray(entry);
  if (!isObject || entry.seq !== seq || entry.prevHash !== (before[seq - 1]?.hash ?? '')) {
    throw new CorruptIncidentError(source, `line ${seq + 1} does not continue the chain (expected seq ${seq} after hash ${JSON.stringify(before[seq - 1]?.hash ?? '')})`);
  }
}

/**
 * Throws a `TypeError` unless `entries` continue a stored timeline of `head.length` entries ending
 * in `head.hash` (seq and prevHash of each): a store only ever appends.
 *
 * @example
 * ```ts
 * assertContinues('PO-1', { length: 3, hash }, incident.timeline.slice(3));
 * ```
 */
export function assertContinues(incidentId: string, head: FileTimelineHead, entries: readonly TimelineEntry[]): void {
  let previous = head.hash;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] as TimelineEntry;
    if (entry.seq !== head.length + i || entry.prevHash !== previous) {
      throw new TypeError(
        `incident ${incidentId} cannot be saved: timeline entry ${head.length + i} does not continue the stored chain (seq ${entry.seq}, prevHash ${JSON.stringify(entry.prevHash)})`,
      );
    }
    previous = entry.hash;
  }
}

/** The JSONL text of `entries`: one JSON entry per line, each line ending in a newline. */
export function timelineLines(entries: readonly TimelineEntry[]): string {
  let text = '';
  for (const entry of entries) text += `${JSON.stringify(entry)}\n`;
  return text;
}

/**
 * Writes `text` into a timeline file at byte `offset` (the end of its acknowledged entries; 0
 * creates or empties the file), cuts anything after it, and flushes the file (fsync) before
 * returning.
 *
 * @example
 * ```ts
 * await appendTimeline(path, stored.bytes, timelineLines(newEntries));
 * ```
 */
export async function appendTimeline(path: string, offset: number, text: string): Promise<void> {
  const handle = await open(path, offset === 0 ? 'w' : 'r+', 0o644);
  try {
    const data = Buffer.from(text, 'utf8');
    let written = 0;
    while (written < data.length) {
      const { bytesWritten } = await handle.write(data, written, data.length - written, offset + written);
      written += bytesWritten;
    }
    if (offset > 0) await handle.truncate(offset + data.length);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Cuts a timeline file back to `bytes` and flushes it (repair of a torn or unacknowledged tail).
 *
 * @example
 * ```ts
 * await cutTimeline(path, read.bytes);
 * ```
 */
export async function cutTimeline(path: string, bytes: number): Promise<void> {
  await truncate(path, bytes);
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
