import type { Diagnostic, Position, SourceRange } from '../diagnostics/diagnostic.js';

/** Offset of a 1-based line and column in `text` (clamped to the text). */
function offsetOf(text: string, at: Position, lineStarts: number[]): number {
  const start = lineStarts[at.line - 1] ?? text.length;
  return Math.min(start + at.column - 1, text.length);
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function positionOf(offset: number, lineStarts: number[]): Position {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - (lineStarts[low] ?? 0) + 1 };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Narrow each `unknown-placeholder` diagnostic from the whole template text to the `{{name}}` it
 * is about, found in the source text inside the text's range (the n-th diagnostic of one name in
 * one text points at the n-th `{{name}}` there). A placeholder written with escapes the source
 * does not show literally keeps the text's range. Returns new objects for the changed ones.
 *
 * @example
 * pointAtPlaceholders(diagnostics, result.sources); // 'unknown-placeholder' now at 3:25-3:34, not 3:11-3:40
 */
export function pointAtPlaceholders(diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, string>, unnamedText?: string): Diagnostic[] {
  const lineStarts = new Map<string, number[]>();
  const seen = new Map<string, number>();
  return diagnostics.map((d) => {
    if (d.code !== 'unknown-placeholder' || d.range === undefined) return d;
    const name = (d.params as { id?: unknown } | undefined)?.id;
    const text = d.file === undefined ? unnamedText : sources.get(d.file);
    if (typeof name !== 'string' || text === undefined) return d;
    const fileKey = d.file ?? '';
    let starts = lineStarts.get(fileKey);
    if (starts === undefined) {
      starts = lineStartsOf(text);
      lineStarts.set(fileKey, starts);
    }
    const from = offsetOf(text, d.range.start, starts);
    const to = offsetOf(text, d.range.end, starts);
    const key = `${fileKey}\u0000${from}\u0000${name}`;
    const nth = seen.get(key) ?? 0;
    seen.set(key, nth + 1);
    const pattern = new RegExp(`\\{\\{\\s*${escapeRegExp(name)}\\s*\\}\\}`, 'g');
    const body = text.slice(from, to);
    let match: RegExpExecArray | null = null;
    for (let i = 0; i <= nth; i++) {
      match = pattern.exec(body);
      if (match === null) return d;
    }
    if (match === null) return d;
    const range: SourceRange = { start: positionOf(from + match.index, starts), end: positionOf(from + match.index + match[0].length, starts) };
    return { ...d, range };
  });
}
