import type { DocumentPath, Position, SourceLocator, SourceRange } from '../diagnostics/diagnostic.js';

/** Where one node of a document is. */
export interface SourceEntry {
  file?: string;
  range: SourceRange;
}

/** One path segment as it appears in a map key: numbers bare, strings JSON-quoted (so `0` and `"0"` differ). */
function segmentKey(segment: string | number): string {
  return typeof segment === 'number' ? String(segment) : JSON.stringify(segment);
}

function keyOf(path: DocumentPath): string {
  let key = '';
  for (let i = 0; i < path.length; i++) key = i === 0 ? segmentKey(path[i] as string | number) : `${key},${segmentKey(path[i] as string | number)}`;
  return key;
}

/**
 * The key of `path` extended by `segment`, given the key of `path` (`''` for the root): lets a
 * walker build keys one segment at a time instead of serialising every path from the start.
 */
export function childKey(parent: string, segment: string | number): string {
  return parent === '' ? segmentKey(segment) : `${parent},${segmentKey(segment)}`;
}

/** An entry as stored: a position, or the number of a pair of offsets in the map's packed list (turned into lines and columns only when located). */
type StoredEntry = SourceEntry | number;

/**
 * The positions of a checked plan: for every node, the file and range it came from, and for every
 * mapping key, the range of the key itself. Included files keep their own file names, so a path
 * of the merged plan points into the file the node was written in.
 *
 * @example
 * const map = new SourceMap('plan.yaml');
 * map.set(['roles', 0], { file: 'plan.yaml', range });
 * map.locate(['roles', 0, 'title']); // falls back to roles[0]
 */
export class SourceMap implements SourceLocator {
  readonly #values = new Map<string, StoredEntry>();
  readonly #keys = new Map<string, StoredEntry>();
  readonly #file: string | undefined;
  readonly #lines: { position(offset: number): Position } | undefined;
  /** Start and end offsets of the entries recorded with {@link setOffsets}, two numbers each. */
  readonly #offsets: number[] = [];

  /**
   * @param file the file of the plan's root, used when no node matches.
   * @param lines turns the offsets given to {@link setOffsets} into lines and columns.
   */
  constructor(file?: string, lines?: { position(offset: number): Position }) {
    this.#file = file;
    this.#lines = lines;
  }

  #resolve(entry: StoredEntry | undefined): SourceEntry | undefined {
    if (typeof entry !== 'number') return entry;
    const lines = this.#lines as { position(offset: number): Position };
    const range = { start: lines.position(this.#offsets[2 * entry] as number), end: lines.position(this.#offsets[2 * entry + 1] as number) };
    return this.#file === undefined ? { range } : { file: this.#file, range };
  }

  /**
   * Record where the node at `key` (built with {@link childKey}) or, with `ofKey`, the mapping key
   * ending it is, as offsets into the map's text (needs `lines` at construction): no position
   * object is made until a diagnostic asks for it.
   */
  setOffsets(key: string, start: number, end: number, ofKey = false): void {
    const n = this.#offsets.length >> 1;
    this.#offsets.push(start, end);
    (ofKey ? this.#keys : this.#values).set(key, n);
  }

  /** Record where the node at `path` is. */
  set(path: DocumentPath, entry: SourceEntry): void {
    this.#values.set(keyOf(path), entry);
  }

  /** Record where the mapping key that ends `path` is. */
  setKey(path: DocumentPath, entry: SourceEntry): void {
    this.#keys.set(keyOf(path), entry);
  }


  /**
   * Copy the entries of another file's map under `section` (a list), shifting the list indices by
   * `offset`: included files' items are appended to the plan's lists.
   */
  graftList(other: SourceMap, section: string, offset: number): void {
    const copy = (source: Map<string, StoredEntry>, target: Map<string, StoredEntry>): void => {
      for (const [key, entry] of source) {
        const path = JSON.parse(`[${key}]`) as Array<string | number>;
        const index = path[1];
        if (path[0] !== section || typeof index !== 'number') continue;
        target.set(keyOf([section, index + offset, ...path.slice(2)]), other.#resolve(entry) as SourceEntry);
      }
    };
    copy(other.#values, this.#values);
    copy(other.#keys, this.#keys);
  }

  /** The node at `path`, or its nearest recorded ancestor. */
  locate(path: DocumentPath): { file?: string; range?: SourceRange } {
    for (let n = path.length; n >= 0; n--) {
      const entry = this.#resolve(this.#values.get(keyOf(path.slice(0, n))));
      if (entry !== undefined) return entry;
    }
    return this.#file === undefined ? {} : { file: this.#file };
  }

  /** The mapping key that ends `path`, or else the node (or ancestor) as {@link locate} finds it. */
  locateKey(path: DocumentPath): { file?: string; range?: SourceRange } {
    return this.#resolve(this.#keys.get(keyOf(path))) ?? this.locate(path);
  }
}
