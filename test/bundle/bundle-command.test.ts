import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadBundle } from '../../src/bundle/load-bundle.js';
import { run } from '../../src/cli/run.js';

const repo = resolve(import.meta.dirname, '../..');
let dir = '';
afterEach(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
  dir = '';
});

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(argv, { stdout: (t) => void (out += t), stderr: (t) => void (err += t), cwd: repo });
  return { code, out, err };
}

describe('planwright bundle', () => {
  it('writes a bundle the runtime loads (exit 0)', async () => {
    dir = mkdtempSync(join(tmpdir(), 'planwright-bundle-'));
    const file = join(dir, 'out', 'public-opinion.json');
    const { code, out } = await cli('bundle', 'plans/public-opinion.plan.yaml', '-o', file, '--locale', 'en');
    expect(code).toBe(0);
    expect(out).toContain('bundle of plan public-opinion 1.0.0');
    const plan = loadBundle(JSON.parse(readFileSync(file, 'utf8')));
    expect(plan.definition.id).toBe('public-opinion');
  });

  it('exit 1 for a plan with errors, nothing written', async () => {
    dir = mkdtempSync(join(tmpdir(), 'planwright-bundle-'));
    const bad = join(dir, 'bad.plan.yaml');
    writeFileSync(bad, readFileSync(join(repo, 'plans/public-opinion.plan.yaml'), 'utf8').replace('target: assess', 'target: nowhere'));
    const { code } = await cli('bundle', bad, '-o', join(dir, 'b.json'));
    expect(code).toBe(1);
    expect(() => readFileSync(join(dir, 'b.json'))).toThrow();
  });

  it.each([[['bundle']], [['bundle', 'plans/public-opinion.plan.yaml']], [['bundle', 'missing.plan.yaml', '-o', 'x.json']]])(
    'exit 2 for bad arguments %j',
    async (argv) => {
      expect((await cli(...argv)).code).toBe(2);
    },
  );
});
