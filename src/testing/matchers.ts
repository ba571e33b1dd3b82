import type { Incident } from '../runtime/incident.js';
import type { DrillResult } from '../drill-results/drill-result.js';
import { breachedIds } from './simulate.js';

/** What the matchers accept: a simulation, a drill result, or an incident. */
export type MatcherSubject =
  | { readonly incident: Incident; readonly notified: readonly string[] }
  | Pick<DrillResult, 'incident' | 'notified'>
  | Incident;

/** A matcher's verdict, in the shape Vitest and Jest expect. */
export interface MatcherResult {
  pass: boolean;
  message: () => string;
  actual?: unknown;
  expected?: unknown;
}

/**
 * The part of a Vitest/Jest matcher context these matchers read.
 * @inline
 */
interface MatcherContext {
  isNot?: boolean;
}

/**
 * The planwright matchers' signatures on an assertion, for augmenting the test runner's types:
 *
 * ```ts
 * import type { PlanwrightMatchers } from 'planwright/testing';
 * declare module 'vitest' {
 *   interface Assertion<T = any> extends PlanwrightMatchers<T> {}
 *   interface AsymmetricMatchersContaining extends PlanwrightMatchers {}
 * }
 * ```
 */
export interface PlanwrightMatchers<R = unknown> {
  /** The incident's active top-level stage is `stage`. */
  toBeInStage(stage: string): R;
  /** Every given deadline id has breached (at least one instance). */
  toHaveBreached(deadline: string | readonly string[]): R;
  /** Every given role has been sent at least one `notify` effect (simulations and drill results). */
  toHaveNotified(role: string | readonly string[]): R;
}

function incidentOf(subject: unknown): Incident {
  if (subject !== null && typeof subject === 'object') {
    if ('timeline' in subject && 'deadlines' in subject) return subject as Incident;
    const inner = (subject as { incident?: unknown }).incident;
    if (inner !== null && typeof inner === 'object' && 'timeline' in inner) return inner as Incident;
  }
  throw new TypeError('planwright matchers expect a simulation, a drill result or an incident');
}

function notifiedOf(subject: unknown): readonly string[] {
  const notified = subject !== null && typeof subject === 'object' ? (subject as { notified?: unknown }).notified : undefined;
  if (Array.isArray(notified)) return notified as string[];
  throw new TypeError('toHaveNotified expects a simulation or a drill result (an incident alone does not record deliveries)');
}

function listOf(x: string | readonly string[]): string[] {
  return typeof x === 'string' ? [x] : [...x];
}

/**
 * Passes when the subject's incident is in `stage`.
 *
 * @example
 * ```ts
 * expect.extend(planwrightMatchers);
 * expect(sim).toBeInStage('assess');
 * ```
 */
export function toBeInStage(this: MatcherContext | void, received: unknown, stage: string): MatcherResult {
  const actual = incidentOf(received).stage;
  const not = this?.isNot === true;
  return {
    pass: actual === stage,
    message: () => (not ? `expected the incident not to be in stage ${stage}` : `expected the incident to be in stage ${stage}, got ${actual}`),
    actual,
    expected: stage,
  };
}

/**
 * Passes when every given deadline id has breached.
 *
 * @example
 * ```ts
 * await sim.advance('45m');
 * expect(sim).toHaveBreached('report');
 * ```
 */
export function toHaveBreached(this: MatcherContext | void, received: unknown, deadline: string | readonly string[]): MatcherResult {
  const actual = breachedIds(incidentOf(received));
  const wanted = listOf(deadline);
  const missing = wanted.filter((d) => !actual.includes(d));
  const not = this?.isNot === true;
  return {
    pass: missing.length === 0,
    message: () =>
      not
        ? `expected [${wanted.join(', ')}] not to have breached, got breaches [${actual.join(', ')}]`
        : `expected [${wanted.join(', ')}] to have breached, got breaches [${actual.join(', ')}] (missing ${missing.join(', ')})`,
    actual,
    expected: wanted,
  };
}

/**
 * Passes when every given role has been sent at least one `notify` effect.
 *
 * @example
 * ```ts
 * expect(sim).toHaveNotified(['department-head', 'deputy-head']);
 * ```
 */
export function toHaveNotified(this: MatcherContext | void, received: unknown, role: string | readonly string[]): MatcherResult {
  const actual = [...notifiedOf(received)];
  const wanted = listOf(role);
  const missing = wanted.filter((r) => !actual.includes(r));
  const not = this?.isNot === true;
  return {
    pass: missing.length === 0,
    message: () =>
      not
        ? `expected [${wanted.join(', ')}] not to have been notified, got [${actual.join(', ')}]`
        : `expected [${wanted.join(', ')}] to have been notified, got [${actual.join(', ')}] (missing ${missing.join(', ')})`,
    actual,
    expected: wanted,
  };
}

/**
 * The planwright matchers as one object for `expect.extend(planwrightMatchers)` (Vitest or Jest).
 * Plain functions: the library does not import a test runner.
 *
 * @example
 * ```ts
 * import { expect } from 'vitest';
 * import { planwrightMatchers } from 'planwright/testing';
 * expect.extend(planwrightMatchers);
 * ```
 */
export const planwrightMatchers = { toBeInStage, toHaveBreached, toHaveNotified } as const;
