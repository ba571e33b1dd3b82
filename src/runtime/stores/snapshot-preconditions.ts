import type { IncidentSnapshot, TimelineEntry, TimelineHead } from '../incident.js';

/**
 * Throws a `TypeError` unless `entries` continue a stored chain ending at `stored` (`seq` and
 * `prevHash` of each; `stored.seq` -1 for a new incident) and `snapshot.head` names the last of
 * them (the stored head when there are none): a store only ever appends, and keeps the head of
 * what it holds.
 *
 * @example
 * ```ts
 * assertAppends(snapshot, entries, { seq: 11, hash: 'ab…' });
 * ```
 */
export function assertAppends(snapshot: IncidentSnapshot, entries: readonly TimelineEntry[], stored: Pick<TimelineHead, 'seq' | 'hash'>): void {
  let previous = stored.hash;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] as TimelineEntry;
    if (entry.seq !== stored.seq + 1 + i || entry.prevHash !== previous) {
      throw new TypeError(
        `incident ${snapshot.id} cannot be saved: timeline entry ${stored.seq + 1 + i} does not continue the stored chain (seq ${entry.seq}, prevHash ${JSON.stringify(entry.prevHash)})`,
      );
    }
    previous = entry.hash;
  }
  const last = entries[entries.length - 1];
  const head = snapshot.head;
  const expected = last === undefined ? { seq: stored.seq, hash: stored.hash } : { seq: last.seq, hash: last.hash };
  if (head === undefined || head.seq !== expected.seq || head.hash !== expected.hash || (last !== undefined && head.at !== last.at)) {
    throw new TypeError(`incident ${snapshot.id} cannot be saved: its head ${JSON.stringify(head)} is not the last entry of its timeline (seq ${expected.seq})`);
  }
}
