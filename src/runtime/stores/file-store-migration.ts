import { access, readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { commitTempFile, syncDirectory, writeTempFile } from './atomic-file.js';
import { FILE_STORE_NAMES, v1DocumentIds } from './file-store-layout.js';
import { CorruptIncidentError, parseIncidentJson } from './incident-document.js';
import { stateOf } from '../incident-snapshot.js';
import { stateText } from './state-file.js';
import type { CorruptIncident } from './store.js';
import { timelineLines } from './timeline-file.js';

const exists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  );

/**
 * Migrates the documents of planwright before runtime v2 (`<id>.json`, the whole incident) in
 * `dir` to the format-2 pair, one incident at a time and crash-safely: the timeline file is written
 * whole (temporary file, fsync, rename), then the state file, then the old document is removed. A
 * crash at any point leaves the old document, and the next open migrates it again; an old document
 * found beside a state file was already migrated and is removed. A document that cannot be read is
 * left in place and reported (its incident is corrupt); the others are migrated.
 *
 * @example
 * ```ts
 * const failed = await migrateV1Documents('/var/lib/planwright');
 * ```
 */
export async function migrateV1Documents(dir: string): Promise<CorruptIncident[]> {
  const failed: CorruptIncident[] = [];
  const ids = v1DocumentIds(await readdir(dir));
  for (const id of ids) {
    const path = join(dir, FILE_STORE_NAMES.v1Document(id));
    const statePath = join(dir, FILE_STORE_NAMES.state(id));
    if (await exists(statePath)) {
      await unlink(path);
      continue;
    }
    let incident;
    try {
      incident = parseIncidentJson(await readFile(path, 'utf8'), path);
      if (incident.id !== id) throw new CorruptIncidentError(path, `holds incident id ${JSON.stringify(incident.id)}, not ${JSON.stringify(id)}`);
    } catch (error) {
      if (!(error instanceof CorruptIncidentError)) throw error;
      failed.push({ incidentId: id, error });
      continue;
    }
    const timelineTemp = await writeTempFile(dir, FILE_STORE_NAMES.timeline(id), timelineLines(incident.timeline));
    await commitTempFile(timelineTemp, join(dir, FILE_STORE_NAMES.timeline(id)), dir);
    const stateTemp = await writeTempFile(dir, FILE_STORE_NAMES.state(id), stateText(stateOf(incident), { length: incident.timeline.length, hash: incident.timeline.at(-1)?.hash ?? '' }));
    await commitTempFile(stateTemp, statePath, dir);
    await unlink(path);
  }
  if (ids.length > 0) await syncDirectory(dir);
  return failed;
}
