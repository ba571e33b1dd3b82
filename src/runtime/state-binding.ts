import { canonicalJson } from '../compile/canonical-json.js';
import { sha256Hex } from '../compile/hash.js';
import { isDeepFrozen, markEngineIncident } from './deep-freeze.js';
import type { Incident, TimelineEntry } from './incident.js';
import { chainEntry } from './timeline.js';

/**
 * The digest that binds an incident's state to its hash chain: sha256 over the canonical JSON of
 * the incident without `timeline` (its version included).
 *
 * @example
 * stateDigest(incident) === incident.timeline.at(-1)?.stateDigest; // true for a bound incident
 */
export function stateDigest(incident: Incident): string {
  const { timeline: _timeline, ...state } = incident;
  return sha256Hex(canonicalJson(state));
}

/**
 * Seals a save: the last of `entries` (the save's new entries, which end `incident.timeline`) is
 * re-chained with the `stateDigest` of `incident` (its version already set). Returns the incident
 * with that entry in its timeline, and the entries; the same objects when there are no entries.
 * @internal
 *
 * @example
 * const sealed = bindState(next, entries);
 * await store.save(sealed.incident, expected);
 */
export function bindState(incident: Incident, entries: readonly TimelineEntry[]): { incident: Incident; entries: readonly TimelineEntry[] } {
  const last = entries[entries.length - 1];
  if (last === undefined) return { incident, entries };
  const position = incident.timeline.length - 1;
  if (incident.timeline[position] !== last) throw new Error(`incident ${incident.id}: the entries of a save must end its timeline`);
  const previous = incident.timeline[position - 1];
  const { hash: _hash, prevHash: _prevHash, seq: _seq, ...fields } = last;
  const sealed = Object.freeze(chainEntry(previous, { ...fields, stateDigest: stateDigest(incident) }));
  const timeline = incident.timeline.slice(0, position);
  timeline.push(sealed);
  Object.freeze(timeline);
  const next = Object.freeze({ ...incident, timeline });
  const sealedEntries = entries.slice(0, -1);
  sealedEntries.push(sealed);
  return { incident: isDeepFrozen(incident) ? markEngineIncident(next) : next, entries: sealedEntries };
}

/** What {@link checkBinding} found wrong with a stored incident. */
export interface BindingProblem {
  /** The timeline position concerned (the head entry's, or -1 for an empty timeline). */
  seq: number;
  /** `head` (the head entry is not a valid chain link), `unbound-head` (digests exist but the head has none) or `state-digest`. */
  reason: 'head' | 'unbound-head' | 'state-digest';
  message: string;
  expected?: string;
  actual?: string;
}

/**
 * Checks a stored incident against its head (last) timeline entry, without walking the chain:
 * the head entry's own hash, its `seq` and `prevHash` junction with the entry before it, and its
 * `stateDigest` against the state. An incident none of whose entries has a digest (written before
 * binding existed) passes as unbound; it is bound by its next save. Returns the problem or undefined.
 * @internal
 *
 * @example
 * const problem = checkBinding(incident);
 * if (problem !== undefined) throw new CorruptIncidentError(`store incident ${incident.id}`, problem.message);
 */
export function checkBinding(incident: Incident): BindingProblem | undefined {
  const { timeline } = incident;
  const position = timeline.length - 1;
  const head = timeline[position];
  if (head === undefined) return { seq: -1, reason: 'head', message: 'its timeline is empty (every incident has at least its opened entry)' };
  const previous = timeline[position - 1];
  if (head.seq !== position) return { seq: position, reason: 'head', message: `its last timeline entry has seq ${head.seq} at position ${position}` };
  if (head.prevHash !== (previous?.hash ?? '')) {
    return { seq: position, reason: 'head', message: `its last timeline entry (seq ${position}) does not follow the entry before it (prevHash)` };
  }
  const { hash, ...rest } = head;
  if (sha256Hex(canonicalJson(rest)) !== hash) return { seq: position, reason: 'head', message: `its last timeline entry (seq ${position}) does not match its hash` };
  if (head.stateDigest === undefined) {
    // Unbound only if no entry ever carried a digest: once bound, every save's last entry has one.
    for (let index = position - 1; index >= 0; index--) {
      if ((timeline[index] as TimelineEntry).stateDigest !== undefined) {
        return { seq: position, reason: 'unbound-head', message: `its last timeline entry (seq ${position}) has no stateDigest, but entry ${index} has one` };
      }
    }
    return undefined;
  }
  const actual = stateDigest(incident);
  if (actual !== head.stateDigest) {
    return {
      seq: position,
      reason: 'state-digest',
      message: `its state does not match the stateDigest of its last timeline entry (seq ${position}): edited outside the engine, or its timeline cut`,
      expected: head.stateDigest,
      actual,
    };
  }
  return undefined;
}
