import type { DocumentPath, Position, SourceLocator, SourceRange } from '../diagnostics/diagnostic.js';

/** Where one node of a document is. */
export interface SourceEntry {
  file?: string;
  range: SourceRange;
}

/** An entry as stored: a position, or the number of a pair of offsets in the map's packed list (turned into lines and columns only when located). */
type StoredEntry = SourceEntry | number;

/** List indices kept in arrays (larger or other numbers go to a map). */
const MAX_ITEM_INDEX = 1 << 20;

/**
 * One node of a {@link SourceMap}'s tree: the document node at one path, with where it is and
 * where the mapping key ending its path is (when recorded), and its children by path segment
 * (list indices and mapping names apart, so that `0` and `"0"` differ).
 */
export class SourceNode {
  value: StoredEntry | undefined = undefined;
  key: StoredEntry | undefined = undefined;
  items: SourceNode[] | undefined = undefined;
  named: Map<string | number, SourceNode> | undefined = undefined;

  /** The child at `segment`, or `undefined`. */
  get(segment: string | number): SourceNode | undefined {
    if (typeof segment === 'number' && Number.isInteger(segment) && segment >= 0 && segment < MAX_ITEM_INDEX) return this.items?.[segment];
    return this.named?.get(typeof segment === 'number' ? segmentOfNumber(segment) : segment);
  }

  /** The child at `segment`, made if missing. */
  child(segment: string | number): SourceNode {
    if (typeof segment === 'number' && Number.isInteger(segment) && segment >= 0 && segment < MAX_ITEM_INDEX) {
      const items = (this.items ??= []);
      let node = items[segment];
      if (node === undefined) {
        // Items arrive in order; fill any gap so the array stays packed.
        while (items.length < segment) items.push(EMPTY);
        node = new SourceNode();
        items[segment] = node;
      } else if (node === EMPTY) {
        node = new SourceNode();
        items[segment] = node;
      }
      return node;
    }
    const named = (this.named ??= new Map());
    const name = typeof segment === 'number' ? segmentOfNumber(segment) : segment;
    let node = named.get(name);
    if (node === undefined) {
      node = new SourceNode();
      named.set(name, node);
    }
    return node;
  }
}

/** Stands for an item not recorded (never written to: {@link SourceNode.child} replaces it). */
const EMPTY = new SourceNode();

/**
 * A number segment outside the list indices, as a map key apart from the string segments (which
 * stay strings): numbers that print alike are the same segment, as in a serialized path.
 */
function segmentOfNumber(n: number): number {
  // -0 and 0 are one segment; every other number keys the map as itself (NaN included).
  return n === 0 ? 0 : n;
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
  /** The node of the document itself (path `[]`). */
  readonly root = new SourceNode();
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

  #node(path: DocumentPath): SourceNode {
    let node = this.root;
    for (const segment of path) node = node.child(segment);
    return node;
  }

  /**
   * Record where `node` (a node of this map's tree, reached with {@link SourceNode.child} from
   * {@link root}) or, with `ofKey`, the mapping key ending its path is, as offsets into the map's
   * text (needs `lines` at construction): no position object is made until a diagnostic asks for it.
   */
  setOffsets(node: SourceNode, start: number, end: number, ofKey = false): void {
    const n = this.#offsets.length >> 1;
    this.#offsets.push(start, end);
    if (ofKey) node.key = n;
    else node.value = n;
  }

  /** Record where the node at `path` is. */
  set(path: DocumentPath, entry: SourceEntry): void {
    this.#node(path).value = entry;
  }

  /** Record where the mapping key that ends `path` is. */
  setKey(path: DocumentPath, entry: SourceEntry): void {
    this.#node(path).key = entry;
  }

  /**
   * Copy the entries of another file's map under `section` (a list), shifting the list indices by
   * `offset`: included files' items are appended to the plan's lists.
   */
  graftList(other: SourceMap, section: string, offset: number): void {
    const from = other.root.get(section);
    if (from?.items === undefined) return;
    const copy = (source: SourceNode, target: () => SourceNode): void => {
      let made: SourceNode | undefined;
      const at = (): SourceNode => (made ??= target());
      if (source.value !== undefined) at().value = other.#resolve(source.value);
      if (source.key !== undefined) at().key = other.#resolve(source.key);
      source.items?.forEach((child, i) => {
        if (child !== EMPTY) copy(child, () => at().child(i));
      });
      source.named?.forEach((child, name) => copy(child, () => at().child(name)));
    };
    from.items.forEach((item, index) => {
      if (item !== EMPTY) copy(item, () => this.root.child(section).child(index + offset));
    });
  }

  /** The node at `path`, or its nearest recorded ancestor. */
  locate(path: DocumentPath): { file?: string; range?: SourceRange } {
    let node: SourceNode | undefined = this.root;
    let found = node.value;
    for (let i = 0; i < path.length && node !== undefined; i++) {
      node = node.get(path[i] as string | number);
      if (node?.value !== undefined) found = node.value;
    }
    const entry = this.#resolve(found);
    if (entry !== undefined) return entry;
    return this.#file === undefined ? {} : { file: this.#file };
  }

  /** The mapping key that ends `path`, or else the node (or ancestor) as {@link locate} finds it. */
  locateKey(path: DocumentPath): { file?: string; range?: SourceRange } {
    let node: SourceNode | undefined = this.root;
    for (let i = 0; i < path.length && node !== undefined; i++) node = node.get(path[i] as string | number);
    return this.#resolve(node?.key) ?? this.locate(path);
  }
}
