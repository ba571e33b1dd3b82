// A strict TypeScript host (test/consumer) compiled against the built declarations: with strict,
// exactOptionalPropertyTypes and skipLibCheck off it compiles (no XState types reach it), and the
// mistakes in host-mistakes.ts are refused at their lines.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

/** Runs tsc on a project of test/consumer; returns its exit code and diagnostics as `file(line,col): error TSxxxx`. */
function compile(project: string): { code: number | null; errors: string[] } {
  const result = spawnSync(process.execPath, [tsc, '-p', `test/consumer/${project}`, '--pretty', 'false'], { encoding: 'utf8' });
  const errors = result.stdout.split('\n').filter((line) => /error TS\d+/.test(line)).map((line) => line.replace(/: error (TS\d+):.*/, ': $1'));
  return { code: result.status, errors };
}

describe('the built declarations in a strict host project (skipLibCheck off)', () => {
  test('no public declaration file names xstate', () => {
    const declarations = readdirSync('dist').filter((file) => /\.d\.c?ts$/.test(file));
    expect(declarations.length).toBeGreaterThan(4);
    for (const file of declarations) expect(readFileSync(`dist/${file}`, 'utf8'), file).not.toMatch(/from ['"]xstate['"]|import ['"]xstate['"]/);
  });

  test('the host compiles: every entry, a typed engine, typed handlers and inspections', () => {
    expect(compile('tsconfig.json')).toEqual({ code: 0, errors: [] });
  }, 240_000);

  test('the issue’s mistakes do not compile, each at its line', () => {
    expect(compile('tsconfig.mistakes.json')).toEqual({
      code: 2,
      errors: [
        // an effect the plan does not declare ("did you mean publish")
        'test/consumer/host-mistakes.ts(9,5): TS2561',
        // an event type, a role and a data field the plan does not have
        'test/consumer/host-mistakes.ts(12,41): TS2322',
        'test/consumer/host-mistakes.ts(13,78): TS2322',
        'test/consumer/host-mistakes.ts(14,106): TS2353',
        // createEngine(42)
        'test/consumer/host-mistakes.ts(15,36): TS2345',
      ],
    });
  }, 240_000);
});
