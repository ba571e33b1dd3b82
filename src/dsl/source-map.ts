import type { DocumentPath, SourceLocator, SourceRange } from '../diagnostics/diagnostic.js';

/** Where one node of a document is. */
export interface SourceEntry {
  file?: string;
  range: SourceRange;
}

function keyOf(path: DocumentPath): string {
  return JSON.stringify(path);
}

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
  readonly #values = new Map<string, SourceEntry>();
  readonly #keys = new Map<string, SourceEntry>();
  readonly #file: string | undefined;

  /** @param file the file of the plan's root, used when no node matches. */
  constructor(file?: string) {
    this.#file = file;
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
    const copy = (source: Map<string, SourceEntry>, target: Map<string, SourceEntry>): void => {
      for (const [key, entry] of source) {
        const path = JSON.parse(key) as Array<string | number>;
        const index = path[1];
        if (path[0] !== section || typeof index !== 'number') continue;
        target.set(keyOf([section, index + offset, ...path.slice(2)]), entry);
      }
    };
    copy(other.#values, this.#values);
    copy(other.#keys, this.#keys);
  }

  /** The node at `path`, or its nearest recorded ancestor. */
  locate(path: DocumentPath): { file?: string; range?: SourceRange } {
    for (let n = path.length; n >= 0; n--) {
      const entry = this.#values.get(keyOf(path.slice(0, n)));
      if (entry !== undefined) return entry;
    }
    return this.#file === undefined ? {} : { file: this.#file };
  }

  /** The mapping key that ends `path`, or else the node (or ancestor) as {@link locate} finds it. */
  locateKey(path: DocumentPath): { file?: string; range?: SourceRange } {
    return this.#keys.get(keyOf(path)) ?? this.locate(path);
  }
}
