import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/dsl/check-plan.js';
import { compilePlan } from '../../src/compile/compile-plan.js';
import { resolveThresholds } from '../../src/compile/resolve-thresholds.js';
import { createEngine, createManualClock, memoryStore, verifyTimeline, type Incident } from '../../src/runtime/index.js';
import { conditionText, diagramWords, thresholdText } from '../../src/report/diagram/diagram-labels.js';
import { simulate } from '../../src/testing/simulate.js';
import { levelsPlan, planFile, planOf } from './support.js';

const stages = `
stages:
  - id: live
    title: Live
    on:
      - { event: START, by: [any-role] }
      - { event: CHANGE, by: [any-role] }
      - { event: READING, by: [any-role] }
      - { event: COLOUR, by: [any-role] }
      - { event: DONE, by: [any-role], target: end }
  - { id: end, title: End, final: true }
`;
/** levelsPlan with a colour enum, a reason field, the COLOUR event and START/CHANGE accepting a reason. */
function plan(extra: string): string {
  return levelsPlan(`${stages}${extra}`)
    .replace('  - { id: limit, type: number }', '  - { id: limit, type: number, unit: m }\n  - { id: colour, type: enum, values: [blue, red] }\n  - { id: reason, type: text }')
    .replace('  - { id: START, requires: [level] }', '  - { id: START, requires: [level], optional: [reason] }\n  - { id: COLOUR, requires: [colour] }')
    .replace('  - { id: CHANGE, requires: [level] }', '  - { id: CHANGE, requires: [level], optional: [reason] }');
}
/** `[code, line, column]` of each diagnostic. */
function findings(text: string, locale: 'en' | 'zh-CN' = 'en') {
  return checkPlan({ text }, { locale }).diagnostics.map((d) => [d.code, d.range?.start.line, d.range?.start.column]);
}
/** 1-based line and column of the `nth` occurrence of `token` after the line containing `after`. */
function at(text: string, after: string, token: string): [number, number] {
  const lines = text.split('\n');
  const from = lines.findIndex((l) => l.includes(after));
  for (let i = from; i < lines.length; i++) {
    const c = (lines[i] as string).indexOf(token);
    if (c >= 0) return [i + 1, c + 1];
  }
  throw new Error(`no ${token}`);
}

const thresholds = `thresholds:
  - { id: warning-level, unit: m, value: 4 }
  - { id: reading-limit, unit: m, field: limit }
`;
const overThreshold = (operand: string) => `${thresholds}deadlines:
  - { id: d, from: condition, when: { field: value, gte: ${operand} }, due: 30m, metBy: [DONE] }
`;

describe('named thresholds — diagnostics with positions', () => {
  it('unknown-threshold at the name, with did-you-mean, in en and zh-CN', () => {
    const text = plan(overThreshold('{ threshold: warning-levl, plus: 1 }'));
    expect(findings(text)).toEqual([['unknown-threshold', ...at(text, 'deadlines:', 'warning-levl')]]);
    const [en] = checkPlan({ text }).diagnostics;
    expect(en?.message).toContain('Did you mean "warning-level"?');
    const [zh] = checkPlan({ text }, { locale: 'zh-CN' }).diagnostics;
    expect(zh?.message).toMatch(/阈值/);
    expect(zh?.message).toContain('warning-level');
  });
  it('threshold-value-or-field: neither (at the item) or both (at field)', () => {
    const none = plan(`thresholds:\n  - { id: t, unit: m }\n`);
    expect(findings(none)).toEqual([['threshold-value-or-field', ...at(none, 'thresholds:', '{ id: t')]]);
    const both = plan(`thresholds:\n  - { id: t, unit: m, value: 1, field: limit }\n`);
    expect(findings(both)).toEqual([['threshold-value-or-field', ...at(both, 'thresholds:', 'limit }')]]);
  });
  it('threshold-field-not-number and unknown-field at the field; duplicate ids', () => {
    const text = plan(`thresholds:\n  - { id: t, unit: m, field: site }\n  - { id: u, unit: m, field: limt }\n  - { id: t, unit: m, value: 2 }\n`);
    expect(findings(text)).toEqual([
      ['threshold-field-not-number', ...at(text, 'thresholds:', 'site }')],
      ['unknown-field', ...at(text, 'thresholds:', 'limt }')],
      ['duplicate-id', ...at(text, '{ id: u', 't, unit: m, value')],
    ]);
  });
  it('a threshold compared with a non-number field is a type mismatch at the operator', () => {
    const text = plan(`${thresholds}deadlines:\n  - { id: d, from: condition, when: { field: site, gte: { threshold: warning-level } }, due: 30m, metBy: [DONE] }\n`);
    expect(findings(text)).toEqual([['condition-type-mismatch', ...at(text, 'deadlines:', '{ threshold')]]);
  });
});

describe('named thresholds — compiled and run', () => {
  it('are written out as numbers (value + plus) or fields (field, plus) in what the engine runs; the definition keeps the name', () => {
    const compiled = planOf(plan(`${thresholds}deadlines:
  - { id: a, from: condition, when: { field: value, gte: { threshold: warning-level, plus: 1 } }, due: 30m, metBy: [DONE] }
  - { id: b, from: condition, when: { any: [{ field: value, lt: { threshold: reading-limit, plus: -0.5 } }, { not: { field: value, gt: { threshold: reading-limit } } }] }, due: 30m, metBy: [DONE] }
`));
    expect(compiled.deadlineById.get('a')?.when).toEqual({ field: 'value', gte: 5 });
    expect(compiled.deadlineById.get('b')?.when).toEqual({ any: [{ field: 'value', lt: { field: 'limit', plus: -0.5 } }, { not: { field: 'value', gt: { field: 'limit' } } }] });
    expect(compiled.definition.deadlines[0]?.when).toEqual({ field: 'value', gte: { threshold: 'warning-level', plus: 1 } });
  });
  it('a plan without thresholds is compiled from the very same definition object', () => {
    const result = checkPlan({ text: plan('') });
    expect(resolveThresholds(result.plan!)).toBe(result.plan);
  });
  it('warning level + 1 m: armed at exactly 5.0 m, not at 4.99 m (property: armed iff value ≥ 5)', async () => {
    const compiled = planOf(plan(overThreshold('{ threshold: warning-level, plus: 1 }')));
    const sim = simulate(compiled, { start: '2026-07-01T08:00:00+08:00', people: { cl: ['clerk'] } });
    await sim.open({ by: 'cl', title: 't', category: 'any' });
    await sim.send('cl', 'READING', { value: 4.99 });
    expect(sim.incident.deadlines).toEqual([]);
    await sim.send('cl', 'READING', { value: 5 });
    expect(sim.incident.deadlines.map((d) => d.status)).toEqual(['pending']);
    await fc.assert(
      fc.asyncProperty(fc.double({ min: 0, max: 10, noNaN: true }), async (value) => {
        const s = simulate(compiled, { start: '2026-07-01T08:00:00+08:00', people: { cl: ['clerk'] } });
        await s.open({ by: 'cl', title: 't', category: 'any' });
        await s.send('cl', 'READING', { value });
        expect(s.incident.deadlines.length).toBe(value >= 5 ? 1 : 0);
      }),
      { numRuns: 60 },
    );
  });
  it('drawn in words by title, value, offset and unit', () => {
    const definition = checkPlan({ text: plan(thresholds) }).plan!;
    expect(thresholdText(definition, { threshold: 'warning-level', plus: 1 }, 'en')).toBe('warning-level (4 m) + 1 m');
    expect(thresholdText(definition, { threshold: 'reading-limit', plus: -0.5 }, 'en')).toBe('reading-limit − 0.5 m');
    const flood = planFile('plans/city-flood.plan.yaml').definition;
    const when = flood.deadlines.find((d) => d.id === 'river-over-guarantee')!.when!;
    expect(conditionText(when, diagramWords('zh-CN'), undefined, (o) => thresholdText(flood, o, 'zh-CN'))).toBe('riverLevel ≥ 水文站警戒水位 (4 m) + 1 m');
  });
});

const suggestion = `suggestions:
  - { id: colour-level, from: colour, to: level, map: { blue: B, red: A }, override: reason }
`;

describe('suggested levels — diagnostics with positions', () => {
  it('suggestion-value-unknown at the map key (did-you-mean), unknown-severity at the level, unknown-field at override', () => {
    const text = plan(`suggestions:\n  - { id: s, from: colour, to: level, map: { blu: B, red: Z }, override: reasn }\n`);
    expect(findings(text)).toEqual([
      ['suggestion-value-unknown', ...at(text, 'suggestions:', 'blu:')],
      ['unknown-severity', ...at(text, 'suggestions:', 'Z }')],
      ['unknown-field', ...at(text, 'suggestions:', 'reasn')],
    ]);
    expect(checkPlan({ text }).diagnostics[0]?.message).toContain('Did you mean "blue"?');
    expect(checkPlan({ text }, { locale: 'zh-CN' }).diagnostics[0]?.message).toContain('不是字段');
  });
  it('suggestion-field-type: from must be an enum, to the severity field', () => {
    const text = plan(`suggestions:\n  - { id: s, from: site, to: value, map: {}, override: reason }\n`);
    expect(findings(text)).toEqual([
      ['suggestion-field-type', ...at(text, 'suggestions:', 'site,')],
      ['suggestion-field-type', ...at(text, 'suggestions:', 'value,')],
    ]);
  });
});

describe('suggested levels — at run time', () => {
  const compiled = planOf(plan(suggestion));
  async function opened(colour?: string) {
    const sim = simulate(compiled, { start: '2026-07-01T08:00:00+08:00', people: { cl: ['clerk'] } });
    await sim.open(colour === undefined ? { by: 'cl', title: 't', category: 'any' } : { by: 'cl', title: 't', category: 'any', data: { colour } });
    return sim;
  }
  const accepted = (sim: Awaited<ReturnType<typeof opened>>) => sim.incident.timeline.filter((e) => e.type === 'event' && e.result === 'accepted');

  it('an event carrying the colour records the suggested level', async () => {
    const sim = await opened();
    await sim.send('cl', 'COLOUR', { colour: 'red' });
    expect(accepted(sim).at(-1)?.data?.['suggestions']).toEqual([{ from: 'colour', id: 'colour-level', suggested: 'A', value: 'red' }]);
  });
  it('the suggested level is accepted without a reason and recorded as not overridden', async () => {
    const sim = await opened('red');
    expect((await sim.send('cl', 'START', { level: 'A' })).ok).toBe(true);
    expect(accepted(sim).at(-1)?.data?.['suggestions']).toEqual([{ chosen: 'A', from: 'colour', id: 'colour-level', overridden: false, suggested: 'A', value: 'red' }]);
  });
  it('another level without a reason (missing or blank) is refused invalid-data / override-reason-missing, nothing applied', async () => {
    const sim = await opened('red');
    for (const data of [{ level: 'B' }, { level: 'B', reason: '   ' }]) {
      const result = await sim.send('cl', 'START', data);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('invalid-data');
      expect(result.error.details['issues']).toEqual([expect.objectContaining({ field: 'reason', problem: 'override-reason-missing' })]);
      expect(result.error.details['suggestions']).toEqual([{ chosen: 'B', from: 'colour', id: 'colour-level', overridden: true, suggested: 'A', value: 'red' }]);
    }
    expect(sim.incident.severity).toBeNull();
    expect(sim.incident.timeline.filter((e) => e.type === 'rejected')).toHaveLength(2);
  });
  it('another level with a reason is accepted; the entry records suggested, chosen, overridden and the reason', async () => {
    const sim = await opened('red');
    expect((await sim.send('cl', 'START', { level: 'B', reason: 'only the north' })).ok).toBe(true);
    expect(sim.incident.severity).toBe('B');
    expect(accepted(sim).at(-1)?.data?.['suggestions']).toEqual([
      { chosen: 'B', from: 'colour', id: 'colour-level', overridden: true, reason: 'only the north', suggested: 'A', value: 'red' },
    ]);
  });
  it('no colour known, or a colour the map lacks: no suggestion, no refusal', async () => {
    const sim = await opened();
    expect((await sim.send('cl', 'START', { level: 'B' })).ok).toBe(true);
    expect(accepted(sim).at(-1)?.data?.['suggestions']).toBeUndefined();
  });
  it('save and restore across an override gives the same timeline, hash for hash', async () => {
    const by = { id: 'cl', roles: ['clerk'] };
    const steps = [
      { type: 'COLOUR', data: { colour: 'red' } },
      { type: 'START', data: { level: 'B', reason: 'r' } },
      { type: 'COLOUR', data: { colour: 'blue' } },
      { type: 'CHANGE', data: { level: 'A', reason: 'rising' } },
    ];
    async function play(split: number | undefined): Promise<Incident> {
      const clock = createManualClock('2026-07-01T00:00:00Z');
      const options = { clock, store: memoryStore(), newId: () => 'S-1' };
      let engine = createEngine(compiled, options);
      await engine.open({ by, title: 't', category: 'any' });
      for (const [i, step] of steps.entries()) {
        clock.advance(60_000);
        if (i === split) {
          await engine.dispose();
          engine = createEngine(compilePlan(compiled.definition), options);
        }
        const result = await engine.send('S-1', { type: step.type, by, data: step.data });
        expect(result.ok).toBe(true);
      }
      const out = (await engine.get('S-1')) as Incident;
      await engine.dispose();
      return out;
    }
    const straight = await play(undefined);
    expect(verifyTimeline(straight).ok).toBe(true);
    for (let split = 0; split < steps.length; split++) expect((await play(split)).timeline).toEqual(straight.timeline);
  });
});
