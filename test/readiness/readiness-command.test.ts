import { describe, expect, it } from 'vitest';
import { readinessCommand } from '../../src/cli/commands/readiness.js';
import { run } from '../../src/cli/run.js';

/** These tests read the English texts: without --locale the seed plan's first locale (zh-CN) would be used. */
function english(args: readonly string[]): string[] {
  return args.includes('--locale') ? [...args] : [...args, '--locale', 'en'];
}

const SEED = 'plans/public-opinion.plan.yaml';
const ROSTER = 'examples/roster-public-opinion.yaml';
const INVENTORY = 'examples/inventory-public-opinion.yaml';
const FIX = 'test/readiness/fixtures';

async function readinessCli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(['readiness', ...english(args)], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), isTTY: false }, [readinessCommand]);
  return { code, stdout, stderr };
}

describe('planwright readiness', () => {
  it('exits 0 for the example roster and inventory (a whenNeeded warning allowed)', async () => {
    const { code, stdout } = await readinessCli(SEED, '--roster', ROSTER, '--inventory', INVENTORY);
    expect(code).toBe(0);
    expect(stdout.split('\n')).toEqual([
      `${INVENTORY}:18:34: warning resource-unavailable Resource "counselors" (psychological counsellors (when needed)), used in stage respond, is not available. (contracted on demand through the district health centre)`,
      'Found 0 errors and 1 warning.',
      `${SEED}: ready (plan public-opinion 1.0.0): roles 15/15 staffed, positions 5/5 backed up, resources 9/10 available`,
      '',
    ]);
  });

  it('exits 1 with the gaps, at their place in the roster and inventory', async () => {
    const { code, stdout } = await readinessCli(SEED, '--roster', `${FIX}/roster-gaps.yaml`, '--inventory', `${FIX}/inventory-gaps.yaml`);
    expect(code).toBe(1);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe(`${FIX}/roster-gaps.yaml:5:1: error role-unstaffed Nobody on the roster holds role "legal-head" (head of legal). Add a person with it under \`people\`.`);
    expect(lines.filter((l) => / (error|warning) /.test(l)).map((l) => l.split(' ').slice(0, 3).join(' '))).toEqual([
      `${FIX}/roster-gaps.yaml:5:1: error role-unstaffed`,
      `${FIX}/roster-gaps.yaml:5:1: error role-unstaffed`,
      `${FIX}/roster-gaps.yaml:5:1: error position-without-backup`,
      `${FIX}/roster-gaps.yaml:5:1: error position-without-backup`,
      `${FIX}/roster-gaps.yaml:9:46: error backup-is-only-holder`,
      `${FIX}/inventory-gaps.yaml:5:1: error resource-missing`,
      `${FIX}/inventory-gaps.yaml:5:1: error resource-missing`,
      `${FIX}/inventory-gaps.yaml:9:41: error resource-unavailable`,
      `${FIX}/inventory-gaps.yaml:13:34: warning resource-unavailable`,
    ]);
    expect(stdout).toContain(`${SEED}: NOT ready (plan public-opinion 1.0.0): roles 13/15 staffed, positions 2/5 backed up, resources 6/10 available`);
  });

  it('--json prints ok, ready, summary and the diagnostics', async () => {
    const { code, stdout } = await readinessCli(SEED, '--roster', `${FIX}/roster-gaps.yaml`, '--json');
    expect(code).toBe(1);
    const doc = JSON.parse(stdout) as { ok: boolean; ready: boolean; summary: { resources: unknown }; diagnostics: Array<{ code: string; line: number; column: number; file: string }> };
    expect(doc).toMatchObject({ ok: false, ready: false, summary: { roles: { total: 15, staffed: 13 }, resources: null } });
    expect(doc.diagnostics.map((d) => [d.code, d.file, d.line, d.column])).toEqual([
      ['role-unstaffed', `${FIX}/roster-gaps.yaml`, 5, 1],
      ['role-unstaffed', `${FIX}/roster-gaps.yaml`, 5, 1],
      ['position-without-backup', `${FIX}/roster-gaps.yaml`, 5, 1],
      ['position-without-backup', `${FIX}/roster-gaps.yaml`, 5, 1],
      ['backup-is-only-holder', `${FIX}/roster-gaps.yaml`, 9, 46],
    ]);
    const ready = JSON.parse((await readinessCli(SEED, '--roster', ROSTER, '--json')).stdout) as { ok: boolean };
    expect(ready).toMatchObject({ ok: true, ready: true, diagnostics: [] });
  });

  it('exits 2 on a roster or inventory that is not valid or does not fit the plan, with positions', async () => {
    const invalid = await readinessCli(SEED, '--roster', `${FIX}/roster-invalid.yaml`);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(new RegExp(`^${FIX}/roster-invalid\\.yaml:4:5: error unknown-key `));
    const unfit = await readinessCli(SEED, '--roster', ROSTER, '--inventory', `${FIX}/inventory-unfit.yaml`, '--json');
    expect(unfit.code).toBe(2);
    expect((JSON.parse(unfit.stdout) as { diagnostics: Array<{ code: string; line: number }> }).diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['inventory-unknown-resource', 3],
      ['inventory-duplicate-resource', 5],
    ]);
  });

  it.each([
    [[SEED], /--roster/],
    [['--roster', ROSTER], /exactly one plan file/],
    [[SEED, '--roster', `${FIX}/no-such.yaml`], /no-such\.yaml/],
    [['plans/no-such.plan.yaml', '--roster', ROSTER], /no-such\.plan\.yaml/],
  ])('exits 2 on bad arguments or missing files: %j', async (args, message) => {
    const { code, stderr } = await readinessCli(...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('exits 1 when the plan itself has errors', async () => {
    const { code, stderr } = await readinessCli('test/fixtures/lint/undeclared-resource.plan.yaml', '--roster', ROSTER);
    expect(code).toBe(1);
    expect(stderr).toContain('error unknown-resource');
  });
});
