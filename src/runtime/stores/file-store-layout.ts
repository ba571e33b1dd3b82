import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { commitTempFile, writeTempFile } from './atomic-file.js';
import { INCIDENT_ID_PATTERN } from './incident-id.js';

/** The file store's format marker file, and the format this version writes. */
export const FORMAT_FILE_NAME = '.planwright-store.json';
export const FILE_STORE_FORMAT = 2;

const STATE_SUFFIX = '.state.json';
const TIMELINE_SUFFIX = '.timeline.jsonl';
const V1_SUFFIX = '.json';

/** File names of an incident in a file-store folder (format 2), and of a document of planwright before runtime v2. */
export const FILE_STORE_NAMES = {
  state: (id: string): string => `${id}${STATE_SUFFIX}`,
  timeline: (id: string): string => `${id}${TIMELINE_SUFFIX}`,
  v1Document: (id: string): string => `${id}${V1_SUFFIX}`,
};

const idBefore = (name: string, suffix: string): string | undefined => {
  if (!name.endsWith(suffix)) return undefined;
  const id = name.slice(0, -suffix.length);
  return INCIDENT_ID_PATTERN.test(id) ? id : undefined;
};

/**
 * The incident ids a folder's file names show (a state or a timeline file), sorted.
 *
 * @example
 * ```ts
 * incidentIdsIn(['PO-1.state.json', 'PO-1.timeline.jsonl', 'notes.txt']); // ['PO-1']
 * ```
 */
export function incidentIdsIn(names: readonly string[]): string[] {
  const ids = new Set<string>();
  for (const name of names) {
    const id = idBefore(name, STATE_SUFFIX) ?? idBefore(name, TIMELINE_SUFFIX);
    if (id !== undefined) ids.add(id);
  }
  return [...ids].sort();
}

/**
 * The ids of documents of planwright before runtime v2 (`<id>.json`, not a state file), sorted.
 *
 * @example
 * ```ts
 * v1DocumentIds(['PO-1.json', 'PO-2.state.json']); // ['PO-1']
 * ```
 */
export function v1DocumentIds(names: readonly string[]): string[] {
  return names
    .filter((name) => !name.endsWith(STATE_SUFFIX))
    .map((name) => idBefore(name, V1_SUFFIX))
    .filter((id): id is string => id !== undefined)
    .sort();
}

/**
 * Checks the folder's format marker, writing it when absent (a new folder, or one of planwright
 * before runtime v2, about to be migrated). A folder marked with another format is refused: it was
 * written by a newer planwright, and reading it could lose what that version stored.
 *
 * @example
 * ```ts
 * await openStoreFormat('/var/lib/planwright');
 * ```
 */
export async function openStoreFormat(dir: string): Promise<void> {
  const path = join(dir, FORMAT_FILE_NAME);
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
    return undefined;
  });
  if (text === undefined) {
    const temp = await writeTempFile(dir, FORMAT_FILE_NAME, `${JSON.stringify({ format: FILE_STORE_FORMAT })}\n`);
    await commitTempFile(temp, path, dir);
    return;
  }
  let format: unknown;
  try {
    format = (JSON.parse(text) as { format?: unknown }).format;
  } catch {
    format = undefined;
  }
  if (format !== FILE_STORE_FORMAT) {
    throw new Error(`file store ${dir}: ${path} says format ${JSON.stringify(format ?? text.trim())}; this planwright reads format ${FILE_STORE_FORMAT}`);
  }
}
