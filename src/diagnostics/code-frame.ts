import type { SourceRange } from './diagnostic.js';
import { charWidth, displayWidth } from './display-width.js';

const MAX_SHOWN = 160;
/** C0 controls but tab, DEL, C1 controls, and bidi embeddings, overrides and isolates. */
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Blank out `text` so that it takes the same room in a terminal (tabs stay tabs). */
function blank(text: string): string {
  let out = '';
  for (const ch of text) out += ch === '\t' ? '\t' : ' '.repeat(charWidth(ch.codePointAt(0) ?? 32));
  return out;
}


/** Options of `codeFrame` (the code frame under a diagnostic, see {@link formatDiagnostic}). */
export interface CodeFrameOptions {
  /** Colour the caret with ANSI escapes (for terminals). */
  color?: boolean;
}

/**
 * The source line of a range with a caret line under it, like `tsc` prints:
 * ```
 *   12 |     tempate: x
 *      |     ^^^^^^^
 * ```
 * Returns `''` when the range's line is not in the text. Columns are 1-based UTF-16 offsets.
 *
 * @example
 * codeFrame('a: 1\nb: x\n', { start: { line: 2, column: 4 }, end: { line: 2, column: 5 } });
 * // '  2 | b: x\n    |    ^'
 */
export function codeFrame(sourceText: string, range: SourceRange, options: CodeFrameOptions = {}): string {
  const lines = sourceText.split('\n');
  const lineText = lines[range.start.line - 1];
  if (lineText === undefined) return '';
  // Control and bidi characters from the plan are shown as U+FFFD (one UTF-16 unit each, so the
  // columns stay put): printed raw they would drive the terminal (ESC sequences) or reorder the line.
  let text = lineText.replace(/\r$/, '').replace(UNPRINTABLE, '\uFFFD');
  let startIndex = Math.min(Math.max(range.start.column - 1, 0), text.length);
  let endIndex = range.end.line === range.start.line ? Math.min(Math.max(range.end.column - 1, startIndex + 1), text.length) : text.length;
  let prefix = '';
  if (text.length > MAX_SHOWN) {
    const from = Math.max(0, startIndex - 40);
    const to = Math.min(text.length, from + MAX_SHOWN);
    prefix = from > 0 ? '…' : '';
    text = prefix + text.slice(from, to) + (to < text.length ? '…' : '');
    startIndex = startIndex - from + prefix.length;
    endIndex = Math.min(endIndex - from + prefix.length, text.length);
  }
  const carets = '^'.repeat(Math.max(1, displayWidth(text.slice(startIndex, endIndex))));
  const gutter = String(range.start.line);
  const pad = ' '.repeat(gutter.length);
  const marker = options.color === true ? `\u001b[31m${carets}\u001b[39m` : carets;
  return `  ${gutter} | ${text}\n  ${pad} | ${blank(text.slice(0, startIndex))}${marker}`;
}
