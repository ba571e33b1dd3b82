import { canonicalJson } from '../compile/canonical-json.js';
import { sha256Hex } from '../compile/hash.js';
import type { ListedIncident } from './listed-incident.js';

/**
 * What is wrong with a list item's binding to its chain, or undefined: `checkBinding` with only the
 * last timeline entry at hand — the entry's own hash, and its `stateDigest` against the item's
 * state (the fields without `lastEntry`, the same bytes `stateDigest` hashes for the whole
 * incident). Without the earlier entries it cannot check the link to the entry before, nor tell an
 * incident written before digests existed from one whose last digest was removed: `engine.get`
 * checks those.
 * @internal
 *
 * @example
 * const problem = listedBindingProblem(listed);
 * if (problem !== undefined) throw new CorruptIncidentError(`store incident ${listed.id}`, problem);
 */
export function listedBindingProblem(listed: ListedIncident): string | undefined {
  const { lastEntry, ...state } = listed;
  const { hash, ...entry } = lastEntry;
  if (sha256Hex(canonicalJson(entry)) !== hash) return `its last timeline entry (seq ${lastEntry.seq}) does not match its hash`;
  if (lastEntry.stateDigest === undefined) return undefined;
  if (sha256Hex(canonicalJson(state)) !== lastEntry.stateDigest && !sealedBeforeIndex(state, lastEntry.stateDigest)) {
    return `its state does not match the stateDigest of its last timeline entry (seq ${lastEntry.seq}): edited outside the engine, or its timeline cut`;
  }
  return undefined;
}

/**
 * Whether `state` matches `digest` once its timeline index is left out: a save sealed before the
 * index existed (runtime v2 derives the index of such a snapshot on first read and binds it at the
 * next save, as `checkBinding` accepts).
 */
function sealedBeforeIndex(state: Record<string, unknown>, digest: string): boolean {
  if (!('timelineIndex' in state)) return false;
  const { timelineIndex: _index, ...withoutIndex } = state;
  return sha256Hex(canonicalJson(withoutIndex)) === digest;
}
