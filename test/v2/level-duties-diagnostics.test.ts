import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/dsl/check-plan.js';
import { levelDutiesPlan } from './level-duties-support.js';

/** `[code, line, column]` of each diagnostic of the plan text. */
function findings(text: string, locale: 'en' | 'zh-CN' = 'en'): Array<[string, number, number]> {
  return checkPlan({ text }, { locale }).diagnostics.map((d) => [d.code, d.range?.start.line ?? 0, d.range?.start.column ?? 0]);
}
/** 1-based line and column of the first `token` after the line holding `anchor`. */
function at(text: string, anchor: string, token: string): [number, number] {
  const lines = text.split('\n');
  const from = lines.findIndex((l) => l.includes(anchor));
  for (let i = from; i < lines.length; i++) {
    const column = (lines[i] as string).indexOf(token);
    if (column !== -1) return [i + 1, column + 1];
  }
  throw new Error(`${token} not found after ${anchor}`);
}

describe('DSL v2 §4 diagnostics, with positions', () => {
  it('the fixture itself is clean', () => {
    expect(findings(levelDutiesPlan)).toEqual([]);
  });

  it('unknown-severity at a track level', () => {
    const text = levelDutiesPlan.replace('levels: [A]', 'levels: [A, C]');
    expect(findings(text)).toEqual([['unknown-severity', ...at(text, 'levels: [A, C]', 'C]')]]);
  });

  it('unknown-severity at an ownerByLevel key, unknown-team at its value', () => {
    const text = levelDutiesPlan.replace('ownerByLevel: { A: hq }', 'ownerByLevel: { Z: hq, B: hqq }');
    expect(findings(text)).toEqual([
      ['unknown-severity', ...at(text, 'ownerByLevel', 'Z:')],
      ['unknown-team', ...at(text, 'ownerByLevel', 'hqq')],
    ]);
  });

  it('unknown-field in a conditional action\'s when', () => {
    const text = levelDutiesPlan.replace('{ record: severe, when: { field: severity, eq: A } }', '{ record: severe, when: { field: sevrity, eq: A } }');
    expect(findings(text)).toEqual([['unknown-field', ...at(text, 'record: severe', 'sevrity')]]);
  });

  it('notify-owner-without-owner at the entry, in en and zh-CN', () => {
    const text = levelDutiesPlan.replace('    owner: desk\n    ownerByLevel: { A: hq }\n', '');
    expect(findings(text)).toEqual([['notify-owner-without-owner', ...at(text, 'enter:', 'owner.leader')]]);
    const zh = checkPlan({ text }, { locale: 'zh-CN' }).diagnostics[0]?.message ?? '';
    expect(zh).toContain('没有负责小组');
  });

  it('vacant-position when a team that may own the stage lacks the position', () => {
    const text = levelDutiesPlan.replace('{ notify: [owner.leader] }', '{ notify: [owner.deputy] }');
    // desk (the owner at B) has no deputy; hq (at A) has one
    expect(findings(text)).toEqual([['vacant-position', ...at(text, 'enter:', 'owner.deputy')]]);
  });

  it('a misspelt owner position is a pattern error at the entry', () => {
    const text = levelDutiesPlan.replace('{ notify: [owner.leader] }', '{ notify: [owner.boss] }');
    const found = findings(text);
    expect(found.map(([code]) => code)).toEqual(['invalid-value']);
    expect(found[0]?.slice(1)).toEqual(at(text, 'enter:', 'owner.boss'));
  });

  it('unknown-role in a branch\'s do', () => {
    const text = levelDutiesPlan.replace(
      '      - { event: START, by: [any-role], target: live }',
      '      - { event: START, by: [any-role], targets: [{ target: live, do: [{ notify: [chef] }] }] }',
    );
    expect(findings(text)).toEqual([['unknown-role', ...at(text, 'event: START', 'chef')]]);
  });
});
