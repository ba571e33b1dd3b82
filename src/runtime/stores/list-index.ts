import { comparePositions, matchesListFilter, type ListFields } from './list-fields.js';
import type { IncidentListQuery, ListPosition } from './store.js';

/** An incident in a {@link ListIndex}: its id and the fields lists filter and order by (replaced in place by a save that moves it nowhere). */
interface Indexed {
  readonly id: string;
  fields: ListFields;
}

/** One page found by {@link ListIndex.page}: the ids in list order, and where the next page starts. */
export interface IndexPage {
  ids: string[];
  next?: ListPosition;
}

const positionOf = (entry: Indexed): ListPosition => ({ openedMs: entry.fields.openedMs, id: entry.id });

/**
 * The in-memory list index of the memory and file stores: every incident's {@link ListFields} in
 * arrays sorted in list order (opened time, then id) — all incidents, the open ones, the closed
 * ones, and one array per stage — so that a page is a binary search for its start and a walk of
 * the array that fits its filters best, however many incidents there are. Saves keep it up to
 * date (`set`): most saves change neither the opened time, nor open/closed, nor the stage, and
 * only replace the entry's fields; a new incident is a binary search and (opened last) a push; a
 * move between arrays (closed, another stage) a binary search and an array splice.
 *
 * @example
 * ```ts
 * const index = new ListIndex();
 * index.set(incident.id, listFieldsOf(incident));
 * const { ids, next } = index.page({ open: true, at: new Date().toISOString(), limit: 50 }, Date.now());
 * ```
 */
export class ListIndex {
  private readonly byId = new Map<string, Indexed>();
  private readonly all: Indexed[] = [];
  private readonly open: Indexed[] = [];
  private readonly closed: Indexed[] = [];
  private readonly byStage = new Map<string, Indexed[]>();

  /** Indexes (or re-indexes) incident `id` with its current fields. */
  set(id: string, fields: ListFields): void {
    const previous = this.byId.get(id);
    if (previous !== undefined && previous.fields.openedMs === fields.openedMs) {
      // Same place in the list order: move it only between the arrays it leaves and joins.
      const was = previous.fields;
      if (was.closed !== fields.closed) {
        remove(was.closed ? this.closed : this.open, previous);
        insert(fields.closed ? this.closed : this.open, previous);
      }
      if (was.stage !== fields.stage) {
        this.removeFromStage(previous);
        previous.fields = fields;
        insert(this.stageList(fields.stage), previous);
      }
      previous.fields = fields;
      return;
    }
    if (previous !== undefined) this.remove(previous);
    const entry: Indexed = { id, fields };
    this.byId.set(id, entry);
    insert(this.all, entry);
    insert(entry.fields.closed ? this.closed : this.open, entry);
    insert(this.stageList(fields.stage), entry);
  }

  /** Forgets incident `id`. */
  delete(id: string): void {
    const previous = this.byId.get(id);
    if (previous !== undefined) this.remove(previous);
  }

  /** Forgets every incident. */
  clear(): void {
    this.byId.clear();
    this.all.length = 0;
    this.open.length = 0;
    this.closed.length = 0;
    this.byStage.clear();
  }

  /** The incidents indexed. */
  get size(): number {
    return this.byId.size;
  }

  /**
   * The ids of the first `query.limit` incidents after `query.after` that pass its filters
   * (`overdue` judged at `atMs`), in list order, and the position the next page starts after when
   * another matching incident follows.
   */
  page(query: IncidentListQuery, atMs: number): IndexPage {
    const list = this.candidates(query);
    const ids: string[] = [];
    let last: Indexed | undefined;
    for (let position = query.after === undefined ? 0 : firstAfter(list, query.after); position < list.length; position++) {
      const entry = list[position] as Indexed;
      if (!matchesListFilter(entry.fields, query, atMs)) continue;
      if (ids.length === query.limit) return { ids, next: positionOf(last as Indexed) };
      ids.push(entry.id);
      last = entry;
    }
    return { ids };
  }

  /** The smallest array holding every incident that can pass the query's filters. */
  private candidates(query: IncidentListQuery): readonly Indexed[] {
    if (query.stage !== undefined) return this.byStage.get(query.stage) ?? [];
    if (query.open === false) return this.closed;
    if (query.open === true || query.overdue === true) return this.open;
    return this.all;
  }

  /** The array of stage `stage` (created when first needed). */
  private stageList(stage: string): Indexed[] {
    let list = this.byStage.get(stage);
    if (list === undefined) {
      list = [];
      this.byStage.set(stage, list);
    }
    return list;
  }

  private removeFromStage(entry: Indexed): void {
    const list = this.byStage.get(entry.fields.stage);
    if (list === undefined) return;
    remove(list, entry);
    if (list.length === 0) this.byStage.delete(entry.fields.stage);
  }

  private remove(entry: Indexed): void {
    this.byId.delete(entry.id);
    remove(this.all, entry);
    remove(entry.fields.closed ? this.closed : this.open, entry);
    this.removeFromStage(entry);
  }
}

/** The index of the first entry of sorted `list` after `position` (binary search). */
function firstAfter(list: readonly Indexed[], position: ListPosition): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (comparePositions(positionOf(list[middle] as Indexed), position) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Removes `entry` from sorted `list` (found by its position). */
function remove(list: Indexed[], entry: Indexed): void {
  const at = firstAfter(list, positionOf(entry)) - 1;
  if (list[at] === entry) list.splice(at, 1);
}

/** Inserts `entry` into sorted `list` at its place in list order. */
function insert(list: Indexed[], entry: Indexed): void {
  const at = firstAfter(list, positionOf(entry));
  if (at === list.length) list.push(entry);
  else list.splice(at, 0, entry);
}
