import { describe, expect, it } from 'vitest';
import { checkScenario } from '../../../src/testing/scenario/check-scenario.js';
import { seedPlanDefinition } from '../seed-plan.js';

const plan = seedPlanDefinition();

const GOOD = `drill: level-II rumour
start: 2026-03-02T09:00:00+08:00
people:
  wang: [info-officer]
  li: [it-head]
open:
  by: wang
  title: 网传某服务大厅拒绝办理业务
  category: media
steps:
  - at: 10m
    by: wang
    send: REPORT
    data: { summary: s, source: weibo, publicReaction: angry }
  - at: 2h
    expect: { stage: assess, breaches: [assess] }
expect:
  stage: assess
`;

function codesAt(text: string): Array<[string, number | undefined, number | undefined]> {
  const check = checkScenario(text, { file: 'x.drill.yaml', plan });
  expect(check.ok).toBe(false);
  return check.diagnostics.map((d) => [d.code, d.range?.start.line, d.range?.start.column]);
}

describe('checkScenario', () => {
  it('accepts a valid scenario and fills defaults', () => {
    const check = checkScenario(GOOD, { file: 'good.drill.yaml', plan });
    expect(check.diagnostics).toEqual([]);
    expect(check.ok).toBe(true);
    expect(check.scenario?.file).toBe('good.drill.yaml');
    expect(check.scenario?.steps).toHaveLength(2);
    expect(check.scenario?.start).toBe('2026-03-02T09:00:00+08:00');
  });

  it('accepts the same scenario written as JSON', () => {
    const json = JSON.stringify({
      drill: 'j',
      start: '2026-03-02T09:00:00Z',
      people: { wang: ['info-officer'] },
      open: { by: 'wang', title: 't', category: 'event' },
    });
    const check = checkScenario(json, { plan });
    expect(check.ok).toBe(true);
    expect(check.scenario?.steps).toEqual([]);
  });

  it.each([
    // [description, text transform, expected [code, line, column][]]
    ['unknown top-level key', (t: string) => t.replace('expect:\n  stage: assess', 'expekt: 1'), [['unknown-key', 17, 1]]],
    ['unknown step key', (t: string) => t.replace('    send: REPORT', '    sned: REPORT'), [['unknown-key', 13, 5]]],
    ['missing open.category', (t: string) => t.replace('  category: media\n', ''), [['missing-key', 7, 3]]],
    ['missing drill name', (t: string) => t.replace('drill: level-II rumour\n', ''), [['missing-key', 1, 1]]],
    ['start without offset', (t: string) => t.replace('+08:00', ''), [['invalid-value', 2, 8]]],
    ['bad step time', (t: string) => t.replace('at: 2h', 'at: soon'), [['invalid-value', 15, 9]]],
    ['bad rejected code', (t: string) => t.replace('expect: { stage: assess, breaches: [assess] }', 'expect: { rejected: nope }'), [['invalid-value', 16, 25]]],
    ['unknown person', (t: string) => t.replace('    by: wang\n    send', '    by: wu\n    send'), [['unknown-person', 12, 9]]],
    ['unknown role', (t: string) => t.replace('[it-head]', '[it-boss]'), [['unknown-role', 5, 8]]],
    ['unknown category', (t: string) => t.replace('category: media', 'category: rumour'), [['unknown-category', 9, 13]]],
    ['unknown event', (t: string) => t.replace('send: REPORT', 'send: REPROT'), [['unknown-event', 13, 11]]],
    ['unknown stage in expect', (t: string) => t.replace('expect:\n  stage: assess', 'expect:\n  stage: asess'), [['unknown-stage', 18, 10]]],
    ['unknown deadline in expect', (t: string) => t.replace('breaches: [assess]', 'breaches: [asses]'), [['unknown-deadline', 16, 41]]],
    ['unknown severity in expect', (t: string) => t.replace('expect:\n  stage: assess', 'expect:\n  severity: V'), [['unknown-severity', 18, 13]]],
    ['unknown role in notified', (t: string) => t.replace('breaches: [assess]', 'notified: [boss]'), [['unknown-role', 16, 41]]],
    ['steps out of order', (t: string) => t.replace('at: 2h', 'at: 5m'), [['steps-out-of-order', 15, 9]]],
    ['rejected on a step that sends nothing', (t: string) => t.replace('stage: assess, breaches', 'rejected: true, breaches'), [['rejected-without-send', 16, 15]]],
    ['duplicate key', (t: string) => t.replace('drill: level-II rumour', 'drill: a\ndrill: b'), [['yaml-syntax', 2, 1]]],
    ['data on a step that sends nothing', (t: string) => t.replace('  - at: 2h\n', '  - at: 2h\n    data: {}\n'), [['data-without-send', 16, 5]]],
    ['YAML syntax error', (t: string) => t.replace('people:', 'people: [\n'), [['yaml-syntax', 6, 3], ['yaml-syntax', 7, 1]]],
  ])('%s', (_name, transform, expected) => {
    expect(codesAt(transform(GOOD))).toEqual(expected);
  });

  it('allows an undeclared event when the step expects unknown-event', () => {
    const text = GOOD.replace('send: REPORT', 'send: ESCALATE').replace(
      '    data: { summary: s, source: weibo, publicReaction: angry }',
      '    expect: { rejected: unknown-event }',
    );
    expect(checkScenario(text, { plan }).diagnostics).toEqual([]);
  });

  it('reports diagnostics with file, path and range', () => {
    const check = checkScenario(GOOD.replace('by: wang\n    send', 'by: wu\n    send'), { file: 'f.drill.yaml', plan });
    expect(check.diagnostics[0]).toMatchObject({
      code: 'unknown-person',
      severity: 'error',
      file: 'f.drill.yaml',
      path: ['steps', 0, 'by'],
      range: { start: { line: 12, column: 9 } },
    });
  });

  it('gives zh-CN messages on request', () => {
    const check = checkScenario(GOOD.replace('category: media', 'category: rumour'), { plan, locale: 'zh-CN' });
    expect(check.diagnostics[0]?.message).toContain('预案未声明类别');
  });

  it('does not check plan ids without a plan', () => {
    expect(checkScenario(GOOD.replace('send: REPORT', 'send: REPROT')).ok).toBe(true);
  });
});
