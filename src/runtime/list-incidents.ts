import { canonicalFrozen } from './canonical-freeze.js';
import type { IncidentPage, ListFilter } from './engine-types.js';
import type { Incident } from './incident.js';
import { iso } from './iso-time.js';
import { encodeListCursor } from './list-cursor.js';
import { parseListFilter, type ListRequest } from './list-query.js';
import { listedBindingProblem } from './listed-binding.js';
import type { ListedIncident } from './listed-incident.js';
import { CorruptIncidentError } from './stores/incident-document.js';
import { comparePositions, listFieldsOf, matchesListFilter } from './stores/list-fields.js';
import { listedOf, parseListedDocument } from './stores/listed-document.js';
import type { IncidentStore, ListPosition } from './stores/store.js';

/** What `engine.list` needs of the engine. */
export interface ListDependencies {
  store: IncidentStore;
  /** List items remembered between calls (the engine's `cacheSize`). */
  cacheSize: number;
  /** Checks a whole incident read from the store, as `engine.get` does (throws `CorruptIncidentError`). */
  adopt(doc: Incident): Incident;
  /** Reports a stored incident the list leaves out as unreadable (rethrows anything else). */
  skipCorrupt(id: string, error: unknown): void;
}

/** `engine.list`: one page of incidents for a filter, at the clock's time `nowMs`. */
export type ListIncidents = (filter: ListFilter | undefined, nowMs: number) => Promise<IncidentPage>;

/**
 * Builds `engine.list`. With a store that has `listPage`, the store filters and pages (an index
 * range scan) and hands back list items without timelines; each is checked once per version
 * (shape, and its state against its last entry's `stateDigest`), a corrupt one skipped and
 * reported. With an older store that has only `list()`, every incident is read, checked, filtered
 * and paged here: the same pages, at the cost of reading everything.
 * @internal
 *
 * @example
 * const list = incidentLister({ store, cacheSize: 1000, adopt, skipCorrupt });
 * const { incidents, next } = await list({ open: true, limit: 20 }, clock.now());
 */
export function incidentLister(dependencies: ListDependencies): ListIncidents {
  const { store, cacheSize } = dependencies;
  /** Checked list items by id (the newest version seen), least recently used first. */
  const checked = new Map<string, ListedIncident>();
  const remember = (listed: ListedIncident): ListedIncident => {
    checked.delete(listed.id);
    if (cacheSize <= 0) return listed;
    checked.set(listed.id, listed);
    if (checked.size > cacheSize) {
      const oldest = checked.keys().next().value;
      if (oldest !== undefined) checked.delete(oldest);
    }
    return listed;
  };

  /** A list item from the store as the engine hands it out: checked (once per version), canonical and frozen. */
  const adoptListed = (item: ListedIncident): ListedIncident => {
    const known = checked.get(item.id);
    if (known !== undefined && known.version === item.version && known.planHash === item.planHash) return remember(known);
    const source = `store incident ${item.id}`;
    parseListedDocument(item, source);
    const problem = listedBindingProblem(item);
    if (problem !== undefined) {
      checked.delete(item.id);
      throw new CorruptIncidentError(source, problem);
    }
    return remember(canonicalFrozen(item));
  };

  const pageOf = (request: ListRequest, incidents: ListedIncident[], next: ListPosition | undefined): IncidentPage => {
    if (next === undefined) return { incidents };
    return { incidents, next: encodeListCursor({ after: next, atMs: request.atMs, filter: request.filter }) };
  };

  const fromListPage = async (listPage: NonNullable<IncidentStore['listPage']>, request: ListRequest): Promise<IncidentPage> => {
    const page = await listPage.call(store, {
      ...request.filter,
      at: iso(request.atMs),
      limit: request.limit,
      ...(request.after === undefined ? {} : { after: request.after }),
    });
    for (const { incidentId, error } of page.corrupt ?? []) dependencies.skipCorrupt(incidentId, error);
    const incidents: ListedIncident[] = [];
    for (const item of page.incidents) {
      try {
        incidents.push(adoptListed(item));
      } catch (error) {
        dependencies.skipCorrupt(item.id, error);
      }
    }
    return pageOf(request, incidents, page.next);
  };

  /** A store without `listPage`: every incident read and checked, then filtered, ordered and cut here. */
  const fromWholeList = async (request: ListRequest): Promise<IncidentPage> => {
    const matching: Array<{ position: ListPosition; incident: Incident }> = [];
    for (const doc of await store.list()) {
      let incident: Incident;
      try {
        incident = dependencies.adopt(doc);
      } catch (error) {
        dependencies.skipCorrupt(doc.id, error);
        continue;
      }
      const fields = listFieldsOf(incident);
      if (!matchesListFilter(fields, request.filter, request.atMs)) continue;
      const position = { openedMs: fields.openedMs, id: incident.id };
      if (request.after !== undefined && comparePositions(position, request.after) <= 0) continue;
      matching.push({ position, incident });
    }
    matching.sort((a, b) => comparePositions(a.position, b.position));
    const page = matching.slice(0, request.limit);
    const more = matching.length > request.limit;
    return pageOf(request, page.map((entry) => listedOf(entry.incident)), more ? page[page.length - 1]?.position : undefined);
  };

  return async (filter, nowMs) => {
    const request = parseListFilter(filter, nowMs);
    return store.listPage === undefined ? fromWholeList(request) : fromListPage(store.listPage, request);
  };
}
