import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PlanError } from '../../src/diagnostics/plan-error.js';
import { checkPlan } from '../../src/dsl/check-plan.js';
import { definePlan } from '../../src/dsl/define-plan.js';
import { loadPlan } from '../../src/dsl/load-plan.js';
import type { PlanSource } from '../../src/dsl/plan-input.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const SEED = 'plans/public-opinion.plan.yaml';
const MINIMAL = 'test/fixtures/valid/minimal.plan.yaml';
const minimalText = readFileSync(join(root, MINIMAL), 'utf8');

function codes(input: PlanSource): string[] {
  return checkPlan(input, { cwd: root }).diagnostics.map((d) => d.code);
}

describe('checkPlan', () => {
  it('checks the seed plan with zero diagnostics and returns its normalized definition', () => {
    const result = checkPlan({ file: SEED }, { cwd: root });
    expect(result.diagnostics).toEqual([]);
    expect(result.ok).toBe(true);
    const plan = result.plan;
    expect(plan?.id).toBe('public-opinion');
    expect(plan?.severity.map((s) => s.id)).toEqual(['I', 'II', 'III', 'IV']);
    expect(plan?.stages.map((s) => s.id)).toEqual(['report', 'assess', 'strategy', 'respond', 'monitor', 'review', 'closed']);
    // zod defaults are applied
    expect(plan?.deadlines.find((d) => d.id === 'first-statement')?.from).toBe('open');
    expect(plan?.stages.find((s) => s.id === 'closed')?.on).toEqual([]);
    expect(plan?.events.find((e) => e.id === 'REPORT')?.optional).toEqual([]);
    expect(result.sources.get(SEED)).toContain('planwright: 1');
  });

  it('reads the same plan from YAML and from JSON', () => {
    const yaml = checkPlan({ file: MINIMAL }, { cwd: root });
    const json = checkPlan({ file: 'test/fixtures/valid/minimal.plan.json' }, { cwd: root });
    expect(yaml.diagnostics).toEqual([]);
    expect(json.diagnostics).toEqual([]);
    const { $schema, ...fromJson } = json.plan ?? {};
    expect($schema).toBe('../../../schema.json');
    expect(fromJson).toEqual(yaml.plan);
  });

  it('merges included files (nested too), appending their items, and locates them in those files', () => {
    const result = checkPlan({ file: 'test/fixtures/valid/with-include.plan.yaml' }, { cwd: root });
    expect(result.diagnostics).toEqual([]);
    expect(result.plan?.roles.map((r) => r.id)).toEqual(['officer', 'chief']);
    expect(result.plan?.teams.map((t) => t.id)).toEqual(['crew']);
    expect(result.plan?.fields.map((f) => f.id)).toEqual(['summary']);
    expect(result.plan).not.toHaveProperty('include');
    expect(result.source.locate(['roles', 0, 'id'])).toMatchObject({ file: 'test/fixtures/valid/with-include.plan.yaml', range: { start: { line: 13, column: 11 } } });
    expect(result.source.locate(['roles', 1, 'id'])).toMatchObject({ file: 'test/fixtures/valid/parts/people.yaml', range: { start: { line: 3, column: 11 } } });
    expect(result.source.locate(['fields', 0, 'type'])).toMatchObject({ file: 'test/fixtures/valid/parts/fields.yaml', range: { start: { line: 3, column: 26 } } });
    expect([...result.sources.keys()]).toEqual([
      'test/fixtures/valid/with-include.plan.yaml',
      'test/fixtures/valid/parts/people.yaml',
      'test/fixtures/valid/parts/fields.yaml',
    ]);
  });

  it('accepts text, naming it in diagnostics when a file name is given', () => {
    const text = minimalText.replace('target: act }', 'target: acts }');
    const named = checkPlan({ text, file: 'inline.plan.yaml' });
    expect(named.diagnostics.map((d) => [d.code, d.file, d.range?.start])).toEqual([['unknown-stage', 'inline.plan.yaml', { line: 41, column: 56 }]]);
    const unnamed = checkPlan({ text });
    expect(unnamed.diagnostics.map((d) => [d.code, d.file, d.range?.start])).toEqual([['unknown-stage', undefined, { line: 41, column: 56 }]]);
  });

  it('points into JSON text', () => {
    const json = readFileSync(join(root, 'test/fixtures/valid/minimal.plan.json'), 'utf8').replace('"target": "act"', '"target": "acts"');
    const result = checkPlan({ text: json, file: 'plan.json', format: 'json' });
    const line = json.split('\n').findIndex((l) => l.includes('"acts"')) + 1;
    expect(result.diagnostics.map((d) => [d.code, d.path, d.range?.start])).toEqual([
      ['unknown-stage', ['stages', 0, 'on', 0, 'target'], { line, column: 21 }],
    ]);
  });

  it('accepts plan objects and reports JSON paths without positions', () => {
    const plan = definePlan({
      planwright: 1,
      id: 'object',
      version: '1.0.0',
      title: 'Object plan',
      severity: [{ id: 'high', title: 'High' }],
      categories: [{ id: 'any', title: 'Any' }],
      roles: [{ id: 'officer', title: 'Officer' }],
      events: [{ id: 'CLOSE' }],
      stages: [
        { id: 'open', title: 'Open', on: [{ event: 'CLOSE', by: ['officer'], target: 'done' }] },
        { id: 'done', title: 'Done', final: true },
      ],
    });
    const ok = checkPlan(plan);
    expect(ok.diagnostics).toEqual([]);
    expect(ok.plan?.stages[0]?.resources).toEqual([]);
    const broken = checkPlan({ ...plan, stages: [{ ...plan.stages[0], on: [{ event: 'CLOSE', by: ['nobody'], target: 'done' }] }, plan.stages[1]] });
    expect(broken.diagnostics.map((d) => [d.code, d.path, d.file, d.range])).toEqual([
      ['unknown-role', ['stages', 0, 'on', 0, 'by', 0], undefined, undefined],
    ]);
  });

  it('writes messages in zh-CN on request', () => {
    const text = minimalText.replace('  - id: act\n    title: Act', '  - id: act\n    tittle: Act');
    const [d] = checkPlan({ text, file: 'p.yaml' }, { locale: 'zh-CN' }).diagnostics;
    expect(d?.code).toBe('unknown-key');
    expect(d?.message).toBe('未知的键 "tittle"。是否想写 "title"？');
    expect(d?.range?.start).toEqual({ line: 43, column: 5 });
  });

  it('reports a missing file', () => {
    const result = checkPlan({ file: 'no/such/plan.yaml' }, { cwd: root });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => [d.code, d.file])).toEqual([['file-not-found', 'no/such/plan.yaml']]);
  });

  it('maps paths to positions, falling back to the nearest ancestor', () => {
    const { source } = checkPlan({ file: MINIMAL }, { cwd: root });
    expect(source.locate(['stages', 1, 'tracks', 0, 'id'])).toMatchObject({ range: { start: { line: 45, column: 13 }, end: { line: 45, column: 17 } } });
    expect(source.locate(['stages', 1, 'tracks', 0, 'not-there', 3])).toMatchObject({ range: { start: { line: 45, column: 9 } } });
    expect(source.locate([])).toMatchObject({ file: MINIMAL, range: { start: { line: 3, column: 1 } } });
  });

  it.each<[string, unknown, string]>([
    ['null', null, 'wrong-type'],
    ['a number', 42, 'wrong-type'],
    ['a list', [], 'wrong-type'],
    ['empty text', { text: '' }, 'wrong-type'],
    ['a YAML list', { text: '- a\n- b\n' }, 'wrong-type'],
    ['a scalar', { text: 'just words' }, 'wrong-type'],
    ['a folder', { file: 'test' }, 'not-a-file'],
  ])('reports %s as a diagnostic, never throws', (_, input, code) => {
    expect(codes(input as PlanSource)[0]).toBe(code);
  });
});

describe('loadPlan', () => {
  it('returns the definition of a valid plan', () => {
    expect(loadPlan({ file: SEED }, { cwd: root }).id).toBe('public-opinion');
  });

  it('throws a PlanError holding the diagnostics', () => {
    const text = minimalText.replace('due: 30m', 'due: soon');
    let caught: unknown;
    try {
      loadPlan({ text, file: 'p.yaml' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PlanError);
    const error = caught as PlanError;
    expect(error.diagnostics.map((d) => [d.code, d.range?.start])).toEqual([['bad-duration', { line: 54, column: 10 }]]);
    expect(error.message).toContain('p.yaml:54:10: error bad-duration');
  });
});
