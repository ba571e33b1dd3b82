import { constants } from 'node:fs';
import { access, mkdir, readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Incident } from '../incident.js';
import { commitTempFile, syncDirectory, TEMP_FILE_PATTERN, writeTempFile } from './atomic-file.js';
import { lockDirectory, type DirectoryLock } from './directory-lock.js';
import { dueBy, parseQueryTime, pendingDeadlines } from './due-deadlines.js';
import { assertIncidentId, INCIDENT_ID_PATTERN } from './incident-id.js';
import { assertValidIncident, CorruptIncidentError, parseIncidentJson } from './incident-document.js';
import { keyedMutex } from './keyed-mutex.js';
import { assertSavable } from './save-preconditions.js';
import { VersionConflictError, type DueDeadline, type IncidentStore } from './store.js';

/** A file-backed {@link IncidentStore}. */
export interface FileStore extends IncidentStore {
  /** The directory holding one `<id>.json` per incident. */
  readonly dir: string;
  withPendingEffects(): Promise<string[]>;
  /** Waits for saves in flight, then releases the directory lock. Later calls reject. */
  close(): Promise<void>;
  /** Resolves when the folder is open (locked by this store) and readable and writable. */
  ping(): Promise<void>;
}

/** What the store remembers about each incident between reads (rebuilt from the files on open). */
interface IndexEntry {
  version: number;
  due: DueDeadline[];
  pendingEffects: boolean;
}

const DOCUMENT_SUFFIX = '.json';

/**
 * A {@link IncidentStore} keeping one JSON document per incident in `dir` (`<dir>/<id>.json`).
 *
 * - **Atomic writes**: the new document goes to a temporary file in the same directory, which is
 *   flushed (fsync), renamed over the old one and the directory flushed: a reader, or a restart
 *   after a crash, sees the old document or the new one, never a mix. Temporary files a crash
 *   leaves behind are deleted on open.
 * - **Optimistic concurrency**: saves of one incident run one at a time (an in-process lock per
 *   id), and the on-disk version is read again just before the rename.
 * - **One process per directory**: the lock covers this process only, so the store takes a lock
 *   file (`.planwright.lock`, holding the pid) on open and refuses a directory held by another
 *   live process; a lock left by a dead process is taken over. Several processes need
 *   `postgresStore` (`planwright/postgres`). Ids differing only in letter case must not be used
 *   on case-insensitive file systems (macOS, Windows).
 * - **Queries**: `dueBefore` and `withPendingEffects` use an in-memory index built by reading every
 *   document on open; `get` and `list` read the files.
 * - **Validation**: every document read is checked (JSON, then the incident shape, then that its
 *   id matches its file name); a bad one raises `CorruptIncidentError` naming the file. A corrupt
 *   file makes opening fail, so no deadline is silently skipped: move it aside to go on.
 *
 * Opening is lazy: the directory is created, locked, cleaned and indexed by the first call
 * (whose promise rejects if opening fails).
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
  const mutex = keyedMutex();
  let lock: DirectoryLock | undefined;
  let closed = false;
  let opening: Promise<void> | undefined;

  const pathOf = (id: string): string => join(dir, `${id}${DOCUMENT_SUFFIX}`);

  async function readDocument(id: string): Promise<Incident | undefined> {
    const path = pathOf(id);
    const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    if (text === undefined) return undefined;
    const incident = parseIncidentJson(text, path);
    if (incident.id !== id) throw new CorruptIncidentError(path, `holds incident id ${JSON.stringify(incident.id)}, not ${JSON.stringify(id)}`);
    return incident;
  }

  function indexEntry(incident: Incident): IndexEntry {
    return { version: incident.version, due: pendingDeadlines(incident), pendingEffects: incident.outbox.length > 0 };
  }

  /** Every document in the directory, in id order (one deleted meanwhile is left out). */
  async function readAll(): Promise<Incident[]> {
    const ids = (await readdir(dir))
      .filter((n) => n.endsWith(DOCUMENT_SUFFIX))
      .map((n) => n.slice(0, -DOCUMENT_SUFFIX.length))
      .filter((id) => INCIDENT_ID_PATTERN.test(id))
      .sort();
    const out: Incident[] = [];
    for (const id of ids) {
      const incident = await readDocument(id);
      if (incident !== undefined) out.push(incident);
    }
    return out;
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
      for (const incident of await readAll()) index.set(incident.id, indexEntry(incident));
    } catch (error) {
      index.clear();
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

  return {
    dir,

    async get(id) {
      assertIncidentId(id);
      await ready();
      return readDocument(id);
    },

    async save(incident, expectedVersion) {
      assertSavable(incident, expectedVersion);
      assertValidIncident(incident);
      await ready();
      if (closed) throw new Error(`file store ${dir} is closed`);
      const id = incident.id;
      const snapshot = JSON.stringify(incident);
      const entry = indexEntry(incident);
      /** Throws unless `found` is the version the save expects (`undefined`: no incident yet). */
      const expect = (found: { version: number } | undefined): void => {
        const actual = found?.version ?? null;
        if ((actual ?? 0) !== expectedVersion) throw new VersionConflictError(id, expectedVersion, actual);
      };
      await mutex.run(id, async () => {
        expect(index.get(id));
        const temp = await writeTempFile(dir, `${id}${DOCUMENT_SUFFIX}`, snapshot);
        try {
          expect(await readDocument(id));
          await commitTempFile(temp, pathOf(id), dir);
        } catch (error) {
          await unlink(temp).catch(() => undefined);
          throw error;
        }
        index.set(id, entry);
      });
    },

    async list() {
      await ready();
      return readAll();
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
