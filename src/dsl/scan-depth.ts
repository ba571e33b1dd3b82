/**
 * A quick lexical estimate of how deeply a YAML or JSON text nests, made before the text reaches
 * the YAML parser (whose recursion a deeply nested text can exhaust). Flow brackets outside quoted
 * scalars and comments count one level each; block indentation counts one level per deeper indent,
 * plus one per compact `- ` entry. Returns the offset where the estimate first passes `limit`, or
 * `undefined` when it never does.
 *
 * @example
 * findExcessiveNesting('a: ' + '['.repeat(500), 256); // 259 (the offset of the 257th "[")
 * findExcessiveNesting('a: [1, 2]\n', 256); // undefined
 */
export function findExcessiveNesting(text: string, limit: number): number | undefined {
  const indents: number[] = [];
  let flow = 0;
  let quote: '"' | "'" | undefined;
  let blockScalarIndent = -1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    // one line
    const lineStart = i;
    let lineEnd = text.indexOf('\n', i);
    if (lineEnd === -1) lineEnd = n;
    let j = i;
    if (quote === undefined && flow === 0) {
      while (j < lineEnd && text[j] === ' ') j++;
      const indent = j - lineStart;
      const blank = j >= lineEnd || text[j] === '#' || text[j] === '\r';
      if (blockScalarIndent >= 0) {
        if (blank || indent > blockScalarIndent) {
          i = lineEnd + 1;
          continue;
        }
        blockScalarIndent = -1;
      }
      if (!blank) {
        while (indents.length > 0 && (indents[indents.length - 1] ?? 0) >= indent) indents.pop();
        indents.push(indent);
        let dashes = 0;
        while (text[j] === '-' && (text[j + 1] === ' ' || text[j + 1] === '\t')) {
          dashes++;
          j += 2;
          while (text[j] === ' ') j++;
        }
        if (indents.length + dashes > limit) return lineStart + indent;
        if (/[|>][0-9+-]*[ \t]*(?:#.*)?\r?$/.test(text.slice(j, lineEnd)) && /(?:^|[:\-?][ \t]+)[|>]/.test(text.slice(lineStart, lineEnd))) {
          blockScalarIndent = indent;
        }
      }
    }
    let previous = j > lineStart ? text[j - 1] : '\n';
    for (; j < lineEnd; j++) {
      const ch = text[j];
      if (quote === '"') {
        if (ch === '\\') j++;
        else if (ch === '"') quote = undefined;
      } else if (quote === "'") {
        if (ch === "'") quote = undefined;
      } else if (ch === '#' && (previous === ' ' || previous === '\t' || previous === '\n')) {
        break;
      } else if ((ch === '"' || ch === "'") && (previous === undefined || ' \t\n:-[{,?'.includes(previous))) {
        quote = ch;
      } else if (ch === '[' || ch === '{') {
        flow++;
        if (flow + indents.length > limit) return j;
      } else if ((ch === ']' || ch === '}') && flow > 0) {
        flow--;
      }
      previous = ch;
    }
    i = lineEnd + 1;
  }
  return undefined;
}
