import type { TimelineEntry } from '../incident.js';
import type { TimelinePage } from './store.js';

/**
 * Checks a timeline page request: `after` an integer ≥ -1, `limit` an integer ≥ 1 (either may be
 * absent); returns them with their defaults (-1, and no limit).
 *
 * @example
 * ```ts
 * const { after, limit } = timelinePageOf({ after: 99, limit: 50 }); // entries 100–149
 * ```
 */
export function timelinePageOf(page: TimelinePage = {}): { after: number; limit: number } {
  const after = page.after ?? -1;
  const limit = page.limit ?? Number.MAX_SAFE_INTEGER;
  if (!Number.isSafeInteger(after) || after < -1) throw new RangeError(`timeline page: after must be an integer >= -1, got ${String(page.after)}`);
  if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError(`timeline page: limit must be an integer >= 1, got ${String(page.limit)}`);
  return { after, limit };
}

/**
 * The entries of a whole timeline (held in order, entry `seq` at position `seq`) that a page asks for.
 *
 * @example
 * ```ts
 * pageOfTimeline(incident.timeline, { after: 9, limit: 10 }); // entries 10–19
 * ```
 */
export function pageOfTimeline(timeline: readonly TimelineEntry[], page?: TimelinePage): TimelineEntry[] {
  const { after, limit } = timelinePageOf(page);
  return timeline.slice(after + 1, Math.min(timeline.length, after + 1 + limit));
}
