import { constants } from 'node:fs';
import { access, mkdir, readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Incident, IncidentState } from '../incident.js';
import type { ListedIncident } from '../listed-incident.js';
import { stateOf } from '../incident-snapshot.js';
import { commitTempFile, syncDirectory, TEMP_FILE_PATTERN, writeTempFile } from './atomic-file.js';
import { lockDirectory, type DirectoryLock } from './directory-lock.js';
import { dueBy, parseQueryTime, pendingDeadlines } from './due-deadlines.js';
import { FILE_STORE_NAMES, incidentIdsIn, openStoreFormat } from './file-store-layout.js';
import { migrateV1Documents } from './file-store-migration.js';
import { assertIncidentId } from './incident-id.js';
import { assertValidSave, CorruptIncidentError, parseIncidentDocument, parseIncidentState, parseTimelineEntry } from './incident-document.js';
import { keyedMutex } from './keyed-mutex.js';
import { listFieldsOf } from './list-fields.js';
import { ListIndex } from './list-index.js';
import { checkListQuery } from './list-limits.js';
import { parseListedDocument } from './listed-document.js';
import { assertSavable } from './save-preconditions.js';
import { parseStateText, stateText } from './state-file.js';
import { VersionConflictError, type CorruptIncident, type DueDeadline, type IncidentListPage, type IncidentListQuery, type IncidentStore } from './store.js';
import { assertAppends } from './snapshot-preconditions.js';
import { appendTimeline, cutTimeline, readLastTimelineEntry, readTimelineFile, readTimelineLine, timelineLines, type FileTimelineHead } from './timeline-file.js';
import { pageOfTimeline } from './timeline-page.js';

/** A file-backed {@link IncidentStore}. */
export interface FileStore extends IncidentStore {
  /** The directory holding `<id>.state.json` and `<id>.timeline.jsonl` per incident. */
  readonly dir: string;
  withPendingEffects(): Promise<string[]>;
  /** The incidents found unreadable on open (or on migration), left out of every query until the store is opened again. */
  corrupt(): Promise<CorruptIncident[]>;
  /** Waits for saves in flight, then releases the directory lock. Later calls reject. */
  close(): Promise<void>;
  /** Resolves when the folder is open (locked by this store) and readable and writable. */
  ping(): Promise<void>;
  listPage(query: IncidentListQuery): Promise<IncidentListPage>;
}

/** List items a page reads at once (each reads two files). */
const LIST_READ_CONCURRENCY = 16;

/** What the store remembers about each readable incident between reads (rebuilt from the files on open). */
interface IndexEntry {
  version: number;
  /** The stored timeline: its length and last hash. */
  head: FileTimelineHead;
  /** Bytes of the timeline file holding the stored entries (where the next append goes). */
  timelineBytes: number;
  /** Where the last stored entry's line starts (the snapshot's head entry is read from there). */
  lastLineStart: number;
  due: DueDeadline[];
  pendingEffects: boolean;
}

/** An incident read from its two files. */
interface ReadIncident {
  incident: Incident;
  timelineBytes: number;
  lastLineStart: number;
  extraBytes: number;
}

/**
 * A {@link IncidentStore} keeping each incident in two files in `dir`: `<id>.state.json` (the
 * incident's state, without its timeline, plus the timeline `head` it was saved with: length and last hash)
 * and `<id>.timeline.jsonl` (one timeline entry per line, only ever appended). A save writes only
 * the entries it adds, so its cost does not grow with the incident's history.
 *
 * - **Commit order**: the new timeline lines are appended and flushed (fsync), then the state is
 *   replaced atomically (temporary file, fsync, rename, directory fsync). The state is the commit
 *   point: lines beyond its `head.length` belong to a save that was never acknowledged.
 * - **Repair on open**: a torn last line, or lines beyond the state's head, are cut off; a timeline
 *   file with no state file (a first save that never completed) is deleted; temporary files are
 *   deleted.
 * - **One corrupt incident is isolated**: an incident whose files cannot be read (not JSON, not an
 *   incident, a timeline shorter than its state's head, a broken `seq`/`prevHash` link, the last
 *   hash not the head's) is left out of `list`, `dueBefore` and `withPendingEffects` and reported by
 *   `corrupt()`; `get` and `save` of it reject with `CorruptIncidentError` naming the file. Every
 *   other incident works as usual. Fix or move the files aside, then open the store again.
 * - **Format**: `.planwright-store.json` holds `{ "format": 2 }`. A folder of planwright before
 *   runtime v2 (one `<id>.json` document per incident) is migrated on open, one incident at a time,
 *   crash-safely (timeline, then state, then the old document removed; an old document found beside
 *   a state file is a leftover and removed).
 * - **Optimistic concurrency**: saves of one incident run one at a time (an in-process lock per
 *   id), and the state file's version is read again just before the write.
 * - **One process per directory**: the store takes a lock file (`.planwright.lock`, holding the
 *   pid) on open and refuses a directory held by another live process; a lock left by a dead
 *   process is taken over. Several processes need `postgresStore` (`planwright/postgres`). Ids
 *   differing only in letter case must not be used on case-insensitive file systems.
 * - **Queries**: `dueBefore`, `withPendingEffects`, `listPage` and each save's version check use
 *   in-memory indexes built by reading every incident on open and kept up to date by each save;
 *   `getSnapshot` reads the state file and the last line of the timeline (located by that index),
 *   never the whole timeline; `get`, `timeline` and `list` read the files. A `listPage` finds its
 *   incidents in the list index (`ListIndex`) and reads, per incident listed, its state file and
 *   its timeline's last line (backwards from the end): a page costs the same however many
 *   incidents the folder holds and however long their timelines are.
 *
 * Opening is lazy: the directory is created, locked, migrated, repaired and indexed by the first
 * call (whose promise rejects if opening fails).
 *
 * @example
 * ```ts
 * const store = fileStore('./incidents');
 * await store.save(incident, 0);
 * const due = await store.dueBefore(new Date().toISOString());
 * await store.close();
 * ```
 */
export function fileStore(dir: string): FileStore {
  const index = new Map<string, IndexEntry>();
  const listIndex = new ListIndex();
  const corrupt = new Map<string, CorruptIncidentError>();
  const mutex = keyedMutex();
  let lock: DirectoryLock | undefined;
  let closed = false;
  let opening: Promise<void> | undefined;

  const statePath = (id: string): string => join(dir, FILE_STORE_NAMES.state(id));
  const timelinePath = (id: string): string => join(dir, FILE_STORE_NAMES.timeline(id));

  async function readText(path: string): Promise<string | undefined> {
    return readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
      return undefined;
    });
  }

  /** Reads an incident's state and the timeline lines it was saved with; undefined when it has no state file. */
  async function readIncident(id: string): Promise<ReadIncident | undefined> {
    const path = statePath(id);
    const text = await readText(path);
    if (text === undefined) return undefined;
    const { fields, head } = parseStateText(text, path);
    const timeline = await readTimelineFile(timelinePath(id), head);
    const incident = parseIncidentDocument({ ...fields, timeline: timeline.entries }, path);
    if (incident.id !== id) throw new CorruptIncidentError(path, `holds incident id ${JSON.stringify(incident.id)}, not ${JSON.stringify(id)}`);
    return { incident, timelineBytes: timeline.bytes, lastLineStart: timeline.lastLineStart, extraBytes: timeline.extraBytes };
  }

  function indexEntry(state: IncidentState, head: FileTimelineHead, timelineBytes: number, lastLineStart: number): IndexEntry {
    return { version: state.version, head, timelineBytes, lastLineStart, due: pendingDeadlines(state), pendingEffects: state.outbox.length > 0 };
  }

  /** Reads, repairs and indexes one incident; a corrupt one is recorded as such. */
  async function indexIncident(id: string): Promise<void> {
    try {
      const read = await readIncident(id);
      if (read === undefined) {
        // A timeline with no state: the first save of this incident never completed.
        await unlink(timelinePath(id)).catch(() => undefined);
        return;
      }
      if (read.extraBytes > 0) await cutTimeline(timelinePath(id), read.timelineBytes);
      const { timeline } = read.incident;
      index.set(id, indexEntry(read.incident, { length: timeline.length, hash: timeline.at(-1)?.hash ?? '' }, read.timelineBytes, read.lastLineStart));
      listIndex.set(id, listFieldsOf(read.incident));
    } catch (error) {
      if (!(error instanceof CorruptIncidentError)) throw error;
      corrupt.set(id, error);
    }
  }

  async function open(): Promise<void> {
    await mkdir(dir, { recursive: true });
    lock = await lockDirectory(dir);
    try {
      let removed = false;
      for (const name of await readdir(dir)) {
        if (TEMP_FILE_PATTERN.test(name)) {
          await unlink(join(dir, name)).catch(() => undefined);
          removed = true;
        }
      }
      if (removed) await syncDirectory(dir);
      await openStoreFormat(dir);
      for (const failure of await migrateV1Documents(dir)) corrupt.set(failure.incidentId, failure.error);
      for (const id of incidentIdsIn(await readdir(dir))) {
        if (!corrupt.has(id)) await indexIncident(id);
      }
    } catch (error) {
      index.clear();
      listIndex.clear();
      corrupt.clear();
      await lock.release();
      lock = undefined;
      throw error;
    }
  }

  function ready(): Promise<void> {
    if (closed) return Promise.reject(new Error(`file store ${dir} is closed`));
    opening ??= open();
    return opening;
  }

  /** The version of the incident's state file as on disk (null when it has none). */
  async function versionOnDisk(id: string): Promise<number | null> {
    const path = statePath(id);
    const text = await readText(path);
    if (text === undefined) return null;
    const version = parseStateText(text, path).fields['version'];
    return typeof version === 'number' ? version : null;
  }

  /**
   * Reads one list item: the state file and the timeline's last entry, as the index knows them.
   * Runs in the incident's lock, so no save of it changes the files in between.
   */
  async function readListed(id: string): Promise<ListedIncident> {
    return mutex.run(id, async () => {
      const path = statePath(id);
      const known = corrupt.get(id);
      if (known !== undefined) throw known;
      const indexed = index.get(id);
      const text = await readText(path);
      if (indexed === undefined || text === undefined) throw new CorruptIncidentError(path, 'is missing (removed while the store is open)');
      const { fields, head } = parseStateText(text, path);
      if (head.length !== indexed.head.length || head.hash !== indexed.head.hash) {
        throw new CorruptIncidentError(path, `holds timeline head ${head.length}/${JSON.stringify(head.hash)}, the store saved ${indexed.head.length}/${JSON.stringify(indexed.head.hash)} (changed outside the store)`);
      }
      const lastEntry = await readLastTimelineEntry(timelinePath(id), indexed.timelineBytes, head);
      const listed = parseListedDocument({ ...fields, lastEntry }, path);
      if (listed.id !== id) throw new CorruptIncidentError(path, `holds incident id ${JSON.stringify(listed.id)}, not ${JSON.stringify(id)}`);
      return listed;
    });
  }

  return {
    dir,

    async getSnapshot(id) {
      assertIncidentId(id);
      await ready();
      const known = corrupt.get(id);
      if (known !== undefined) throw known;
      const indexed = index.get(id);
      if (indexed === undefined) return undefined;
      const path = statePath(id);
      const text = await readText(path);
      if (text === undefined) return undefined;
      const { fields, head } = parseStateText(text, path);
      const state = parseIncidentState(fields, path);
      if (state.id !== id) throw new CorruptIncidentError(path, `holds incident id ${JSON.stringify(state.id)}, not ${JSON.stringify(id)}`);
      const linePath = timelinePath(id);
      const headEntry = parseTimelineEntry(await readTimelineLine(linePath, indexed.lastLineStart, indexed.timelineBytes), linePath);
      if (headEntry.seq !== head.length - 1 || headEntry.hash !== head.hash) {
        throw new CorruptIncidentError(linePath, `its last entry (seq ${headEntry.seq}) is not the head the state was saved with (${head.length} entries ending in ${JSON.stringify(head.hash)})`);
      }
      return { snapshot: { ...state, head: { at: headEntry.at, hash: headEntry.hash, seq: headEntry.seq } }, headEntry };
    },

    async get(id) {
      assertIncidentId(id);
      await ready();
      const known = corrupt.get(id);
      if (known !== undefined) throw known;
      return (await readIncident(id))?.incident;
    },

    async timeline(id, page) {
      assertIncidentId(id);
      await ready();
      const known = corrupt.get(id);
      if (known !== undefined) throw known;
      return pageOfTimeline((await readIncident(id))?.incident.timeline ?? [], page);
    },

    async save(snapshot, entries, expectedVersion) {
      assertSavable(snapshot, expectedVersion);
      await ready();
      if (closed) throw new Error(`file store ${dir} is closed`);
      const id = snapshot.id;
      await mutex.run(id, async () => {
        const known = corrupt.get(id);
        if (known !== undefined) throw known;
        const stored = index.get(id);
        const expect = (actual: number | null): void => {
          if ((actual ?? 0) !== expectedVersion) throw new VersionConflictError(id, expectedVersion, actual);
        };
        expect(stored?.version ?? null);
        const head = stored?.head ?? { length: 0, hash: '' };
        assertAppends(snapshot, entries, { seq: head.length - 1, hash: head.hash });
        const state = stateOf(snapshot);
        // Validated as the state plus the entries this save adds (the stored ones were checked when written).
        assertValidSave(state, entries);
        const text = timelineLines(entries);
        const last = entries[entries.length - 1];
        const nextHead = last === undefined ? head : { length: last.seq + 1, hash: last.hash };
        const stateFile = stateText(state, nextHead);
        expect(await versionOnDisk(id));
        const offset = stored?.timelineBytes ?? 0;
        if (text.length > 0 || offset === 0) await appendTimeline(timelinePath(id), offset, text);
        try {
          const temp = await writeTempFile(dir, FILE_STORE_NAMES.state(id), stateFile);
          try {
            await commitTempFile(temp, statePath(id), dir);
          } catch (error) {
            await unlink(temp).catch(() => undefined);
            throw error;
          }
        } catch (error) {
          // The state was not replaced: the appended lines were never acknowledged.
          await cutTimeline(timelinePath(id), offset).catch(() => undefined);
          throw error;
        }
        const bytes = offset + Buffer.byteLength(text, 'utf8');
        const lastLine = last === undefined ? '' : timelineLines([last]);
        const lastLineStart = last === undefined ? (stored?.lastLineStart ?? 0) : bytes - Buffer.byteLength(lastLine, 'utf8');
        index.set(id, indexEntry(state, nextHead, bytes, lastLineStart));
        listIndex.set(id, listFieldsOf(state));
      });
    },

    async list() {
      await ready();
      const out: Incident[] = [];
      for (const id of [...index.keys()].sort()) {
        try {
          const read = await readIncident(id);
          if (read !== undefined) out.push(read.incident);
        } catch (error) {
          if (!(error instanceof CorruptIncidentError)) throw error;
        }
      }
      return out;
    },

    async listPage(query) {
      const atMs = checkListQuery(query);
      await ready();
      const { ids, next } = listIndex.page(query, atMs);
      const incidents: ListedIncident[] = [];
      const unreadable: CorruptIncident[] = [];
      for (let start = 0; start < ids.length; start += LIST_READ_CONCURRENCY) {
        const batch = ids.slice(start, start + LIST_READ_CONCURRENCY);
        const read = await Promise.allSettled(batch.map(readListed));
        read.forEach((outcome, position) => {
          const incidentId = batch[position] as string;
          if (outcome.status === 'fulfilled') incidents.push(outcome.value);
          else if (outcome.reason instanceof CorruptIncidentError) unreadable.push({ incidentId, error: outcome.reason });
          else throw outcome.reason;
        });
      }
      return { incidents, ...(unreadable.length === 0 ? {} : { corrupt: unreadable }), ...(next === undefined ? {} : { next }) };
    },

    async dueBefore(time) {
      const limit = parseQueryTime(time);
      await ready();
      return dueBy(limit, [...index.values()].flatMap((entry) => entry.due));
    },

    async ping() {
      await ready();
      await access(dir, constants.R_OK | constants.W_OK);
    },

    async withPendingEffects() {
      await ready();
      return [...index].filter(([, e]) => e.pendingEffects).map(([id]) => id).sort();
    },

    async corrupt() {
      await ready();
      return [...corrupt].map(([incidentId, error]) => ({ incidentId, error })).sort((a, b) => (a.incidentId < b.incidentId ? -1 : 1));
    },

    async close() {
      if (closed) return;
      closed = true;
      if (opening !== undefined) await opening.catch(() => undefined);
      await mutex.idle();
      await lock?.release();
      lock = undefined;
    },
  };
}
