import type { Position } from '../diagnostics/diagnostic.js';

/**
 * Turns offsets in a text into 1-based lines and columns, lines ending at "\n" (as editors and
 * the code frame count them). The YAML parser's own line counter can skip a line break in badly
 * broken input, so positions are computed here from the parser's offsets.
 *
 * @example
 * new LineIndex('a: 1\nb: 2\n').position(5); // { line: 2, column: 1 }
 */
export class LineIndex {
  readonly #starts: number[] = [0];
  readonly #length: number;

  constructor(text: string) {
    this.#length = text.length;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.#starts.push(i + 1);
  }

  /** The line and column of `offset` (clamped into the text). */
  position(offset: number): Position {
    const at = Math.min(Math.max(Number.isFinite(offset) ? offset : 0, 0), this.#length);
    let low = 0;
    let high = this.#starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.#starts[mid] ?? 0) <= at) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: at - (this.#starts[low] ?? 0) + 1 };
  }
}
