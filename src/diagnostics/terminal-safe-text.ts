/**
 * Characters that must not reach a terminal or a text report as they are: C0 controls but tab and
 * line feed (ESC starts the sequences that recolour, move the cursor, retitle the window or hide
 * text; CR rewrites the line), DEL, C1 controls (U+009B is a one-character CSI), and the bidi marks,
 * embeddings, overrides and isolates that reorder a line (U+061C, U+200E, U+200F, U+202A–U+202E,
 * U+2066–U+2069: "Trojan Source").
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex
const UNSAFE_ALL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** The colour sequences planwright itself prints in a terminal (SGR: reset, bold, red, green, yellow, default colour). */
// eslint-disable-next-line no-control-regex
const OWN_COLOURS = /\u001b\[(?:0|1|22|31|32|33|39)m/y;

function escapeOne(character: string): string {
  return `\\u${(character.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`;
}

/**
 * Whether a text holds a terminal control or bidi character (see {@link escapeTerminalText}).
 *
 * @example
 * hasUnsafeCharacters('Report\u001b[2J'); // true
 * hasUnsafeCharacters('上报\tnow'); // false
 */
export function hasUnsafeCharacters(text: string): boolean {
  return UNSAFE.test(text);
}

/** Options of {@link escapeTerminalText}. */
export interface EscapeTerminalTextOptions {
  /** Keep planwright's own colour sequences (`ESC[31m` … `ESC[0m`), for output to a terminal. */
  keepColours?: boolean;
}

/**
 * A text safe to print: every terminal control and bidi character (C0 but tab and line feed, DEL,
 * C1, U+061C, U+200E/F, U+202A–E, U+2066–9) written as a visible `\uXXXX` escape. In JSON strings
 * that escape means the same character, so JSON output stays valid and equal in value.
 *
 * @example
 * escapeTerminalText('Report\u001b[2J'); // 'Report\\u001b[2J'
 */
export function escapeTerminalText(text: string, options: EscapeTerminalTextOptions = {}): string {
  if (!UNSAFE.test(text)) return text;
  if (options.keepColours !== true) return text.replace(UNSAFE_ALL, escapeOne);
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const character = text[i] as string;
    if (character === '\u001b') {
      OWN_COLOURS.lastIndex = i;
      const match = OWN_COLOURS.exec(text);
      if (match !== null) {
        out += match[0];
        i += match[0].length - 1;
        continue;
      }
    }
    out += UNSAFE.test(character) ? escapeOne(character) : character;
  }
  return out;
}
