import { describe, expect, it } from 'vitest';
import { parseRuleOption, resolveRuleSettings } from '../../src/analysis/rule-settings.js';
import { ALL_RULES } from '../../src/analysis/rules/index.js';
import { ALWAYS_ALLOWED, englishWords } from '../messages/english-words.js';

const KNOWN = ALL_RULES.map((r) => r.id).join(', ');

describe('parseRuleOption', () => {
  it.each([
    ['unused-role=off', 'unused-role', 'off'],
    ['unreachable-stage=warning', 'unreachable-stage', 'warning'],
    ['stage-without-owner:error', 'stage-without-owner', 'error'],
  ])('reads %s', (text, id, setting) => {
    expect(parseRuleOption(text, ALL_RULES)).toEqual({ ok: true, id, setting });
  });

  it.each([['unused-role'], ['unused-role=loud'], ['nope=off'], ['=off']])('refuses %s', (text) => {
    expect(parseRuleOption(text, ALL_RULES).ok).toBe(false);
  });

  it.each([
    ['unused-role', 'expected --rule <id>=off|warning|error, got "unused-role"', '应写成 --rule <规则>=off|warning|error，实际为“unused-role”'],
    ['=off', 'expected --rule <id>=off|warning|error, got "=off"', '应写成 --rule <规则>=off|warning|error，实际为“=off”'],
    ['nope=off', `unknown lint rule "nope" (known: ${KNOWN})`, `没有名为“nope”的分析规则（已有的规则：${KNOWN}）`],
    ['unused-role=loud', 'rule "unused-role": expected off, warning or error, got "loud"', '规则“unused-role”：级别应为 off、warning 或 error，实际为“loud”'],
  ])('says why %s is refused, in en (the default) and zh-CN', (text, en, zh) => {
    expect(parseRuleOption(text, ALL_RULES)).toEqual({ ok: false, message: en });
    expect(parseRuleOption(text, ALL_RULES, 'en')).toEqual({ ok: false, message: en });
    const chinese = parseRuleOption(text, ALL_RULES, 'zh-CN');
    expect(chinese).toEqual({ ok: false, message: zh });
    expect(englishWords(zh, ALWAYS_ALLOWED)).toEqual([]);
  });

  it('the English check finds English in a zh-CN text (so the assertion above can fail)', () => {
    expect(englishWords(`没有名为“nope”的规则（known: ${KNOWN}）`, ALWAYS_ALLOWED)).toEqual(['known']);
  });
});

describe('resolveRuleSettings', () => {
  it('takes the default, then the plan, then the overrides', () => {
    const settings = resolveRuleSettings(ALL_RULES, { 'unused-role': 'error', 'unreachable-stage': 'warning' }, { 'unused-role': 'off' });
    expect(settings.get('unused-role')).toBe('off');
    expect(settings.get('unreachable-stage')).toBe('warning');
    expect(settings.get('loop-without-exit')).toBe('error');
    expect(settings.get('unused-template')).toBe('warning');
  });
});
