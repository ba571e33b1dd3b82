import { canonicalJson } from '../compile/canonical-json.js';
import { sha256Hex } from '../compile/hash.js';
import { deepFreeze, isDeepFrozen, isEngineIncident, markEngineIncident } from './deep-freeze.js';
import type { IncidentSnapshot, IncidentState, TimelineEntry } from './incident.js';
import { chainEntry } from './timeline.js';

/**
 * The digest that binds an incident's state to its hash chain: sha256 over the canonical JSON of
 * the incident without `timeline` and `head` (its version and timeline index included). Accepts a
 * whole incident or a snapshot.
 *
 * @example
 * stateDigest(incident) === incident.timeline.at(-1)?.stateDigest; // true for a bound incident
 */
export function stateDigest(incident: IncidentState & { timeline?: unknown; head?: unknown }): string {
  const { timeline: _timeline, head: _head, ...state } = incident;
  // The engine builds every incident with its keys in canonical order at every level (tested on
  // every snapshot of random runs: test/runtime/canonical-snapshots.test.ts), so its own need no
  // sorting walk: JSON.stringify of them is their canonical JSON.
  return sha256Hex(isEngineIncident(incident) ? JSON.stringify(state) : canonicalJson(state));
}

/**
 * Seals a save: the last of `entries` (the save's new entries, which end at `snapshot.head`) is
 * re-chained with the `stateDigest` of `snapshot` (its version already set), and the head moved to
 * it. Returns the snapshot with that head, and the entries; the same objects when there are none.
 * (`digest` is for `verifyIncident` replaying saves sealed before the timeline index existed.)
 * @internal
 *
 * @example
 * const sealed = bindState(next, entries);
 * await store.save(sealed.snapshot, sealed.entries, expected);
 */
export function bindState(
  snapshot: IncidentSnapshot,
  entries: readonly TimelineEntry[],
  digest: string = stateDigest(snapshot),
): { snapshot: IncidentSnapshot; entries: readonly TimelineEntry[] } {
  const last = entries[entries.length - 1];
  if (last === undefined) return { snapshot, entries };
  if (snapshot.head.hash !== last.hash || snapshot.head.seq !== last.seq) throw new Error(`incident ${snapshot.id}: the entries of a save must end at its head`);
  const { hash: _hash, prevHash, seq, ...fields } = last;
  const sealed = deepFreeze(chainEntry(seq === 0 ? undefined : { seq: seq - 1, hash: prevHash }, { ...fields, stateDigest: digest }));
  const head = Object.freeze({ at: sealed.at, hash: sealed.hash, seq: sealed.seq });
  const next = Object.freeze({ ...snapshot, head });
  const sealedEntries = entries.slice(0, -1);
  sealedEntries.push(sealed);
  return { snapshot: isDeepFrozen(snapshot) ? markEngineIncident(next) : next, entries: sealedEntries };
}

/** What {@link checkBinding} found wrong with a stored incident. */
export interface BindingProblem {
  /** The timeline position concerned (the head entry's, or -1 for an empty timeline). */
  seq: number;
  /** `head` (the head entry is not a valid chain link, or not the snapshot's head), `unbound-head` (digests exist but the head has none) or `state-digest`. */
  reason: 'head' | 'unbound-head' | 'state-digest';
  message: string;
  expected?: string;
  actual?: string;
}

/**
 * Checks a stored incident's state against its head (last) timeline entry, without walking the
 * chain: the entry is the one the snapshot's head names (seq, hash, time), its own hash holds, and
 * its `stateDigest` is the state's. `earlierDigest` says whether any earlier entry carries a
 * digest (for a head without one): a head with no digest passes as unbound (written before
 * binding existed; bound by its next save) only when none does. Returns the problem or undefined.
 * @internal
 *
 * @example
 * const problem = checkBinding(snapshot, headEntry, () => false);
 * if (problem !== undefined) throw new CorruptIncidentError(`store incident ${snapshot.id}`, problem.message);
 */
export function checkBinding(snapshot: IncidentState & { head?: IncidentSnapshot['head'] }, headEntry: TimelineEntry | undefined, earlierDigest: () => number | undefined): BindingProblem | undefined {
  if (headEntry === undefined) return { seq: -1, reason: 'head', message: 'its timeline is empty (every incident has at least its opened entry)' };
  const position = headEntry.seq;
  const head = snapshot.head;
  if (head !== undefined && (head.seq !== position || head.hash !== headEntry.hash || head.at !== headEntry.at)) {
    return { seq: position, reason: 'head', message: `its last timeline entry (seq ${position}) is not the head its state was saved with (seq ${head.seq})` };
  }
  const { hash, ...rest } = headEntry;
  if (sha256Hex(canonicalJson(rest)) !== hash) return { seq: position, reason: 'head', message: `its last timeline entry (seq ${position}) does not match its hash` };
  if (headEntry.stateDigest === undefined) {
    // Unbound only if no entry ever carried a digest: once bound, every save's last entry has one
    // (and an engine that keeps a timeline index seals every save).
    if (snapshot.timelineIndex !== undefined) {
      return { seq: position, reason: 'unbound-head', message: `its last timeline entry (seq ${position}) has no stateDigest, but its state has a timeline index (every save of it was sealed)` };
    }
    const bound = earlierDigest();
    if (bound !== undefined) {
      return { seq: position, reason: 'unbound-head', message: `its last timeline entry (seq ${position}) has no stateDigest, but entry ${bound} has one` };
    }
    return undefined;
  }
  const actual = stateDigest(snapshot);
  if (actual !== headEntry.stateDigest) {
    return {
      seq: position,
      reason: 'state-digest',
      message: `its state does not match the stateDigest of its last timeline entry (seq ${position}): edited outside the engine, or its timeline cut`,
      expected: headEntry.stateDigest,
      actual,
    };
  }
  return undefined;
}

/**
 * {@link checkBinding} for a whole incident (state and timeline): also checks that the last entry
 * sits at its position and follows the entry before it.
 * @internal
 *
 * @example
 * const problem = checkIncidentBinding(await store.get(id));
 */
export function checkIncidentBinding(incident: IncidentState & { head?: IncidentSnapshot['head']; timeline: readonly TimelineEntry[] }): BindingProblem | undefined {
  const { timeline } = incident;
  const position = timeline.length - 1;
  const headEntry = timeline[position];
  if (headEntry !== undefined) {
    if (headEntry.seq !== position) return { seq: position, reason: 'head', message: `its last timeline entry has seq ${headEntry.seq} at position ${position}` };
    if (headEntry.prevHash !== (timeline[position - 1]?.hash ?? '')) {
      return { seq: position, reason: 'head', message: `its last timeline entry (seq ${position}) does not follow the entry before it (prevHash)` };
    }
  }
  return checkBinding(incident, headEntry, () => {
    for (let index = position - 1; index >= 0; index--) if ((timeline[index] as TimelineEntry).stateDigest !== undefined) return index;
    return undefined;
  });
}
