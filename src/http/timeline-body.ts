import type { Engine } from '../runtime/engine-types.js';
import type { TimelineEntry } from '../runtime/incident.js';
import { pageOfTimeline } from '../runtime/stores/timeline-page.js';
import { verifyTimeline, verifyTimelinePage, type TimelineVerification } from '../runtime/timeline.js';
import type { TimelineQuery } from './request-input.js';

/**
 * What `GET /incidents/:id/timeline` checked: `scope: 'page'` (the default) the page's own
 * entries and the link of its first entry to the entry before it (`verifyTimelinePage`);
 * `scope: 'chain'` (`?verify=chain`) the whole timeline (`verifyTimeline`).
 */
export type TimelinePageVerification = TimelineVerification & { scope: 'page' | 'chain' };

/** The body of `GET /incidents/:id/timeline`: one page of the incident's timeline, at the incident's `version`. */
export interface TimelineBody {
  incidentId: string;
  version: number;
  /** Entries with `seq > after`, in order, at most `limit`; none past the head of `version`. */
  entries: TimelineEntry[];
  /** Pass as `?after=` for the next page; absent when the page ends at the timeline's last entry (or is empty). */
  next?: number;
  verification: TimelinePageVerification;
}

/**
 * One page of an incident's timeline as the route answers it, or `undefined` for an unknown
 * incident. By default its cost is the page's: the snapshot (for `version` and the head), then the
 * page read together with the entry at `after`, whose hash the page's first `prevHash` is checked
 * against. `verify: 'chain'` reads the whole incident and checks its whole chain.
 *
 * @example
 * const body = await timelineBody(engine, 'PO-1', { after: 99, limit: 100 }); // entries 100–199, next: 199
 */
export async function timelineBody(engine: Engine, incidentId: string, query: TimelineQuery): Promise<TimelineBody | undefined> {
  const { after, limit } = query;
  if (query.verify === 'chain') {
    const incident = await engine.get(incidentId);
    if (incident === undefined) return undefined;
    const entries = pageOfTimeline(incident.timeline, { after, limit });
    return pageBody(incident, entries, incident.timeline.length - 1, { scope: 'chain', ...verifyTimeline(incident) });
  }
  const snapshot = await engine.snapshot(incidentId);
  if (snapshot === undefined) return undefined;
  const head = snapshot.head.seq;
  // From the entry at `after` (when there is one), and none saved after this snapshot was read.
  const read = await engine.timeline(incidentId, after === -1 ? { limit } : { after: after - 1, limit: limit + 1 });
  const run = read.filter((entry) => entry.seq <= head);
  const entries = run.filter((entry) => entry.seq > after);
  return pageBody(snapshot, entries, head, { scope: 'page', ...verifyTimelinePage(run, Math.max(after, 0)) });
}

/** The body of a page ending at or before `headSeq`, the timeline's last entry. */
function pageBody(incident: { id: string; version: number }, entries: TimelineEntry[], headSeq: number, verification: TimelinePageVerification): TimelineBody {
  const last = entries[entries.length - 1];
  const more = last !== undefined && last.seq < headSeq;
  return { incidentId: incident.id, version: incident.version, entries, ...(more ? { next: last.seq } : {}), verification };
}
