import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/dsl/check-plan.js';

// The urban flood plan (test/fixtures/flood) ends with its measures list; each case appends one
// measure line (line 149) or edits one line, and expects one diagnostic at a known line:col.
const FILE = 'test/fixtures/flood/urban-flood.plan.yaml';
const BASE = readFileSync(FILE, 'utf8');
const LAST = BASE.split('\n').length; // the line an appended measure lands on

function check(text: string, locale: 'en' | 'zh-CN' = 'en') {
  const result = checkPlan({ text, file: 'flood.plan.yaml' }, { locale });
  return result.diagnostics.map((d) => ({ code: d.code, line: d.range?.start.line, column: d.range?.start.column, path: d.path.join('.'), message: d.message }));
}

function edit(from: string, to: string): string {
  expect(BASE).toContain(from);
  return BASE.replace(from, to);
}

describe('measures: diagnostics', () => {
  it('accepts the flood plan as written', () => {
    expect(LAST).toBe(149);
    expect(check(BASE)).toEqual([]);
  });

  it.each([
    ['an unknown kind', '  - { id: m1, title: x, kind: time-too, to: { event: ALERT } }', 'invalid-value', 31, 'measures.8.kind', 'Did you mean "time-to"?'],
    ['an unknown deadline', '  - { id: m1, title: x, kind: deadline-time, deadline: pump-running }', 'unknown-deadline', 56, 'measures.8.deadline', 'Did you mean "pumps-running"?'],
    ['an unknown end stage', '  - { id: m1, title: x, kind: time-to, to: { stage: recovr } }', 'unknown-stage', 53, 'measures.8.to.stage', 'Did you mean "recover"?'],
    ['an unknown start stage', '  - { id: m1, title: x, kind: time-to, from: { stage: asess }, to: { event: ASSESS } }', 'unknown-stage', 55, 'measures.8.from.stage', 'Did you mean "assess"?'],
    ['an unknown event in a list', '  - { id: m1, title: x, kind: time-to, to: { event: [ALERT, GAUG] } }', 'unknown-event', 61, 'measures.8.to.event.1', 'Did you mean "GAUGE"?'],
    ['a bad limit', '  - { id: m1, title: x, kind: time-to, to: { event: ALERT }, limit: soon }', 'bad-duration', 69, 'measures.8.limit', '30m, 2h'],
    ['a field that is not a number', '  - { id: m1, title: x, kind: field-change, field: location }', 'measure-field-not-number', 52, 'measures.8.field', 'field-change needs a number field'],
    ['an unknown field', '  - { id: m1, title: x, kind: field-change, field: depth }', 'unknown-field', 52, 'measures.8.field', ''],
    ['an unknown grouping', '  - { id: m1, title: x, kind: deadline-met-rate, per: teams }', 'invalid-value', 55, 'measures.8.per', 'Did you mean "team"?'],
    ['an unknown deadline in a filter', '  - { id: m1, title: x, kind: breach-count, deadlines: [alert, asess] }', 'unknown-deadline', 64, 'measures.8.deadlines.1', 'Did you mean "assess"?'],
    ['an unknown refused event', '  - { id: m1, title: x, kind: refusal-count, events: [STANDDOWN] }', 'unknown-event', 55, 'measures.8.events.0', 'Did you mean "STAND_DOWN"?'],
    ['a duplicate id', '  - { id: breaches, title: x, kind: breach-count }', 'duplicate-id', 11, 'measures.8.id', 'measure id "breaches"'],
    ['a key of another kind', '  - { id: m1, title: x, kind: breach-count, field: waterDepth }', 'unknown-key', 45, 'measures.8.field', ''],
  ])('reports %s with its position', (_, line, code, column, path, message) => {
    const found = check(`${BASE}${line}\n`);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code, line: LAST, column, path });
    expect(found[0]?.message).toContain(message);
  });

  it('reports an evaluation criterion naming no declared measure', () => {
    const text = edit('measure: time-to-pumps }', 'measure: time-to-pump }');
    expect(check(text)).toEqual([
      expect.objectContaining({ code: 'unknown-measure', line: 137, column: 91, path: 'evaluation.0.measure', message: expect.stringContaining('Did you mean "time-to-pumps"?') }),
    ]);
  });

  it('reports a deadline owner that is no team', () => {
    const text = edit('    owner: drainage\n    from: enter\n    stage: recover', '    owner: drainag\n    from: enter\n    stage: recover');
    expect(check(text)).toEqual([
      expect.objectContaining({ code: 'unknown-team', line: 128, column: 12, path: 'deadlines.4.owner', message: expect.stringContaining('Did you mean "drainage"?') }),
    ]);
  });

  it('speaks Chinese to planners', () => {
    const [zh] = check(`${BASE}  - { id: m1, title: x, kind: field-change, field: location }\n`, 'zh-CN');
    expect(zh?.message).toBe('评估度量 "m1" 统计字段 "location"，但它是 text 类型；field-change 需要数值（number）字段。');
    const [unknown] = check(edit('measure: time-to-pumps }', 'measure: time-to-pump }'), 'zh-CN');
    expect(unknown?.message).toContain('评估度量（measure）');
  });
});
