import type { InputMistakeCode } from '../diagnostics/codes.js';

/** One input-method slip found in a plan text: where it is (offsets) and what to type instead. */
export interface InputMistake {
  code: InputMistakeCode;
  /** Offset of the offending character. */
  start: number;
  /** Offset just after the offending text (the character, or an opener's whole `【…】`). */
  end: number;
  /** The offending character(s) as written. */
  found: string;
  /** What to type instead. */
  expected: string;
}

/** Characters without which a text cannot hold any of the slips found here (a quick test first). */
const SUSPECT = /[\t\u3000\uff1a\uff0c\u3010\u3011\uff08\uff09\uff5b\uff5d\u201c\u201d]/;

/** A CJK ideograph or full-width/CJK punctuation: text that is a title, not an id. */
const CJK = /[\u3001-\u303f\u3400-\u9fff\uf900-\ufaff]/;

/** A plain id-like word as written before a colon at a key's place. */
const KEY_WORD = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** Full-width openers of a flow collection and what they stand for. */
const OPENERS: Readonly<Record<string, { close: string; code: InputMistakeCode; expected: string }>> = {
  '\u3010': { close: '\u3011', code: 'full-width-bracket', expected: '[ ]' },
  '\uff5b': { close: '\uff5d', code: 'full-width-bracket', expected: '{ }' },
  '\uff08': { close: '\uff09', code: 'full-width-parenthesis', expected: '[ ]' },
};

/**
 * Finds the slips a Chinese input method makes in YAML structure, before the YAML parser turns
 * them into confusing knock-on errors: a full-width space (U+3000) or a tab in a line's
 * indentation, a full-width space after `:` or `-`, a full-width colon `：` after a key, a
 * full-width comma `，` between ids or entries of a flow collection, `【…】`, `｛…｝` or `（…）`
 * around a list of ids, and `“…”` where YAML needs quotes (around a key, or around a value that
 * only quotes could make valid, such as `*`).
 *
 * Full-width punctuation inside texts is left alone: a colon or comma is only structural right
 * after a plain ASCII key or between pieces that hold no Chinese; a bracket only when it wraps a
 * whole value of ids. Block scalars (`|`, `>`) and quoted strings are skipped.
 *
 * @example
 * scanInputMistakes('due：30m\n'); // [{ code: 'full-width-colon', start: 3, end: 4, found: '：', expected: ':' }]
 */
export function scanInputMistakes(text: string): InputMistake[] {
  if (!SUSPECT.test(text)) return [];
  return new Scanner(text).run();
}

/** Slips reported at most (the first ones matter; a text full of them is pasted from elsewhere). */
const MAX_MISTAKES = 100;

/** What {@link Scanner.keyEnd} returns for a key whose colon or quotes were reported. */
const REPORTED = -1;

class Scanner {
  readonly found: InputMistake[] = [];
  /** Indentation (spaces) of the line that opened a block scalar, while its content lines go on. */
  blockParent: number | undefined;
  /** Open flow collections (`[`, `{`) across lines. */
  flowDepth = 0;
  /** Inside a quoted string that goes on over lines. */
  quote: '"' | "'" | undefined;

  /** Where each closing character was last found ahead of the scan (so that finding closers stays linear). */
  readonly #next = new Map<string, number>();

  constructor(readonly text: string) {}

  /** `text.indexOf(char, from)`, remembered: the scan only moves forward, so each character is searched once. */
  nextIndex(char: string, from: number): number {
    const known = this.#next.get(char);
    if (known !== undefined && (known === -1 || known >= from)) return known;
    const found = this.text.indexOf(char, from);
    this.#next.set(char, found);
    return found;
  }

  run(): InputMistake[] {
    const text = this.text;
    for (let lineStart = 0; lineStart <= text.length; ) {
      let lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd === -1) lineEnd = text.length;
      this.line(lineStart, lineEnd);
      lineStart = lineEnd + 1;
      if (this.found.length >= MAX_MISTAKES) break;
    }
    return this.found;
  }

  add(code: InputMistakeCode, start: number, end: number, expected: string): void {
    if (this.found.length >= MAX_MISTAKES) return;
    this.found.push({ code, start, end, found: this.text.slice(start, end), expected });
  }

  line(start: number, end: number): void {
    const text = this.text;
    let spaces = 0;
    while (start + spaces < end && text[start + spaces] === ' ') spaces++;
    let first = start;
    while (first < end && (text[first] === ' ' || text[first] === '\t' || text[first] === '\u3000')) first++;
    const blank = first === end || text[first] === '\r';
    if (this.blockParent !== undefined) {
      if (blank || spaces > this.blockParent) return;
      this.blockParent = undefined;
    }
    if (this.quote !== undefined) {
      this.rest(first, end, false);
      return;
    }
    if (!blank) {
      for (let at = start; at < first; at++) {
        if (text[at] === '\u3000') {
          this.add('full-width-space', at, at + 1, ' ');
          return;
        }
        if (text[at] === '\t' && this.flowDepth === 0 && text[first] !== '#') {
          this.add('tab-indentation', at, at + 1, ' ');
          return;
        }
      }
    }
    if (blank) return;
    this.rest(first, end, this.flowDepth === 0);
  }

  /** Scan a line from `at`; `keyPlace` when a block mapping key may start there. */
  rest(at: number, end: number, keyPlace: boolean): void {
    const text = this.text;
    if (this.quote !== undefined) {
      at = this.skipQuoted(at, end, this.quote);
      if (at >= end) return;
    }
    if (this.flowDepth > 0) {
      this.flow(at, end);
      return;
    }
    let position = at;
    // Sequence entries: `- `, or a full-width space after the dash.
    for (;;) {
      if (text[position] === '-' && text[position + 1] === '\u3000') {
        this.add('full-width-space', position + 1, position + 2, ' ');
        return;
      }
      if (text[position] === '-' && (position + 1 >= end || text[position + 1] === ' ')) {
        position += 1;
        while (position < end && text[position] === ' ') position++;
        continue;
      }
      break;
    }
    if (!keyPlace && position === at) {
      this.value(position, end);
      return;
    }
    // `key：`, `“key”:` or `key:` then the value.
    const colon = this.keyEnd(position, end);
    if (colon === REPORTED) return;
    this.value(colon ?? position, end);
  }

  /**
   * Where the value after the key at `at` starts; `undefined` when no key is there, {@link REPORTED}
   * when the key's colon or quotes were a slip (reported).
   */
  keyEnd(at: number, end: number): number | undefined {
    const text = this.text;
    if (text[at] === '\u201c') {
      const close = this.nextIndex('\u201d', at + 1);
      if (close !== -1 && close < end && /^\s*[:\uff1a](?:[ \u3000]|$)/.test(text.slice(close + 1, end))) {
        this.add('full-width-quote', at, close + 1, '"');
        return REPORTED;
      }
    }
    let word = at;
    while (word < end && /[A-Za-z0-9_.-]/.test(text[word] ?? '')) word++;
    if (word === at || !KEY_WORD.test(text.slice(at, word))) return undefined;
    let after = word;
    while (after < end && text[after] === ' ') after++;
    if (text[after] === '\uff1a') {
      this.add('full-width-colon', after, after + 1, ':');
      return REPORTED;
    }
    if (text[after] === ':' && text[after + 1] === '\u3000') {
      this.add('full-width-space', after + 1, after + 2, ' ');
      return REPORTED;
    }
    if (text[after] === ':' && (after + 1 >= end || text[after + 1] === ' ' || text[after + 1] === '\r')) {
      let value = after + 1;
      while (value < end && text[value] === ' ') value++;
      return value;
    }
    return undefined;
  }

  /** A block value starting at `at`. */
  value(at: number, end: number): void {
    const text = this.text;
    if (at >= end) return;
    const c = text[at] ?? '';
    if (c === '"' || c === "'") {
      this.skipQuoted(at + 1, end, c);
      return;
    }
    if (c === '[' || c === '{') {
      this.flow(at, end);
      return;
    }
    if (c === '|' || c === '>') {
      if (/^[|>][-+0-9]*\s*(?:#.*)?\r?$/.test(text.slice(at, end))) this.blockParent = this.indentOf(at);
      return;
    }
    const content = this.withoutComment(at, end);
    const opener = OPENERS[c];
    if (opener !== undefined && content.endsWith(opener.close)) {
      const inner = content.slice(1, -1);
      if (inner.trim() !== '' && !CJK.test(inner.replace(/[\uff0c\u3001]/g, ','))) {
        this.add(opener.code, at, at + content.length, opener.expected);
        return;
      }
    }
    if (c === '\u201c' && content.endsWith('\u201d') && content.length >= 2) {
      const inner = content.slice(1, -1);
      if (needsQuotes(inner)) this.add('full-width-quote', at, at + content.length, '"');
    }
  }

  /** Scan flow collection text from `at` (at or inside `[`/`{`) to the line's end. */
  flow(at: number, end: number): void {
    const text = this.text;
    /** Start of the current piece (after the last delimiter). */
    let piece = at;
    /** Whether the current entry of a flow mapping is past its key. */
    let inValue = false;
    const stack: string[] = [];
    for (let position = at; position < end; position++) {
      const c = text[position] ?? '';
      if (c === '"' || c === "'") {
        position = this.skipQuoted(position + 1, end, c) - 1;
        if (this.quote !== undefined) return;
        continue;
      }
      if (c === '#' && (position === at || /\s/.test(text[position - 1] ?? ''))) return;
      if (c === '[' || c === '{') {
        this.flowDepth++;
        stack.push(c);
        piece = position + 1;
        inValue = false;
        continue;
      }
      if (c === ']' || c === '}') {
        this.flowDepth = Math.max(0, this.flowDepth - 1);
        stack.pop();
        piece = position + 1;
        if (this.flowDepth === 0) return;
        continue;
      }
      if (c === ',') {
        piece = position + 1;
        inValue = false;
        continue;
      }
      if (c === ':' && /[\s,\]}]/.test(text[position + 1] ?? ' ')) {
        piece = position + 1;
        inValue = true;
        continue;
      }
      if (c === '\uff1a' && !inValue && KEY_WORD.test(text.slice(piece, position).trim())) {
        this.add('full-width-colon', position, position + 1, ':');
        piece = position + 1;
        inValue = true;
        continue;
      }
      if (c === '\uff0c') {
        const left = text.slice(piece, position).trim();
        const right = this.nextPiece(position + 1, end);
        if (left !== '' && right !== '' && !CJK.test(left) && !CJK.test(right)) this.add('full-width-comma', position, position + 1, ',');
        piece = position + 1;
        inValue = false;
        continue;
      }
      if ((c === '\u3010' || c === '\uff08' || c === '\uff5b') && text.slice(piece, position).trim() === '') {
        const opener = OPENERS[c];
        const close = opener === undefined ? -1 : this.nextIndex(opener.close, position + 1);
        if (opener !== undefined && close !== -1 && close < end && !CJK.test(text.slice(position + 1, close).replace(/[\uff0c\u3001]/g, ','))) {
          this.add(opener.code, position, close + 1, opener.expected);
          position = close;
        }
      }
    }
  }

  /** The text of the flow piece starting at `at` (up to the next delimiter), trimmed. */
  nextPiece(at: number, end: number): string {
    let position = at;
    while (position < end && !/[,\]}\uff0c\uff1a]/.test(this.text[position] ?? '') && !(this.text[position] === ':' && /[\s,\]}]/.test(this.text[position + 1] ?? ' '))) position++;
    return this.text.slice(at, position).trim();
  }

  /** Skip a quoted string's rest from `at`; the offset after its closing quote (the line's end while it goes on). */
  skipQuoted(at: number, end: number, quote: '"' | "'"): number {
    const text = this.text;
    for (let position = at; position < end; position++) {
      const c = text[position];
      if (quote === '"' && c === '\\') {
        position++;
        continue;
      }
      if (c === quote) {
        if (quote === "'" && text[position + 1] === "'") {
          position++;
          continue;
        }
        this.quote = undefined;
        return position + 1;
      }
    }
    this.quote = quote;
    return end;
  }

  /** The line's text from `at` without a trailing comment or spaces. */
  withoutComment(at: number, end: number): string {
    const line = this.text.slice(at, end);
    const comment = line.search(/\s#/);
    return (comment === -1 ? line : line.slice(0, comment)).trimEnd();
  }

  /** The number of spaces that indent the line holding `at`. */
  indentOf(at: number): number {
    const lineStart = this.text.lastIndexOf('\n', at - 1) + 1;
    let spaces = 0;
    while (this.text[lineStart + spaces] === ' ') spaces++;
    return spaces;
  }
}

/** Whether a value put in Chinese quotes is one that YAML needs real quotes for (else the quotes are text). */
function needsQuotes(inner: string): boolean {
  if (inner === '') return true;
  if (/^[*&!|>%@`{[\]}#,?:-]/.test(inner)) return true;
  return /: |\s#/.test(inner) || (!CJK.test(inner) && /^[A-Za-z0-9_*.-]+$/.test(inner));
}
