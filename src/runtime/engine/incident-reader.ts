import { canonicalFrozen } from '../canonical-freeze.js';
import { isEngineIncident } from '../deep-freeze.js';
import type { Incident } from '../incident.js';
import { checkBinding } from '../state-binding.js';
import { CorruptIncidentError, parseIncidentDocument } from '../stores/incident-document.js';
import type { IncidentStore } from '../stores/store.js';
import type { IncidentCache } from './incident-cache.js';

/** How the engine reads incidents from its store. */
export interface IncidentReader {
  /**
   * Takes a document read from the store into the engine: validated, checked against the head of
   * its chain, canonicalized and frozen, then remembered. Throws `CorruptIncidentError` for a
   * document that fails (and forgets the cached copy).
   */
  adopt(document: Incident): Incident;
  /** The incident as cached (unless `fresh`) or as stored, adopted; undefined when there is none. */
  load(id: string, fresh: boolean): Promise<Incident | undefined>;
}

/**
 * The engine's reader: `remember` is called with every incident adopted (the engine caches it and
 * schedules its deadlines).
 * @internal
 *
 * @example
 * const reader = incidentReader(store, cache, known);
 * const incident = await reader.load('PO-1', true); // as stored
 */
export function incidentReader(store: IncidentStore, cache: IncidentCache, remember: (incident: Incident) => void): IncidentReader {
  const adopt = (document: Incident): Incident => {
    // A store that keeps the frozen incidents it was given hands back objects an engine built
    // (valid by construction).
    if (isEngineIncident(document)) {
      remember(document);
      return document;
    }
    const cached = cache.get(document.id);
    if (cached !== undefined && cached.version === document.version && cached.planHash === document.planHash) return cached;
    // Validated (incident-document.ts); the document itself (a fresh object from the store) is then
    // kept, in canonical key order (copied only where a store reordered keys), and frozen.
    parseIncidentDocument(document, `store incident ${document.id}`);
    // The state must match the head of its chain (one hash of the state, no walk of the chain);
    // checked once per (id, version): the cache above answers later reads of the same version.
    const problem = checkBinding(document);
    if (problem !== undefined) {
      cache.drop(document.id);
      throw new CorruptIncidentError(`store incident ${document.id}`, problem.message);
    }
    const incident = canonicalFrozen(document);
    remember(incident);
    return incident;
  };

  return {
    adopt,
    async load(id, fresh) {
      if (!fresh) {
        const cached = cache.get(id);
        if (cached !== undefined) return cached;
      }
      const document = await store.get(id);
      if (document === undefined) {
        cache.drop(id);
        return undefined;
      }
      return adopt(document);
    },
  };
}
