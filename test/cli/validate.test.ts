import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { captureIo } from './capture-io.js';

/** These tests read the English texts: without --locale the seed plan's first locale (zh-CN) would be used. */
function english(args: readonly string[]): string[] {
  return args.includes('--locale') ? [...args] : [...args, '--locale', 'en'];
}

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const SEED = 'plans/public-opinion.plan.yaml';
const BROKEN = 'test/fixtures/broken/unknown-stage-target.plan.yaml';

async function validate(args: string[], options: { isTTY?: boolean } = {}) {
  const io = captureIo({ cwd: root, ...options });
  const code = await run(['validate', ...english(args)], io);
  return { code, out: io.out(), err: io.err() };
}

describe('planwright validate', () => {
  it('exits 0 on the seed plan', async () => {
    expect(await validate([SEED])).toEqual({ code: 0, out: `${SEED}: valid (plan public-opinion 1.0.0)\n`, err: '' });
  });

  it('prints file:line:col: error CODE message and exits 1 on errors', async () => {
    const { code, out, err } = await validate([BROKEN]);
    expect(code).toBe(1);
    expect(err).toBe('');
    expect(out.split('\n')).toEqual([
      `${BROKEN}:40:56: error unknown-stage unknown stage "acts". Did you mean "act"? Declare it under stages or write one of: "triage", "act", "closed".`,
      'Found 1 error and 0 warnings.',
      '',
    ]);
  });

  it('adds the source line and a caret in a terminal', async () => {
    const { out } = await validate([BROKEN], { isTTY: true });
    const lines = out.split('\n');
    expect(lines[0]).toMatch(new RegExp(`^${BROKEN}:40:56: error unknown-stage `));
    expect(lines[1]).toBe('  40 |       - { event: OPEN_CASE, by: [crew.leader], target: acts }');
    expect(lines[2]).toBe(`     | ${' '.repeat(55)}\u001b[31m^^^^\u001b[39m`);
  });

  it('prints messages in zh-CN with --locale zh-CN', async () => {
    const { code, out } = await validate([BROKEN, '--locale', 'zh-CN']);
    expect(code).toBe(1);
    expect(out.split('\n')[0]).toBe(
      `${BROKEN}:40:56: error unknown-stage 未声明的阶段 "acts"。是否想写 "act"？请在 stages 中声明它，或使用以下之一："triage"、"act"、"closed"。`,
    );
  });

  it('prints one JSON document with --json', async () => {
    const { code, out } = await validate([BROKEN, '--json']);
    expect(code).toBe(1);
    expect(JSON.parse(out)).toEqual({
      ok: false,
      diagnostics: [
        {
          code: 'unknown-stage',
          severity: 'error',
          message: 'unknown stage "acts". Did you mean "act"? Declare it under stages or write one of: "triage", "act", "closed".',
          file: BROKEN,
          line: 40,
          column: 56,
          path: ['stages', 0, 'on', 0, 'target'],
        },
      ],
    });
    const valid = await validate([SEED, '--json']);
    expect(valid.code).toBe(0);
    expect(JSON.parse(valid.out)).toEqual({ ok: true, diagnostics: [] });
  });

  it('points into included files', async () => {
    const { code, out } = await validate(['test/fixtures/broken/include-cycle.plan.yaml']);
    expect(code).toBe(1);
    expect(out).toMatch(/^test\/fixtures\/broken\/parts\/cycle-b\.yaml:2:11: error include-cycle /);
  });

  it('reads JSON plans', async () => {
    const { code, out } = await validate(['test/fixtures/broken/unknown-key.plan.json']);
    expect(code).toBe(1);
    expect(out).toMatch(/^test\/fixtures\/broken\/unknown-key\.plan\.json:110:7: error unknown-key unknown key "tittle"\. Did you mean "title"\?\n/);
  });

  it('checks several plans at once', async () => {
    const { code, out } = await validate([SEED, BROKEN]);
    expect(code).toBe(1);
    expect(out).toContain(`${BROKEN}:40:56: error unknown-stage`);
    expect(out).toContain(`${SEED}: valid`);
  });

  it('exits 2 when the file does not exist or no file is given', async () => {
    expect(await validate(['plans/nope.plan.yaml'])).toEqual({
      code: 2,
      out: '',
      err: 'plans/nope.plan.yaml: error file-not-found file "plans/nope.plan.yaml" does not exist; check the path.\n',
    });
    const json = await validate(['plans/nope.plan.yaml', '--json']);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.out)).toMatchObject({ ok: false, diagnostics: [{ code: 'file-not-found', file: 'plans/nope.plan.yaml', line: null }] });
    const none = await validate([]);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/give the plan file to check/);
  });
});
