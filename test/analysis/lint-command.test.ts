import { describe, expect, it } from 'vitest';
import { PLANWRIGHT_VERSION } from '../../src/bundle/version.js';
import { lintCommand } from '../../src/cli/commands/lint.js';
import { run } from '../../src/cli/run.js';
import { sarifValidator } from './support/sarif-validator.js';

/** These tests read the English texts: without --locale the seed plan's first locale (zh-CN) would be used. */
function english(args: readonly string[]): string[] {
  return args.includes('--locale') ? [...args] : [...args, '--locale', 'en'];
}

const FIX = 'test/fixtures/lint';

async function lintCli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(['lint', ...english(args)], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), isTTY: false }, [lintCommand]);
  return { code, stdout, stderr };
}

describe('planwright lint', () => {
  it('passes the seed plan with no findings (exit 0)', async () => {
    const { code, stdout } = await lintCli('plans/public-opinion.plan.yaml');
    expect(code).toBe(0);
    expect(stdout).toBe('plans/public-opinion.plan.yaml: no problems (plan public-opinion 1.0.0, 25 rules)\n');
  });

  it('prints file:line:col: severity CODE message and exits 1 on an error', async () => {
    const { code, stdout } = await lintCli(`${FIX}/unreachable-stage.plan.yaml`);
    expect(code).toBe(1);
    expect(stdout.split('\n')[0]).toMatch(/^test\/fixtures\/lint\/unreachable-stage\.plan\.yaml:29:9: error unreachable-stage Stage "orphan" can never be entered/);
    expect(stdout).toContain('Found 1 error and 0 warnings.');
  });

  it('exits 0 with warnings only', async () => {
    const { code, stdout } = await lintCli(`${FIX}/unused-role.plan.yaml`);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toMatch(/^test\/fixtures\/lint\/unused-role\.plan\.yaml:13:11: warning unused-role /);
  });

  it('--rule sets a severity, winning over the default', async () => {
    expect((await lintCli(`${FIX}/unused-role.plan.yaml`, '--rule', 'unused-role=error')).code).toBe(1);
    const off = await lintCli(`${FIX}/unreachable-stage.plan.yaml`, '--rule', 'unreachable-stage=off', '--rule', 'unused-role=error');
    expect(off.code).toBe(0);
    expect(off.stdout).toContain('no problems');
  });

  it('stops at validation: a plan with validation errors is not linted (exit 1)', async () => {
    const { code, stdout } = await lintCli('--json', `${FIX}/undeclared-resource.plan.yaml`);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { ok: boolean; diagnostics: Array<{ code: string }> };
    expect(report.ok).toBe(false);
    expect(report.diagnostics.map((d) => d.code)).toEqual(['unknown-resource']);
  });

  it('--json prints the validate shape', async () => {
    const { code, stdout } = await lintCli(`${FIX}/deadline-never-met.plan.yaml`, '--json');
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toEqual({
      ok: false,
      diagnostics: [
        {
          code: 'deadline-never-met',
          severity: 'error',
          message: 'Deadline "finish" can never be met: its events (DONE) are not accepted in "start", where it is pending.',
          file: `${FIX}/deadline-never-met.plan.yaml`,
          line: 37,
          column: 12,
          path: ['deadlines', 0, 'metBy'],
        },
      ],
    });
    expect(JSON.parse((await lintCli('plans/public-opinion.plan.yaml', '--format', 'json')).stdout)).toEqual({ ok: true, diagnostics: [] });
  });

  it('--format sarif prints a SARIF 2.1.0 log that the schema accepts', async () => {
    const { code, stdout } = await lintCli(`${FIX}/ambiguous-transitions.plan.yaml`, `${FIX}/team-without-leader.plan.yaml`, '--format', 'sarif');
    expect(code).toBe(1);
    const log = JSON.parse(stdout) as { runs: Array<{ tool: { driver: { name: string; version?: string } }; results: Array<{ ruleId: string; level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }> }> }> };
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    expect(log.runs[0]?.tool.driver).toMatchObject({ name: 'planwright', version: PLANWRIGHT_VERSION });
    expect(log.runs[0]?.results.map((r) => [r.ruleId, r.level, r.locations[0]?.physicalLocation.artifactLocation.uri, r.locations[0]?.physicalLocation.region.startLine])).toEqual([
      ['ambiguous-transitions', 'error', `${FIX}/ambiguous-transitions.plan.yaml`, 29],
      ['team-without-leader', 'warning', `${FIX}/team-without-leader.plan.yaml`, 15],
    ]);
  });

  it('writes messages in zh-CN with --locale zh-CN', async () => {
    const { stdout } = await lintCli(`${FIX}/stage-without-owner.plan.yaml`, '--locale', 'zh-CN');
    expect(stdout).toContain(':24:9: warning stage-without-owner 阶段“work”没有负责小组');
  });

  it.each([
    [['--rule', 'no-such-rule=off', 'plans/public-opinion.plan.yaml'], /unknown lint rule "no-such-rule"/],
    [['--rule', 'unused-role=loud', 'plans/public-opinion.plan.yaml'], /expected off, warning or error/],
    [['--format', 'xml', 'plans/public-opinion.plan.yaml'], /unknown format "xml"/],
    [['--json', '--format', 'sarif', 'plans/public-opinion.plan.yaml'], /contradict/],
    [[], /give the plan file/],
    [['--nope', 'plans/public-opinion.plan.yaml'], /Unknown option/],
  ])('exits 2 on bad arguments: %j', async (args, message) => {
    const { code, stderr } = await lintCli(...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('exits 2 when the plan file does not exist', async () => {
    const { code, stderr } = await lintCli('plans/no-such.plan.yaml');
    expect(code).toBe(2);
    expect(stderr).toContain('no-such.plan.yaml');
  });
});
