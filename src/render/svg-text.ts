import { escapeHtml } from '../report/html/escape-html.js';

/**
 * The font stack of the plan diagrams: a CJK-capable sans-serif first, so Chinese titles render
 * the same in Chromium, in Word and when the SVG is rasterised for DOCX (WenQuanYi Zen Hei is what
 * Debian's fonts-wqy-zenhei installs).
 */
export const DIAGRAM_FONT = `'WenQuanYi Zen Hei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif`;

/** Whether a character is drawn full-width (CJK ideographs, kana, hangul, full-width forms). */
function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6)
  );
}

/**
 * An estimate of how wide a text is drawn, in pixels: full-width characters one em, others about
 * 0.58 em. Diagrams are laid out without a browser, so boxes are sized by this estimate (it errs wide).
 *
 * @example
 * textWidth('上报 REPORT', 12); // ≈ 24 + 7 × 7
 */
export function textWidth(text: string, fontSize: number): number {
  let width = 0;
  for (const char of text) width += isWide(char.codePointAt(0) ?? 0) ? fontSize : fontSize * 0.58;
  return width;
}

/**
 * Breaks a text into lines no wider than `maxWidth`: at spaces for Latin text, between any two
 * characters for CJK text. A single word wider than the limit stays on its own line.
 *
 * @example
 * wrapText('a long title', 40, 12); // ['a long', 'title']
 */
export function wrapText(text: string, maxWidth: number, fontSize: number): string[] {
  const lines: string[] = [];
  let line = '';
  // Tokens: runs of non-space Latin characters, single wide characters, and spaces.
  const tokens = text.match(/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|\s+|[^\s\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]+/g) ?? [];
  for (const token of tokens) {
    const candidate = line + token;
    if (line !== '' && textWidth(candidate.trimEnd(), fontSize) > maxWidth) {
      lines.push(line.trimEnd());
      line = /^\s+$/.test(token) ? '' : token;
    } else {
      line = candidate;
    }
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines.length === 0 ? [''] : lines;
}

/**
 * SVG `<text>` with one `<tspan>` per line, centred on `x`, the first baseline at `y`.
 *
 * @example
 * svgLines(['一', 'two'], 50, 20, 12); // '<text x="50" y="20" …><tspan …>一</tspan>…</text>'
 */
export function svgLines(lines: readonly string[], x: number, y: number, fontSize: number, attributes = ''): string {
  const spans = lines.map((l, i) => `<tspan x="${round(x)}" dy="${i === 0 ? 0 : round(fontSize * 1.3)}">${escapeHtml(l)}</tspan>`).join('');
  return `<text x="${round(x)}" y="${round(y)}" font-size="${fontSize}" text-anchor="middle"${attributes === '' ? '' : ` ${attributes}`}>${spans}</text>`;
}

/** A coordinate rounded to one decimal, for compact SVG. */
export function round(n: number): number {
  return Math.round(n * 10) / 10;
}
