/**
 * Shared helpers of the robustness suites: run counts from the environment, and the invariants
 * every `checkPlan` result must satisfy whatever the input.
 */
import { lint } from '../../src/analysis/lint.js';
import { compilePlan } from '../../src/compile/compile-plan.js';
import { DIAGNOSTIC_CODES } from '../../src/diagnostics/codes.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import type { CheckPlanResult } from '../../src/dsl/check-plan.js';

/**
 * A run count: the environment variable when set to a positive integer, else the CI default.
 * Bigger runs: e.g. `PLANWRIGHT_FUZZ_RUNS=200000 npx vitest run test/robustness/dsl-fuzz.test.ts`.
 */
export function runsFrom(name: string, fallback: number): number {
  const raw = process.env[name];
  const n = raw === undefined ? Number.NaN : Number(raw);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** The fast-check seed: `PLANWRIGHT_FUZZ_SEED` when set (to explore), else a fixed one (CI reproducible). */
export function seedFrom(fallback: number): number {
  const n = Number(process.env['PLANWRIGHT_FUZZ_SEED']);
  return Number.isInteger(n) ? n : fallback;
}

const CODES = new Set<string>(DIAGNOSTIC_CODES);
/** Diagnostics that may stand without a range: the cap (it is about the whole file). */
const WITHOUT_RANGE = new Set(['too-many-diagnostics']);

/** Throws with `message` unless `condition` (plain checks: thousands of inputs, so no `expect` per field). */
function ensure(condition: boolean, message: () => string): void {
  if (!condition) throw new Error(message());
}

/** Asserts what every diagnostic of a plan text must be: known code, message, file, and a position inside the text. */
export function expectPositioned(diagnostics: readonly Diagnostic[], text: string, file: string, codes: ReadonlySet<string> = CODES): void {
  let lines: string[] | undefined;
  for (const d of diagnostics) {
    const where = (): string => `${d.code} at ${JSON.stringify(d.path)} ${JSON.stringify(d.range)}: ${d.message}`;
    ensure(codes.has(d.code), () => `unknown code: ${where()}`);
    ensure(d.code !== 'internal-error', () => `internal error: ${where()}`);
    ensure(d.severity === 'error' || d.severity === 'warning' || d.severity === 'info', () => `bad severity: ${where()}`);
    ensure(d.message.length > 0, () => `empty message: ${where()}`);
    ensure(d.file === file, () => `file ${String(d.file)} instead of ${file}: ${where()}`);
    if (WITHOUT_RANGE.has(d.code)) continue;
    const range = d.range;
    ensure(range !== undefined, () => `no position: ${where()}`);
    if (range === undefined) continue;
    lines ??= text.split('\n');
    const { start, end } = range;
    ensure(start.line >= 1 && start.column >= 1, () => `position before the text: ${where()}`);
    ensure(start.line <= lines.length, () => `line past the end (${lines?.length} lines): ${where()}`);
    ensure(start.column <= (lines[start.line - 1] ?? '').length + 1, () => `column past the end of its line: ${where()}`);
    ensure(end.line > start.line || (end.line === start.line && end.column >= start.column), () => `range ends before it starts: ${where()}`);
  }
}

/**
 * Asserts the invariants of a `checkPlan` result on a text: `ok` exactly when no error; every
 * diagnostic positioned; and a plan that checks compiles (XState never sees a bad plan) and lints
 * without throwing, its findings positioned too.
 */
export function expectSoundCheck(result: CheckPlanResult, text: string, file: string): void {
  const errors = result.diagnostics.some((d) => d.severity === 'error');
  ensure(result.ok === !errors, () => `ok is ${result.ok} with ${errors ? '' : 'no '}errors`);
  expectPositioned(result.diagnostics, text, file);
  if (!result.ok) {
    ensure(result.plan === undefined, () => 'a plan came with errors');
    return;
  }
  const plan = result.plan;
  ensure(plan !== undefined, () => 'ok without a plan');
  if (plan === undefined) return;
  const compiled = compilePlan(plan);
  ensure(compiled.machine !== undefined, () => 'compiled without a machine');
  for (const f of lint(plan, { locator: result.source })) {
    ensure(f.code.length > 0 && f.message.length > 0, () => `lint finding without code or message: ${JSON.stringify(f)}`);
  }
}

/** Tracks the slowest input of a run. */
export class SlowestInput {
  maxMs = 0;
  count = 0;
  sample = '';

  /** Runs `fn`, remembers its time, and returns its result. */
  time<T>(input: string, fn: () => T): T {
    const t = performance.now();
    try {
      return fn();
    } finally {
      const ms = performance.now() - t;
      this.count++;
      if (ms > this.maxMs) {
        this.maxMs = ms;
        this.sample = input.length > 120 ? `${input.slice(0, 120)}… (${input.length} chars)` : input;
      }
    }
  }
}
