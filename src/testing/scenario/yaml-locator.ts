import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { DocumentPath, SourceLocator, SourceRange } from '../../diagnostics/diagnostic.js';

/** A {@link SourceLocator} over a parsed YAML (or JSON) document, plus key lookups. */
export interface YamlLocator extends SourceLocator {
  /** Where the key `key` of the mapping at `path` is written (falls back to the mapping). */
  locateKey(path: DocumentPath, key: string): { file?: string; range?: SourceRange };
}

/**
 * Builds a locator that maps JSON paths to 1-based file positions in a `yaml` document parsed
 * with a `LineCounter`. A path that does not exist resolves to its nearest existing ancestor.
 *
 * @example
 * ```ts
 * const lineCounter = new LineCounter();
 * const doc = parseDocument(text, { lineCounter });
 * const at = yamlLocator(doc, lineCounter, 'a.drill.yaml').locate(['steps', 0, 'at']);
 * // { file: 'a.drill.yaml', range: { start: { line: 9, column: 9 }, end: … } }
 * ```
 */
export function yamlLocator(doc: Document, lineCounter: LineCounter, file?: string): YamlLocator {
  const withFile = (range: SourceRange | undefined): { file?: string; range?: SourceRange } => ({
    ...(file === undefined ? {} : { file }),
    ...(range === undefined ? {} : { range }),
  });
  const toRange = (r: readonly [number, number, number] | null | undefined): SourceRange | undefined => {
    if (!r) return undefined;
    const start = lineCounter.linePos(r[0]);
    const end = lineCounter.linePos(r[1]);
    return { start: { line: start.line, column: start.col }, end: { line: end.line, column: end.col } };
  };
  const nodeAt = (path: DocumentPath): Node | undefined => {
    let node: unknown = doc.contents;
    let found: Node | undefined = isNode(node) ? node : undefined;
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && scalarValue(p.key) === String(key));
        if (!pair || !isNode(pair.value)) return found;
        node = pair.value;
      } else if (isSeq(node) && typeof key === 'number') {
        const item = node.items[key];
        if (!isNode(item)) return found;
        node = item;
      } else {
        return found;
      }
      found = node as Node;
    }
    return found;
  };
  return {
    locate(path) {
      return withFile(toRange(nodeAt(path)?.range));
    },
    locateKey(path, key) {
      const map = nodeAt(path);
      if (isMap(map)) {
        const pair = map.items.find((p) => isPair(p) && scalarValue(p.key) === key);
        if (pair && isNode(pair.key)) return withFile(toRange(pair.key.range));
      }
      return withFile(toRange(map?.range));
    },
  };
}

function isNode(value: unknown): value is Node {
  return isMap(value) || isSeq(value) || isScalar(value);
}

function scalarValue(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return typeof key === 'string' ? key : undefined;
}
