import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Helpers that reach into a file-store folder from outside, as a person with a text editor would.
 * They do not assume one layout: today's (one `<id>.json` document per incident, timeline inside)
 * and runtime v2's (a snapshot file plus an append-only JSONL timeline) are both handled, by
 * finding the incident's files by name and the snapshot by its keys. If v2 chooses a layout these
 * helpers cannot find, they throw "nothing edited" rather than let a test pass without editing.
 */

/** Every regular file under `dir` (recursively), as paths; dot files (locks, temporary files) left out. */
export async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      for (const inner of await filesUnder(path)) out.push(inner);
    } else if (entry.isFile()) out.push(path);
  }
  return out.sort();
}

/** The files of one incident: those whose path (below `dir`) names its id. */
export async function incidentFiles(dir: string, id: string): Promise<string[]> {
  return (await filesUnder(dir)).filter((path) => path.slice(dir.length).includes(id));
}

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Objects in `value` (at any depth) that look like an incident's snapshot: they have `stage`, `data` and `deadlines`. */
function snapshotObjects(value: unknown, found: JsonObject[] = []): JsonObject[] {
  if (Array.isArray(value)) {
    for (const item of value) snapshotObjects(item, found);
  } else if (isObject(value)) {
    if ('stage' in value && isObject(value['data']) && Array.isArray(value['deadlines'])) found.push(value);
    for (const inner of Object.values(value)) snapshotObjects(inner, found);
  }
  return found;
}

/**
 * Applies `edit` to every snapshot object in the incident's JSON files (not JSONL) and writes the
 * files back in place; returns how many objects were edited, and throws when none was.
 */
export async function editSnapshot(dir: string, id: string, edit: (snapshot: JsonObject) => void): Promise<number> {
  let edited = 0;
  for (const path of await incidentFiles(dir, id)) {
    if (!path.endsWith('.json')) continue;
    const document = JSON.parse(await readFile(path, 'utf8')) as unknown;
    const snapshots = snapshotObjects(document);
    for (const snapshot of snapshots) edit(snapshot);
    if (snapshots.length > 0) await writeFile(path, JSON.stringify(document));
    edited += snapshots.length;
  }
  if (edited === 0) throw new Error(`nothing edited: no snapshot object (with stage, data, deadlines) in the files of ${id} under ${dir}`);
  return edited;
}

/**
 * Deletes the incident's last timeline entry where it is stored: the last line of its JSONL
 * file(s), or else the last element of the `timeline` array of its snapshot document. Nothing else
 * is changed (the snapshot keeps its version and state), as a person cutting the log would.
 */
export async function deleteLastTimelineEntry(dir: string, id: string): Promise<void> {
  const files = await incidentFiles(dir, id);
  const lines = files.filter((path) => path.endsWith('.jsonl'));
  if (lines.length > 0) {
    for (const path of lines) {
      const kept = (await readFile(path, 'utf8')).split('\n').filter((line) => line.trim() !== '');
      kept.pop();
      await writeFile(path, kept.length === 0 ? '' : `${kept.join('\n')}\n`);
    }
    return;
  }
  let cut = 0;
  for (const path of files.filter((p) => p.endsWith('.json'))) {
    const document = JSON.parse(await readFile(path, 'utf8')) as unknown;
    for (const snapshot of snapshotObjects(document)) {
      const timeline = snapshot['timeline'];
      if (Array.isArray(timeline) && timeline.length > 0) {
        timeline.pop();
        cut++;
      }
    }
    if (cut > 0) await writeFile(path, JSON.stringify(document));
  }
  if (cut === 0) throw new Error(`nothing edited: no timeline found for ${id} under ${dir}`);
}

/** What is on disk under `dir`, per file: size, inode and modification time. */
export type FolderState = Map<string, { size: number; inode: number; mtimeNs: bigint }>;

/** Takes a {@link FolderState} (dot files included: a temporary file that became the new document shows up under its final name). */
export async function folderState(dir: string): Promise<FolderState> {
  const state: FolderState = new Map();
  const walk = async (at: string): Promise<void> => {
    for (const entry of await readdir(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) {
        const info = await stat(path, { bigint: true });
        state.set(path, { size: Number(info.size), inode: Number(info.ino), mtimeNs: info.mtimeNs });
      }
    }
  };
  await walk(dir);
  return state;
}

/**
 * Bytes a change of the folder wrote, from two {@link FolderState}s: a new file, or one replaced
 * (another inode, as an atomic rename leaves) or shrunk, counts its whole size; a file grown in
 * place (an append) counts its growth; one rewritten in place at the same size counts its size.
 * Unchanged files count nothing.
 */
export function bytesWritten(before: FolderState, after: FolderState): number {
  let total = 0;
  for (const [path, now] of after) {
    const was = before.get(path);
    if (was === undefined || was.inode !== now.inode || now.size < was.size) total += now.size;
    else if (now.size > was.size) total += now.size - was.size;
    else if (now.mtimeNs !== was.mtimeNs) total += now.size;
  }
  return total;
}
