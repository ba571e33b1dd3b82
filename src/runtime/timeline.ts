import { canonicalJson } from '../compile/canonical-json.js';
import { sha256Hex } from '../compile/hash.js';
import type { Actor, Incident, TimelineEntry, TimelineEntryType } from './incident.js';

/** What a new timeline entry says; `seq`, `prevHash` and `hash` are added by {@link chainEntry}. */
export interface EntryFields {
  at: string;
  type: TimelineEntryType;
  result: TimelineEntry['result'];
  by?: Actor;
  /** Must already be canonical (sorted keys at every level). */
  data?: Record<string, unknown>;
  /** Digest of the state this entry's save produced (the last entry of a save only): see `state-binding.ts`. */
  stateDigest?: string;
}

/**
 * Builds the next hash-chained timeline entry after `prev` (keys in canonical order; the hash is
 * sha256 over the canonical JSON of the entry without `hash`).
 *
 * @example
 * const first = chainEntry(undefined, { at: '2024-05-01T08:00:00.000Z', type: 'opened', result: 'recorded' });
 * first.seq; // 0
 */
export function chainEntry(prev: Pick<TimelineEntry, 'seq' | 'hash'> | undefined, fields: EntryFields): TimelineEntry {
  const { at, type, result, data, stateDigest } = fields;
  const principal = fields.by?.onBehalfOf;
  // Keys in canonical order; a delegate's principal (委托) is kept between id and roles.
  const by =
    fields.by === undefined
      ? undefined
      : principal === undefined
        ? { id: fields.by.id, roles: [...fields.by.roles] }
        : { id: fields.by.id, onBehalfOf: { id: principal.id, roles: [...principal.roles] }, roles: [...fields.by.roles] };
  const prevHash = prev?.hash ?? '';
  const seq = prev === undefined ? 0 : prev.seq + 1;
  // Keys in sorted order and `data` canonical: this is the entry's canonical JSON without `hash`
  // (JSON leaves out the undefined `by` and `data`).
  const hash = sha256Hex(JSON.stringify({ at, by, data, prevHash, result, seq, stateDigest, type }));
  if (stateDigest !== undefined) {
    // Keys in canonical order, the undefined ones dropped (as JSON drops them).
    const entry: Record<string, unknown> = { at, by, data, hash, prevHash, result, seq, stateDigest, type };
    for (const key of ['by', 'data']) if (entry[key] === undefined) delete entry[key];
    return entry as unknown as TimelineEntry;
  }
  // One object literal per shape, keys in canonical order.
  if (by !== undefined) {
    return data !== undefined ? { at, by, data, hash, prevHash, result, seq, type } : { at, by, hash, prevHash, result, seq, type };
  }
  return data !== undefined ? { at, data, hash, prevHash, result, seq, type } : { at, hash, prevHash, result, seq, type };
}

/** Result of {@link verifyTimeline}. */
export interface TimelineVerification {
  ok: boolean;
  /** Position (the `seq` it should have) of the first entry that does not check out. */
  brokenAt?: number;
  /** Why it does not (`seq`, `prev-hash` or `hash`). */
  reason?: 'seq' | 'prev-hash' | 'hash';
}

/**
 * Checks an incident's hash chain: every entry's `seq` is its position, its `prevHash` is the
 * previous entry's hash, and its `hash` is the sha256 of its canonical JSON. Any edit, insertion
 * or removal is detected. Its cost grows with the history (see {@link verifyTimelinePage}).
 *
 * @example
 * verifyTimeline(incident); // { ok: true }
 */
export function verifyTimeline(incident: Pick<Incident, 'timeline'>): TimelineVerification {
  return verifyTimelinePage(incident.timeline, 0);
}

/**
 * Checks a run of consecutive timeline entries, such as a page of `engine.timeline`, as
 * {@link verifyTimeline} checks a whole one: the entries' `seq`s run from `firstSeq` on, each
 * `prevHash` is the hash of the entry before it, each `hash` is recomputed. The first entry's
 * `prevHash` is checked only when the run starts the timeline (`firstSeq` 0: `''`); to check a
 * page's link to what precedes it, read the run from the entry before the page. Costs the run,
 * not the history, and sees nothing outside it. `brokenAt` is the `seq` the broken entry should have.
 *
 * @example
 * // entries 100–149, read with the entry before them (99)
 * verifyTimelinePage(await engine.timeline(id, { after: 98, limit: 51 }), 99); // { ok: true }
 */
export function verifyTimelinePage(entries: readonly TimelineEntry[], firstSeq: number): TimelineVerification {
  let prevHash = firstSeq === 0 ? '' : undefined;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] as TimelineEntry;
    const seq = firstSeq + i;
    if (entry.seq !== seq) return { ok: false, brokenAt: seq, reason: 'seq' };
    if (prevHash !== undefined && entry.prevHash !== prevHash) return { ok: false, brokenAt: seq, reason: 'prev-hash' };
    const { hash, ...rest } = entry;
    if (sha256Hex(canonicalJson(rest)) !== hash) return { ok: false, brokenAt: seq, reason: 'hash' };
    prevHash = hash;
  }
  return { ok: true };
}
