import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { drillCommand } from '../../src/cli/commands/drill.js';
import { run } from '../../src/cli/run.js';

/** These tests read the English texts: without --locale the seed plan's first locale (zh-CN) would be used. */
function english(args: readonly string[]): string[] {
  return args.includes('--locale') ? [...args] : [...args, '--locale', 'en'];
}

const PLAN = 'plans/public-opinion.plan.yaml';
const SEED = readdirSync('examples/drills/public-opinion')
  .filter((f) => f.endsWith('.drill.yaml'))
  .sort()
  .map((f) => `examples/drills/public-opinion/${f}`);
const FIX = 'test/fixtures/drills';

async function drill(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(['drill', ...english(args)], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), isTTY: false }, [drillCommand]);
  return { code, stdout, stderr };
}

const tmp = mkdtempSync(join(tmpdir(), 'planwright-drill-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('planwright drill', () => {
  it('runs the seed drills: exit 0, a summary table, totals', async () => {
    const { code, stdout, stderr } = await drill(PLAN, ...SEED);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[2]).toMatch(/^drill\s+result\s+final stage\s+breaches$/);
    expect(lines.filter((l) => /\s{2}pass\s{2}/.test(l))).toHaveLength(SEED.length);
    expect(stdout).toContain(`${SEED.length} drills: ${SEED.length} passed, 0 failed`);
    // CJK names are padded by display width, so the result column lines up
    const resultColumn = lines.slice(4, 4 + SEED.length).map((l) => {
      let w = 0;
      for (const ch of l.slice(0, l.search(/ {2}pass/))) w += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1;
      return w;
    });
    expect(new Set(resultColumn).size).toBe(1);
  });

  it('prints the --json document of the contract', async () => {
    const { code, stdout } = await drill(PLAN, ...SEED, '--json');
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as { passed: number; failed: number; drills: Array<Record<string, unknown>> };
    expect([json.passed, json.failed]).toEqual([SEED.length, 0]);
    expect(Object.keys(json.drills[0] ?? {})).toEqual(['name', 'file', 'passed', 'failures', 'stage', 'severity', 'breaches']);
    expect(json.drills.find((d) => d['file'] === `examples/drills/public-opinion/regrade-mid-response.drill.yaml`)).toMatchObject({
      passed: true,
      failures: [],
      stage: 'closed',
      severity: 'I',
      breaches: ['first-statement'],
    });
  });

  it('shows 100% coverage with --coverage, in text and in JSON', async () => {
    const text = await drill(PLAN, ...SEED, '--coverage');
    expect(text.stdout).toMatch(/stages\s+7\/7\s+100%/);
    expect(text.stdout).toMatch(/transitions\s+27\/27\s+100%/);
    expect(text.stdout).toMatch(/tracks\s+3\/3\s+100%/);
    expect(text.stdout).toMatch(/deadline outcomes\s+14\/14\s+100%/);
    expect(text.stdout).not.toContain('missed');
    const json = JSON.parse((await drill(PLAN, ...SEED, '--coverage', '--json')).stdout) as { coverage: { total: unknown } };
    expect(json.coverage.total).toEqual({ covered: 51, total: 51, percent: 100 });
  });

  it('names what one drill misses with --coverage', async () => {
    const { stdout } = await drill(PLAN, `${SEED.find((f) => f.endsWith('dismissal.drill.yaml'))}`, '--coverage');
    expect(stdout).toMatch(/stages\s+3\/7\s+42.9%/);
    expect(stdout).toContain('missed stages: strategy, respond, monitor, review');
  });

  it('fails wrong expectations with exit 1, the step, its position and expected/got', async () => {
    const { code, stdout } = await drill(PLAN, `${FIX}/wrong-expectations.drill.yaml`);
    expect(code).toBe(1);
    const failures = stdout.split('\n').filter((l) => l.startsWith(`  ${FIX}/`));
    expect(failures.map((l) => l.replace(/:\s.*$/, ''))).toEqual([
      `  ${FIX}/wrong-expectations.drill.yaml:14:5`,
      `  ${FIX}/wrong-expectations.drill.yaml:19:5`,
      `  ${FIX}/wrong-expectations.drill.yaml:23:5`,
      `  ${FIX}/wrong-expectations.drill.yaml:25:5`,
      ...Array(4).fill(`  ${FIX}/wrong-expectations.drill.yaml:31:3`),
    ]);
    expect(failures[0]).toContain('step 0: stage: expected strategy, got assess');
    expect(failures[4]).toContain('final: stage: expected closed, got strategy');
    const json = JSON.parse((await drill(PLAN, `${FIX}/wrong-expectations.drill.yaml`, '--json')).stdout) as {
      failed: number;
      drills: Array<{ failures: Array<{ step: number | null }> }>;
    };
    expect(json.failed).toBe(1);
    expect(json.drills[0]?.failures.map((f) => f.step)).toEqual([0, 1, 2, 3, null, null, null, null]);
  });

  it('exits 1 when one of several drills fails, and still runs the others', async () => {
    const { code, stdout } = await drill(PLAN, SEED[0] as string, `${FIX}/wrong-expectations.drill.yaml`);
    expect(code).toBe(1);
    expect(stdout).toContain('2 drills: 1 passed, 1 failed');
  });

  it.each([
    [
      'bad-ids.drill.yaml',
      [
        ['unknown-role', 5, 24],
        ['unknown-person', 12, 9],
        ['unknown-stage', 15, 22],
        ['unknown-deadline', 15, 40],
        ['unknown-event', 18, 11],
        ['unknown-severity', 20, 13],
      ],
    ],
    ['bad-syntax.drill.yaml', [['yaml-syntax', 5, 1]]],
    [
      'bad-schema.json',
      [
        ['invalid-value', 3, 12],
        ['missing-key', 5, 11],
        ['invalid-type', 6, 21],
      ],
    ],
  ])('rejects %s with exit 2 and file:line:col diagnostics', async (file, expected) => {
    const text = await drill(PLAN, `${FIX}/${file}`);
    expect(text.code).toBe(2);
    expect(text.stdout).toBe('');
    const lines = text.stderr.split('\n').filter((l) => l.startsWith(FIX));
    expect(lines.map((l) => /^[^:]+:(\d+):(\d+): error (\S+)/.exec(l)?.slice(1))).toEqual(
      expected.map(([code, line, col]) => [String(line), String(col), code]),
    );
    const json = JSON.parse((await drill(PLAN, `${FIX}/${file}`, '--json')).stdout) as { ok: boolean; diagnostics: Array<Record<string, unknown>> };
    expect(json.ok).toBe(false);
    expect(json.diagnostics.map((d) => [d['code'], d['line'], d['column']])).toEqual(expected);
    expect(json.diagnostics[0]?.['file']).toBe(`${FIX}/${file}`);
  });

  it('runs no drill when one scenario is invalid', async () => {
    const { code, stdout } = await drill(PLAN, SEED[0] as string, `${FIX}/bad-ids.drill.yaml`);
    expect(code).toBe(2);
    expect(stdout).toBe('');
  });

  it.each([
    [[PLAN], /give the plan and at least one scenario/],
    [['plans/nope.plan.yaml', SEED[0] as string], /nope\.plan\.yaml/],
    [[PLAN, 'drills/nope.drill.yaml'], /drills\/nope\.drill\.yaml: error file-not-found/],
    [[PLAN, SEED[0] as string, '--bogus'], /Unknown option/],
  ])('exits 2 on bad arguments: %j', async (args, message) => {
    const { code, stderr } = await drill(...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('writes drill, after-action, evaluation and index reports with --report', async () => {
    const dir = join(tmp, 'reports');
    const { code, stdout } = await drill(PLAN, ...SEED, '--report', dir, '--coverage');
    expect(code).toBe(0);
    const files = readdirSync(dir);
    expect(files).toContain('index.html');
    expect(files).toContain('evaluation.html');
    for (const name of ['level-i-breaches', 'dismissal']) {
      for (const ext of ['.md', '.html', '.incident.json', '.after-action.md', '.after-action.html', '.after-action.json']) {
        expect(files).toContain(`${name}${ext}`);
      }
    }
    expect(files).toHaveLength(SEED.length * 6 + 5);
    expect(stdout).toContain(`index.html (${files.length} files)`);
  });
});
