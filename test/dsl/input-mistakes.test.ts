import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { closestMatch } from '../../src/diagnostics/did-you-mean.js';
import { asciiRomanNumeral } from '../../src/diagnostics/roman-numerals.js';
import { checkPlan } from '../../src/dsl/check-plan.js';
import { durationFromWords } from '../../src/dsl/duration-in-words.js';
import { parseSource } from '../../src/dsl/parse-source.js';
import { scanInputMistakes } from '../../src/dsl/scan-input-mistakes.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const dir = join(root, 'test/fixtures/ime');

/**
 * The corpus of input-method slips (each file is base.plan.yaml with one slip): every diagnostic
 * it must produce, in order — code, line, column, the offending text quoted in the message, and a
 * part of the zh-CN message saying what to type instead. Nothing else may be reported.
 */
const CORPUS: ReadonlyArray<readonly [file: string, findings: ReadonlyArray<readonly [code: string, line: number, column: number, zh: string]>]> = [
  ['full-width-space-indent', [['full-width-space', 17, 1, '请改为半角空格']]],
  ['full-width-space-mixed', [['full-width-space', 18, 3, '请改为半角空格']]],
  ['full-width-space-after-colon', [['full-width-space', 34, 11, '冒号、短横线后面的空格']]],
  ['tab-indent', [['tab-indentation', 17, 1, '把制表符换成空格']]],
  ['full-width-colon-key', [['full-width-colon', 48, 8, '全角冒号“：”，请改为半角冒号“:”']]],
  ['full-width-colon-duration', [['full-width-colon', 48, 8, '请改为半角冒号“:”']]],
  ['full-width-colon-top-level', [['full-width-colon', 4, 8, '请改为半角冒号“:”']]],
  ['full-width-colon-in-flow-map', [['full-width-colon', 29, 9, '请改为半角冒号“:”']]],
  ['full-width-comma-in-list', [['full-width-comma', 36, 34, '全角逗号“，”，请改为半角逗号“,”']]],
  ['full-width-comma-in-flow-map', [['full-width-comma', 29, 16, '请改为半角逗号“,”']]],
  ['full-width-brackets', [['full-width-bracket', 49, 12, '"【PUMPS】" 用了全角括号“【】”，请改为半角括号“[]”']]],
  ['full-width-brackets-in-flow', [['full-width-bracket', 36, 29, '请改为半角括号“[]”']]],
  ['full-width-braces', [['full-width-bracket', 29, 5, '请改为半角括号“{}”']]],
  ['full-width-parentheses', [['full-width-parenthesis', 19, 14, '列表要用半角方括号“[]”括起']]],
  ['full-width-quotes-value', [['full-width-quote', 45, 9, '请改为半角双引号 "']]],
  ['full-width-quotes-key', [['full-width-quote', 18, 5, '请改为半角双引号 "']]],
  ['roman-numeral-due', [['unknown-severity', 48, 12, '是否想写 "I"？'], ['unknown-severity', 48, 20, '是否想写 "II"？']]],
  ['roman-numeral-regrade', [['unknown-severity', 52, 20, '是否想写 "I"？']]],
  ['roman-numeral-condition', [['condition-type-mismatch', 36, 76, '是否想写 "I"？']]],
  ['duration-half-hour', [['bad-duration', 48, 10, '请改为 30m']]],
  ['duration-minutes', [['bad-duration', 48, 15, '请改为 30m']]],
  ['duration-hours-minutes', [['bad-duration', 48, 24, '请改为 1h30m']]],
  ['duration-days', [['bad-duration', 48, 10, '请改为 2d']]],
  ['duration-chinese-numeral', [['bad-duration', 48, 10, '请改为 1h']]],
  ['duration-full-width-digits', [['bad-duration', 48, 10, '请改为 30m']]],
];

/** Keys of the plan that messages name as what to write. */
const PLAN_KEYS = ['severity'];

/** ASCII words of 3 letters or more in a message, once quoted texts ("…"), the offending text and suggestions are taken out. */
function englishWords(message: string, allowed: readonly string[]): string[] {
  let rest = message.replace(/"(?:[^"\\]|\\.)*"/g, ' ');
  for (const text of allowed) rest = rest.split(text).join(' ');
  return rest.match(/[A-Za-z]{3,}/g) ?? [];
}

describe('input-method slips (test/fixtures/ime)', () => {
  it('has a corpus entry for every fixture file, and the base plan is valid', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.plan.yaml') && f !== 'base.plan.yaml').map((f) => f.replace('.plan.yaml', ''));
    expect(files.sort()).toEqual(CORPUS.map(([file]) => file).sort());
    const base = checkPlan({ file: join(dir, 'base.plan.yaml') });
    expect(base.diagnostics).toEqual([]);
    expect(base.ok).toBe(true);
  });

  it.each(CORPUS)('%s: reported at its own line:col with what to type, and nothing else', (file, findings) => {
    const text = readFileSync(join(dir, `${file}.plan.yaml`), 'utf8');
    const zh = checkPlan({ text, file: `${file}.plan.yaml` }, { locale: 'zh-CN' });
    expect(zh.ok).toBe(false);
    expect(zh.diagnostics.map((d) => [d.code, d.range?.start.line, d.range?.start.column])).toEqual(findings.map(([code, line, column]) => [code, line, column]));
    zh.diagnostics.forEach((diagnostic, index) => {
      expect(diagnostic.message).toContain(findings[index]?.[3]);
      const params = diagnostic.params ?? {};
      // The plan's own keys ("severity") are names to type, not English.
      const allowed = [params.found, params.id, params.value, params.suggestion, params.expected, ...PLAN_KEYS].filter((v): v is string => typeof v === 'string');
      expect(englishWords(diagnostic.message, allowed), diagnostic.message).toEqual([]);
    });
    const en = checkPlan({ text, file: `${file}.plan.yaml` });
    expect(en.diagnostics.map((d) => d.code)).toEqual(findings.map(([code]) => code));
    // The English message has no Chinese outside the quoted offending text.
    for (const diagnostic of en.diagnostics) expect(diagnostic.message.replace(/"(?:[^"\\]|\\.)*"/g, '')).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('a tab: the slip once, its knock-on errors counted instead of shown', () => {
    const text = readFileSync(join(dir, 'tab-indent.plan.yaml'), 'utf8');
    const result = parseSource(text, { locale: 'zh-CN' });
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]?.params).toMatchObject({ found: '\t', suppressed: 2 });
    expect(result.diagnostics[0]?.message).toContain('由此引起的 2 个后续错误未显示');
    // Without the slip scan, the YAML parser blames the tab's line and the lines after it.
    const spaces = text.replace('\ttitle', '    title');
    expect(parseSource(spaces).diagnostics).toEqual([]);
  });

  it('full-width-space indentation is blamed on its own line, not the next one', () => {
    const result = parseSource('a:\n  b: 1\n\u3000\u3000c: 2\n  d: 3\n', { file: 'x.yaml' });
    expect(result.diagnostics.map((d) => [d.code, d.range?.start.line, d.range?.start.column])).toEqual([['full-width-space', 3, 1]]);
  });

  it('keeps a YAML error on a line before the first slip', () => {
    const result = parseSource('a: [1\nb:\n  c：2\n');
    expect(result.diagnostics.map((d) => d.code)).toContain('full-width-colon');
  });

  it.each([
    ['title: 处置：第一阶段，完成\n'],
    ['title: 【重要】通知\n'],
    ['title: “泵车”\n'],
    ['title: （试行）\n'],
    ['body: |\n  各单位：\n  \u3000\u3000请注意，立即处置【特急】\n  \ttab in text\n'],
    ['items: [ 强降雨，内涝 ]\n'],
    ['note: "a，b：c【d】"\n'],
    ["note: 'x：y'\n"],
    ['- 注意：先核实\n'],
    ['a: { title: 重要：先核实, en: x }\n'],
    ['a: "multi\n  line：x，y"\nb: 1\n'],
  ])('leaves full-width punctuation in texts alone: %j', (text) => {
    expect(scanInputMistakes(text)).toEqual([]);
  });

  it('every diagnostic of a slip is an error with a range of the offending text', () => {
    const result = parseSource('ids: 【a，b】\n');
    expect(result.diagnostics).toMatchObject([{ code: 'full-width-bracket', severity: 'error', range: { start: { line: 1, column: 6 }, end: { line: 1, column: 11 } } }]);
  });
});

describe('durations written in words', () => {
  it.each([
    ['半小时', '30m'],
    ['30分钟', '30m'],
    ['1小时30分', '1h30m'],
    ['2天', '2d'],
    ['一小时', '1h'],
    ['一个半小时', '1h30m'],
    ['两周', '14d'],
    ['48小时', '48h'],
    ['十五分钟', '15m'],
    ['二十五分钟', '25m'],
    ['一天半', '1d12h'],
    ['1.5小时', '1h30m'],
    ['半天', '12h'],
    ['３０ｍ', '30m'],
    ['30 min', '30m'],
    ['2 hours', '2h'],
  ])('%s → %s', (text, duration) => {
    expect(durationFromWords(text)).toBe(duration);
  });

  it.each(['soon', '30m', '小时', '3h30', '零分钟', '', '很久'])('%j has no replacement', (text) => {
    expect(durationFromWords(text)).toBeUndefined();
  });
});

describe('Roman numeral characters', () => {
  it('map to their ASCII spelling, and closestMatch suggests the declared level', () => {
    expect(asciiRomanNumeral('Ⅳ')).toBe('IV');
    expect(asciiRomanNumeral('Ⅻ')).toBe('XII');
    expect(asciiRomanNumeral('ⅱ')).toBe('ii');
    expect(asciiRomanNumeral('IV')).toBeUndefined();
    expect(asciiRomanNumeral('Ⅲ级')).toBeUndefined();
    expect(closestMatch('Ⅱ', ['I', 'II', 'III'])).toBe('II');
    expect(closestMatch('Ⅱ', ['high', 'low'])).toBeUndefined();
  });
});

describe('scanInputMistakes on hostile texts', () => {
  it('reports at most 100 slips, however many there are on one line', () => {
    expect(scanInputMistakes(`ids: [${'a，'.repeat(10_000)}a]\n`)).toHaveLength(100);
  });

  it('finds closing brackets without searching the rest of the text again for each opener', () => {
    const text = `a: [${'【,'.repeat(200_000)}]\n${'“x\n'.repeat(200_000)}`;
    // Linear work: this completes well within the test timeout; a search per opener would not.
    expect(scanInputMistakes(text)).toEqual([]);
  });
});
