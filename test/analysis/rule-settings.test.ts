import { describe, expect, it } from 'vitest';
import { parseRuleOption, resolveRuleSettings } from '../../src/analysis/rule-settings.js';
import { ALL_RULES } from '../../src/analysis/rules/index.js';

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
