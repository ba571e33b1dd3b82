import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES, isDiagnosticCode, type DiagnosticCode, type DiagnosticParams } from '../../src/diagnostics/codes.js';
import { createDiagnostic } from '../../src/diagnostics/create-diagnostic.js';
import { diagnosticMessage } from '../../src/diagnostics/diagnostic-message.js';
import { LOCALES } from '../../src/diagnostics/locale.js';
import { localizeDiagnostic } from '../../src/diagnostics/localize-diagnostic.js';

const ref = { id: 'x', known: ['a', 'b'], suggestion: 'a' };

/** Sample data for every code (the type makes this table complete). */
const SAMPLES: { [C in DiagnosticCode]: DiagnosticParams[C] } = {
  'file-not-found': { file: 'p.yaml' },
  'file-unreadable': { file: 'p.yaml', detail: 'EACCES' },
  'file-too-large': { size: 6 * 1048576, limit: 5 * 1048576 },
  'yaml-syntax': { detail: 'Missing closing "quote' },
  'yaml-warning': { detail: 'Unresolved tag: !foo' },
  'duplicate-key': { key: 'title' },
  'alias-limit': { limit: 10000 },
  'too-deep': { limit: 64 },
  'forbidden-key': { key: '__proto__' },
  'include-not-found': { file: 'parts/a.yaml' },
  'include-outside-plan': { file: '../a.yaml' },
  'include-cycle': { file: 'a.yaml', chain: ['a.yaml', 'b.yaml', 'a.yaml'] },
  'too-many-includes': { limit: 200 },
  'not-includable': { key: 'stages', allowed: ['roles', 'teams'] },
  'unknown-key': { key: 'tittle', allowed: ['title'], suggestion: 'title' },
  'missing-key': { key: 'title' },
  'wrong-type': { expected: ['string'], received: 'number' },
  'invalid-value': { kind: 'one-of', value: 'txt', values: ['text', 'number'], suggestion: 'text' },
  'bad-duration': { value: '3h30' },
  'unknown-role': ref,
  'unknown-team': ref,
  'unknown-position': { id: 'crew.boss', team: 'crew', position: 'boss' },
  'vacant-position': { id: 'crew.deputy', team: 'crew', position: 'deputy' },
  'unknown-stage': ref,
  'unknown-event': ref,
  'unknown-field': ref,
  'unknown-resource': ref,
  'unknown-template': ref,
  'unknown-severity': ref,
  'unknown-category': ref,
  'unknown-deadline': ref,
  'unknown-effect': ref,
  'unknown-placeholder': ref,
  'duplicate-id': { id: 'x', kind: 'role' },
  'ambiguous-id': { id: 'x' },
  'missing-severity-level': { missing: ['IV'] },
  'duplicate-severity-field': { id: 'grade', first: 'severity' },
  'condition-type-mismatch': { field: 'channel', fieldType: 'enum', operator: 'eq', value: '"blog"', expected: 'one-of', allowed: ['web'] },
  'condition-operator': { field: 'channel', operators: [] },
  'missing-done': { stage: 'respond' },
  'done-without-tracks': { stage: 'report' },
  'target-in-track': { track: 'release' },
  'deadline-needs-stage': { deadline: 'assess' },
  'too-many-diagnostics': { limit: 500 },
  'internal-error': { detail: 'TypeError: x' },
  'not-a-file': { file: 'plans', kind: 'directory' },
  'unsupported-encoding': { encoding: 'UTF-16LE' },
  'includes-too-large': { file: 'parts/big.yaml', size: 4 * 1048576, total: 6 * 1048576, limit: 5 * 1048576 },
  'include-repeated': { file: 'parts/roles.yaml' },
  'full-width-space': { found: '\u3000', expected: ' ', suppressed: 2 },
  'tab-indentation': { found: '\t', expected: ' ', suppressed: 3 },
  'full-width-colon': { found: '：', expected: ':' },
  'full-width-comma': { found: '，', expected: ',' },
  'full-width-bracket': { found: '【PUMPS】', expected: '[ ]' },
  'full-width-parenthesis': { found: '（a, b）', expected: '[ ]' },
  'full-width-quote': { found: '“*”', expected: '"' },
  'unknown-measure': ref,
  'measure-field-not-number': { measure: 'level-change', field: 'summary', fieldType: 'text' },
  'immediately-undefined': { deadline: 'first-report' },
  'deadline-event-missing': { deadline: 'province-report' },
  'deadline-condition-missing': { deadline: 'red-deploy' },
  'deadline-at-not-datetime': { deadline: 'first-report', field: 'summary', fieldType: 'text' },
  'deadline-match-without-each': { deadline: 'danger-report' },
  'unknown-timezone': { timezone: 'Mars/Olympus' },
  'band-field-not-number': { field: 'summary', fieldType: 'text' },
  'bands-unordered': { index: 1 },
  'unknown-threshold': { id: 'warning-levl', known: ['warning-level'], suggestion: 'warning-level' },
  'threshold-value-or-field': { threshold: 'warning-level', given: 'both' },
  'threshold-field-not-number': { threshold: 'warning-level', field: 'summary', fieldType: 'text' },
  'suggestion-field-type': { rule: 'warning-to-level', field: 'summary', fieldType: 'text', expected: 'enum' },
  'suggestion-value-unknown': { id: 'redd', known: ['blue', 'red'], suggestion: 'red', field: 'warningColour' },
  'notify-owner-without-owner': { stage: 'response', entry: 'owner.leader' },
};

const CJK = /[\u4e00-\u9fff]/;

describe('diagnostic codes and messages', () => {
  it('lists each code once, in kebab-case', () => {
    expect(new Set(DIAGNOSTIC_CODES).size).toBe(DIAGNOSTIC_CODES.length);
    for (const code of DIAGNOSTIC_CODES) expect(code).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(isDiagnosticCode('unknown-key')).toBe(true);
    expect(isDiagnosticCode('no-such-code')).toBe(false);
  });

  it.each(DIAGNOSTIC_CODES.flatMap((code) => LOCALES.map((locale) => [code, locale] as const)))('%s has a %s message', (code, locale) => {
    const message = diagnosticMessage(code, SAMPLES[code] as never, locale);
    expect(message.length).toBeGreaterThan(10);
    expect(message).not.toMatch(/undefined|\[object|NaN/);
    if (locale === 'zh-CN') expect(message).toMatch(CJK);
    else expect(message).not.toMatch(CJK);
  });

  it.each<[DiagnosticCode, string, string]>([
    ['unknown-key', 'unknown key "tittle". Did you mean "title"?', '未知的键 "tittle"。是否想写 "title"？'],
    ['missing-key', 'the key "title" is missing; add it.', '缺少键 "title"，请补上。'],
    ['wrong-type', 'expected text, found a number. Put the value in quotes to make it text.', '此处应为文本，实际为数字。如要写成文本，请给值加上引号。'],
    ['bad-duration', '"3h30" is not a duration; write one such as 30m, 2h, 1h30m, 7d or PT30M.', '"3h30" 不是有效的时长；请写成 30m、2h、1h30m、7d 或 PT30M 这样的形式。'],
    ['unknown-role', 'unknown role "x". Did you mean "a"? Declare it under roles or write one of: "a", "b".', '未声明的角色 "x"。是否想写 "a"？请在 roles 中声明它，或使用以下之一："a"、"b"。'],
    ['missing-severity-level', 'this map has no duration for severity level "IV"; give every severity level of the plan a duration.', '此映射缺少严重程度等级 "IV" 的时长；请为预案的每个严重程度等级都写出时长。'],
  ])('%s says what to write instead, in English and Chinese', (code, en, zh) => {
    expect(diagnosticMessage(code, SAMPLES[code] as never)).toBe(en);
    expect(diagnosticMessage(code, SAMPLES[code] as never, 'zh-CN')).toBe(zh);
  });

  it('keeps the data apart from the message, so a diagnostic can be re-rendered in another locale', () => {
    const d = createDiagnostic('unknown-key', SAMPLES['unknown-key'], ['stages', 0, 'tittle'], { target: 'key' });
    expect(d).toMatchObject({ code: 'unknown-key', severity: 'error', path: ['stages', 0, 'tittle'], target: 'key', params: SAMPLES['unknown-key'] });
    expect(localizeDiagnostic(d, 'zh-CN').message).toBe('未知的键 "tittle"。是否想写 "title"？');
    const foreign = { code: 'some-lint-rule', severity: 'warning' as const, message: 'kept', path: [] };
    expect(localizeDiagnostic(foreign, 'zh-CN')).toBe(foreign);
  });

  it.each<[DiagnosticParams['invalid-value'], string]>([
    [{ kind: 'format', format: 'id', value: '1x' }, '"1x" is not valid here; write an id: a letter, then letters, digits, "-" or "_" (at most 64 characters), e.g. "info-officer".'],
    [{ kind: 'format', format: 'other', value: 'x', hint: 'an e-mail address' }, '"x" is not valid here; write an e-mail address.'],
    [{ kind: 'too-small', origin: 'array', limit: 1, inclusive: true }, 'the list needs at least 1 item; add one.'],
    [{ kind: 'too-small', origin: 'number', limit: 0, inclusive: false }, 'the number must be greater than 0.'],
    [{ kind: 'too-big', origin: 'string', limit: 64, inclusive: true }, 'the text may be at most 64 characters long; shorten it.'],
    [{ kind: 'min-max', min: 5, max: 1 }, 'min (5) is greater than max (1); swap them.'],
  ])('invalid-value explains %j', (params, message) => {
    expect(diagnosticMessage('invalid-value', params)).toBe(message);
    expect(diagnosticMessage('invalid-value', params, 'zh-CN')).toMatch(CJK);
  });
});
