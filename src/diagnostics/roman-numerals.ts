/** The ASCII spelling of the single-character Roman numerals Ⅰ–Ⅻ (U+2160…U+216B) and ⅰ–ⅻ (U+2170…U+217B). */
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'] as const;

/**
 * The ASCII Roman numeral a text written with the Unicode Roman numeral characters stands for
 * (`Ⅱ` → `II`, `Ⅲ级` → `undefined`), as official documents and input methods write levels;
 * `undefined` when the text holds anything else.
 *
 * @example
 * asciiRomanNumeral('Ⅳ'); // 'IV'
 * asciiRomanNumeral('ⅱ'); // 'ii'
 * asciiRomanNumeral('IV'); // undefined
 */
export function asciiRomanNumeral(text: string): string | undefined {
  if (typeof text !== 'string' || text.length === 0 || text.length > 8) return undefined;
  let out = '';
  for (const c of text) {
    const code = c.codePointAt(0) ?? 0;
    if (code >= 0x2160 && code <= 0x216b) out += ROMAN[code - 0x2160];
    else if (code >= 0x2170 && code <= 0x217b) out += ROMAN[code - 0x2170]?.toLowerCase();
    else return undefined;
  }
  return out;
}
