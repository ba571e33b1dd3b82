import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/dsl/check-plan.js';
import { levelsPlan } from './support.js';

const stages = `
stages:
  - id: live
    title: Live
    on:
      - { event: DONE, by: [any-role], target: end }
  - { id: end, title: End, final: true }
`;

/** Checks a plan whose deadlines section is `deadlines` (its first deadline on line `firstLine`) and returns `[code, line, column]` of each diagnostic. */
function findings(deadlines: string, header = '', locale: 'en' | 'zh-CN' = 'en'): Array<[string, number, number]> {
  const result = checkPlan({ text: levelsPlan(`${stages}deadlines:\n${deadlines}`, header) }, { locale });
  return result.diagnostics.map((d) => [d.code, d.range?.start.line ?? 0, d.range?.start.column ?? 0]);
}
// levelsPlan puts 27 lines before `extra`; with `stages` (8 lines) `deadlines:` is line 35, the first deadline line 36.
const L = 36;
/** The 1-based column of `token` in `line` (where a diagnostic must point). */
const col = (line: string, token: string): number => line.indexOf(token) + 1;

describe('DSL v2 diagnostics, with positions', () => {
  it('immediately-undefined at the due', () => {
    expect(findings(`  - { id: d, due: immediately, metBy: [DONE] }\n`)).toEqual([['immediately-undefined', L, col(`  - { id: d, due: immediately, metBy: [DONE] }\n`, 'immediately')]]);
    expect(findings(`  - { id: d, due: immediately, metBy: [DONE] }\n`, 'timing: { immediately: 15m }')).toEqual([]);
  });
  it('deadline-event-missing at from', () => {
    expect(findings(`  - { id: d, from: event, due: 1h, metBy: [DONE] }\n`)).toEqual([['deadline-event-missing', L, col(`  - { id: d, from: event, due: 1h, metBy: [DONE] }\n`, 'event,')]]);
  });
  it('deadline-condition-missing at from', () => {
    expect(findings(`  - { id: d, from: condition, due: 1h, metBy: [DONE] }\n`)).toEqual([['deadline-condition-missing', L, col(`  - { id: d, from: condition, due: 1h, metBy: [DONE] }\n`, 'condition')]]);
  });
  it('deadline-at-not-datetime and unknown-field at at', () => {
    expect(findings(`  - { id: d, from: event, event: FOUND, at: site, due: 1h, metBy: [DONE] }\n`)).toEqual([['deadline-at-not-datetime', L, col(`  - { id: d, from: event, event: FOUND, at: site, due: 1h, metBy: [DONE] }\n`, 'site,')]]);
    expect(findings(`  - { id: d, from: event, event: FOUND, at: wen, due: 1h, metBy: [DONE] }\n`)).toEqual([['unknown-field', L, col(`  - { id: d, from: event, event: FOUND, at: wen, due: 1h, metBy: [DONE] }\n`, 'wen')]]);
  });
  it('deadline-match-without-each at match; unknown-event at event', () => {
    expect(findings(`  - { id: d, from: event, event: FOUND, match: site, due: 1h, metBy: [DONE] }\n`)).toEqual([['deadline-match-without-each', L, col(`  - { id: d, from: event, event: FOUND, match: site, due: 1h, metBy: [DONE] }\n`, 'site,')]]);
    expect(findings(`  - { id: d, from: event, event: FOUN, due: 1h, metBy: [DONE] }\n`)).toEqual([['unknown-event', L, col(`  - { id: d, from: event, event: FOUN, due: 1h, metBy: [DONE] }\n`, 'FOUN,')]]);
  });
  it('unknown-timezone at the timezone', () => {
    const text = levelsPlan(`${stages}deadlines:\n  - { id: d, due: { clock: '21:00' }, metBy: [DONE] }\n`).replace('timezone: Asia/Shanghai', 'timezone: Mars/Olympus');
    const result = checkPlan({ text });
    expect(result.diagnostics.map((d) => [d.code, d.range?.start.line, d.range?.start.column])).toEqual([['unknown-timezone', 5, 11]]);
  });
  it('a clock that is no time of day is an invalid value at the clock', () => {
    const found = findings(`  - { id: d, due: { clock: '25:00' }, metBy: [DONE] }\n`);
    expect(found.map(([code]) => code)).toEqual(['invalid-value']);
  });
  it('band-field-not-number and bands-unordered at the band', () => {
    expect(findings(`  - { id: d, due: { band: site, bands: [{ due: 1h }] }, metBy: [DONE] }\n`)).toEqual([['band-field-not-number', L, col(`  - { id: d, due: { band: site, bands: [{ due: 1h }] }, metBy: [DONE] }\n`, 'site,')]]);
    const unordered = `  - { id: d, due: { band: value, bands: [{ below: 20, due: 1h }, { below: 10, due: 2h }, { due: 3h }] }, metBy: [DONE] }\n`;
    expect(findings(unordered)).toEqual([['bands-unordered', L, col(unordered, '{ below: 10')]]);
  });
  it('a per-level by names levels: unknown-severity at the key', () => {
    const text = levelsPlan(`
stages:
  - id: live
    title: Live
    on:
      - { event: START, by: { A: [boss], C: [chief] }, authority: requested }
      - { event: DONE, by: [any-role], target: end }
  - { id: end, title: End, final: true }
`);
    const result = checkPlan({ text });
    const line = '      - { event: START, by: { A: [boss], C: [chief] }, authority: requested }';
    expect(result.diagnostics.map((d) => [d.code, d.range?.start.line, d.range?.start.column])).toEqual([['unknown-severity', 33, col(line, 'C:')]]);
  });
  it('severity.previous / severity.change are readable fields; severity.change takes up, down or same', () => {
    const text = (value: string) =>
      levelsPlan(`
stages:
  - id: live
    title: Live
    on:
      - { event: CHANGE, by: [boss], when: { field: severity.change, eq: ${value} } }
      - { event: DONE, by: [any-role], when: { field: severity.previous, eq: A }, target: end }
  - { id: end, title: End, final: true }
`);
    expect(checkPlan({ text: text('up') }).diagnostics).toEqual([]);
    expect(checkPlan({ text: text('sideways') }).diagnostics.map((d) => [d.code, d.range?.start.line])).toEqual([['condition-type-mismatch', 33]]);
  });
  it('messages exist in Chinese', () => {
    const result = checkPlan({ text: levelsPlan(`${stages}deadlines:\n  - { id: d, from: condition, due: immediately, metBy: [DONE] }\n`) }, { locale: 'zh-CN' });
    expect(result.diagnostics.map((d) => d.code).sort()).toEqual(['deadline-condition-missing', 'immediately-undefined']);
    for (const d of result.diagnostics) expect(d.message).toMatch(/[\u4e00-\u9fff]/);
  });
});
