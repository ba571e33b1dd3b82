import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/analysis/lint.js';
import { toSarif } from '../../src/analysis/to-sarif.js';
import { yaml } from './support/dedent.js';
import { sarifValidator } from './support/sarif-validator.js';
import { testPlan } from './support/test-plan.js';

const validate = sarifValidator();
const messy = yaml`
  roles:
    - { id: lead, title: Lead }
    - { id: spare, title: Spare }
  teams: [{ id: crew, title: Crew, leader: lead }]
  events: [{ id: GO }]
  stages:
    - { id: a, title: A, on: [{ event: GO, by: [lead], target: end }] }
    - { id: island, title: 岛, owner: crew, on: [{ event: GO, by: [lead], target: end }] }
    - { id: end, title: E, final: true }
`;

describe('toSarif', () => {
  it('writes a log that the SARIF 2.1.0 schema accepts, with one result per finding', () => {
    const { plan, locator } = testPlan(messy, { file: 'plans/messy plan.yaml' });
    const log = toSarif(lint(plan, { locator }), { toolVersion: '0.1.0' });
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const run = log.runs[0];
    expect(run?.results.map((r) => [r.ruleId, r.level, r.locations?.[0]?.physicalLocation.region?.startLine, r.locations?.[0]?.physicalLocation.region?.startColumn])).toEqual([
      ['unused-role', 'warning', 3, 11],
      ['stage-without-owner', 'warning', 7, 11],
      ['unreachable-stage', 'error', 8, 11],
    ]);
    expect(run?.results[0]?.locations?.[0]?.physicalLocation.artifactLocation.uri).toBe('plans/messy%20plan.yaml');
    for (const result of run?.results ?? []) expect(run?.tool.driver.rules[result.ruleIndex]?.id).toBe(result.ruleId);
    expect(run?.tool.driver.rules.find((r) => r.id === 'unreachable-stage')?.defaultConfiguration.level).toBe('error');
  });

  it('also carries validation diagnostics, positionless ones and files outside the directory', () => {
    const log = toSarif(
      [
        { code: 'unknown-stage', severity: 'error', message: 'Unknown stage "asess".', path: ['stages', 0, 'on', 0, 'target'], file: 'p.yaml', range: { start: { line: 4, column: 9 }, end: { line: 4, column: 14 } } },
        { code: 'lint-limit-reached', severity: 'info', message: 'Lint stopped.', path: [] },
        { code: 'yaml-syntax', severity: 'error', message: 'Bad YAML.', path: [], file: resolve('/tmp/elsewhere/plan.yaml') },
      ],
      { baseDir: '/work/project' },
    );
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const results = log.runs[0]?.results ?? [];
    expect(results.map((r) => [r.ruleId, r.level, r.locations?.[0]?.physicalLocation.artifactLocation.uri ?? null])).toEqual([
      ['unknown-stage', 'error', 'p.yaml'],
      ['lint-limit-reached', 'note', null],
      ['yaml-syntax', 'error', 'file:///tmp/elsewhere/plan.yaml'],
    ]);
    expect(log.runs[0]?.tool.driver.rules.at(-1)).toMatchObject({ id: 'yaml-syntax', defaultConfiguration: { level: 'error' } });
  });

  it('the schema check is real: a log with a wrong level or no runs is refused', () => {
    const log = toSarif([]);
    expect(validate(log)).toBe(true);
    expect(validate({ ...log, runs: [{ ...log.runs[0], results: [{ ruleId: 'x', level: 'fatal', message: { text: 'x' } }] }] })).toBe(false);
    expect(validate({ version: '2.1.0' })).toBe(false);
    expect(validate({ ...log, version: '2.0.0' })).toBe(false);
  });
});
