// Host guide sample: listing incidents page by page.
// The regions marked `doc:<name>` are shown in docs/host-guide.md (test/docs/host-guide.test.ts checks
// that they match, with `../../../src/runtime/index.js` written as `planwright/runtime`).
// #region doc:list
import type { Engine, ListedIncident } from '../../../src/runtime/index.js';

/** Every overdue incident, a page at a time: each page is one bounded query of the store. */
export async function overdueIncidents(engine: Engine): Promise<ListedIncident[]> {
  const overdue: ListedIncident[] = [];
  let cursor: string | undefined;
  do {
    const page = await engine.list({ overdue: true, limit: 100, ...(cursor === undefined ? {} : { cursor }) });
    for (const incident of page.incidents) overdue.push(incident); // no timelines: engine.get(id) for one
    cursor = page.next; // absent on the last page
  } while (cursor !== undefined);
  return overdue;
}
// #endregion
