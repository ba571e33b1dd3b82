/**
 * The width of text in a terminal: East Asian wide and full-width characters count 2.
 *
 * @example
 * ```ts
 * displayWidth('I级 按时'); // 8
 * ```
 */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch.codePointAt(0) ?? 0);
  return w;
}

/**
 * Pads text on the right to a terminal width (see {@link displayWidth}).
 *
 * @example
 * ```ts
 * padToDisplayWidth('按时', 6); // '按时  '
 * ```
 */
export function padToDisplayWidth(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/**
 * Columns one character takes in a terminal: 2 for East Asian wide and full-width characters
 * (and emoji pictographs), else 1. Used for code frames under diagnostics and for report tables.
 *
 * @example
 * ```ts
 * charWidth('级'.codePointAt(0) ?? 0); // 2
 * ```
 */
export function charWidth(cp: number): 1 | 2 {
  return (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
    ? 2
    : 1;
}
