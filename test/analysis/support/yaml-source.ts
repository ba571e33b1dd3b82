import { isNode, LineCounter, parseDocument } from 'yaml';
import type { DocumentPath, SourceLocator, SourceRange } from '../../../src/diagnostics/diagnostic.js';

/**
 * A simple `SourceLocator` over YAML text (yaml's `parseDocument` + `LineCounter`): the range of
 * the node at a path, or of its nearest existing ancestor. Tests use it until they can use the
 * DSL's own locator.
 *
 * @example
 * yamlLocator('a:\n  b: 1\n', 'x.yaml').locate(['a', 'b']); // { file: 'x.yaml', range: { start: { line: 2, column: 6 }, ... } }
 */
export function yamlLocator(text: string, file?: string): SourceLocator {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, keepSourceTokens: false });
  const position = (offset: number): { line: number; column: number } => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  return {
    locate(path: DocumentPath) {
      for (let n = path.length; n >= 0; n -= 1) {
        const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
        if (isNode(node) && node.range !== undefined && node.range !== null) {
          const [start, end] = node.range;
          const range: SourceRange = { start: position(start), end: position(end) };
          return file === undefined ? { range } : { file, range };
        }
      }
      return file === undefined ? {} : { file };
    },
  };
}
