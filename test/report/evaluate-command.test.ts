import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateCommand } from '../../src/cli/commands/evaluate.js';
import { run } from '../../src/cli/run.js';
import { runSeedDrills } from '../testing/seed-drills.js';

/** These tests read the English texts: without --locale the seed plan's first locale (zh-CN) would be used. */
function english(args: readonly string[]): string[] {
  return args.includes('--locale') ? [...args] : [...args, '--locale', 'en'];
}

const PLAN = 'plans/public-opinion.plan.yaml';
const tmp = mkdtempSync(join(tmpdir(), 'planwright-evaluate-'));
const dir = join(tmp, 'incidents');

async function evaluate(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(['evaluate', ...english(args)], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) }, [evaluateCommand]);
  return { code, stdout, stderr };
}

beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  const results = await runSeedDrills();
  results.forEach((r, i) => writeFileSync(join(dir, `drill-${i}.incident.json`), JSON.stringify(r.incident)));
  writeFileSync(join(dir, 'notes.json'), JSON.stringify({ not: 'an incident' }));
  writeFileSync(join(tmp, 'all.json'), JSON.stringify(results.map((r) => r.incident)));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('planwright evaluate', () => {
  it('evaluates a folder of incidents as Markdown, skipping other JSON files', async () => {
    const { code, stdout, stderr } = await evaluate(PLAN, dir, '--locale', 'en');
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('# Plan evaluation: Public Service Public-Opinion Emergency Response Plan');
    expect(stdout).toContain('incidents: 11');
    expect(stdout).toContain('| report report at once | 10 | 1 | 0 | 90.9% | 9.1% |');
    expect(stderr).toBe('planwright evaluate: skipped 1 file(s) that hold no incidents\n');
  });

  it('reads a file holding a list, prints JSON, and writes the HTML page', async () => {
    const html = join(tmp, 'evaluation.html');
    const { code, stdout } = await evaluate(PLAN, join(tmp, 'all.json'), '--json', '--html', html);
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as { incidents: number; measures: Array<{ id: string; onTime?: number; late?: number }> };
    const first = json.measures.find((m) => m.id === 'time-to-first-statement');
    expect([json.incidents, first?.onTime, first?.late]).toEqual([11, 8, 2]);
    expect(readFileSync(html, 'utf8')).toContain('data-chart="measure-breach-rate"');
  });

  it.each([
    [[PLAN], /give the plan and incidents/],
    [[PLAN, 'nowhere/'], /cannot read nowhere\/: ENOENT/],
    [[PLAN, 'plans/public-opinion.plan.yaml'], /is not JSON/],
    [[PLAN, 'package.json'], /does not hold incidents: id: /],
  ])('exits 2 for %j', async (args, message) => {
    const { code, stderr } = await evaluate(...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});
