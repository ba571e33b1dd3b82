import { safeParse, type ZodMiniType } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

/**
 * Running a zod schema where planwright checks outside input at run time (bundles, engine input,
 * event data, stored incidents). The schemas are written with `zod/mini` (the runtime entry's
 * size stays small; the DSL's classic zod shares its core), and read here with zod's English
 * messages passed per call, so the check neither depends on nor changes the host's global zod
 * configuration.
 * @internal
 */

/** Where an issue is: keys and indexes from the checked value's root. */
export type Path = Array<string | number>;

/** One problem found by a check. */
export interface Issue {
  /** Where it is (the same as {@link Path}; spelt out so the bundled declarations keep it). */
  path: Array<string | number>;
  message: string;
}

/** The outcome of {@link checkSchema}. */
export type Result<T> = { success: true; data: T } | { success: false; issues: Issue[] };

const english = en().localeError;

/**
 * Checks `value` with `schema`; returns its output (defaults applied) or the issues, each with
 * its path and zod's English message.
 *
 * @example
 * checkSchema(z.string().check(z.minLength(1)), ''); // { success: false, issues: [{ path: [], message: 'Too small: …' }] }
 */
export function checkSchema<T>(schema: ZodMiniType<T>, value: unknown): Result<T> {
  // The check runs first without a context: zod's compiled object check (its "fast pass") then
  // applies, and a valid value (nearly every one) costs about a fifth of a run with an error map
  // (0.5 µs against 2.4 µs for an event envelope). Only a value that fails is checked again with
  // the English messages; the checks are pure, so the second run finds the same issues.
  const result = safeParse(schema, value);
  if (result.success) return { success: true, data: result.data };
  const explained = safeParse(schema, value, { error: english });
  if (explained.success) throw new Error('checkSchema: a zod check gave different results for the same value');
  return { success: false, issues: explained.error.issues.map((issue) => ({ path: issue.path.map((key) => (typeof key === 'number' ? key : String(key))), message: issue.message })) };
}

/** `path: message` for the first `count` issues, `(root)` for the value itself, joined by `; `. */
export function describeIssues(issues: readonly Issue[], count: number, under: Path = []): string {
  return issues
    .slice(0, count)
    .map((issue) => `${[...under, ...issue.path].join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}
