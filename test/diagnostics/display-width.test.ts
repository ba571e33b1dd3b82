import { describe, expect, it } from 'vitest';
import { codeFrame } from '../../src/diagnostics/code-frame.js';
import { charWidth, displayWidth } from '../../src/diagnostics/display-width.js';

describe('one width table for code frames and report tables', () => {
  it('counts CJK, full-width forms and emoji as 2 columns, Yijing hexagrams and Latin as 1', () => {
    expect(displayWidth('I级 按时')).toBe(8);
    expect(displayWidth('ＡＢ')).toBe(4);
    expect(displayWidth('🚨')).toBe(2);
    expect(charWidth(0x4dc0)).toBe(1);
    expect(charWidth('a'.codePointAt(0) ?? 0)).toBe(1);
  });

  it('puts the caret under a value that follows wide characters', () => {
    const text = 'title: 舆情🚨 x\n';
    // "x" is at UTF-16 column 13 (舆, 情 and the emoji's two code units come before it)
    const frame = codeFrame(text, { start: { line: 1, column: 13 }, end: { line: 1, column: 14 } });
    const [source, carets] = frame.split('\n') as [string, string];
    const gutter = source.indexOf('| ') + 2;
    // "title: " is 7 columns, 舆, 情 and 🚨 two each, then a space: 14 columns before the caret.
    expect(carets.slice(gutter)).toBe(`${' '.repeat(14)}^`);
  });
});
