import type { Incident } from '../../runtime/incident.js';
import type { DrillExpectation } from '../scenario/scenario-schema.js';

/** What an expectation is checked against. */
export interface ObservedState {
  incident: Incident;
  /** Deadline ids breached so far. */
  breaches: readonly string[];
  /** Role ids notified so far. */
  notified: readonly string[];
}

/**
 * Checks the state keys of an expectation (`stage`, `severity`, `breaches`, `notified`,
 * `closed`; `rejected` is the runner's) and returns one "expected … got …" message per mismatch.
 *
 * @example
 * ```ts
 * checkExpectation({ stage: 'closed' }, observed); // ['stage: expected closed, got monitor']
 * ```
 */
export function checkExpectation(expect: DrillExpectation, observed: ObservedState): string[] {
  const out: string[] = [];
  const { incident } = observed;
  if (expect.stage !== undefined) {
    const actual = [incident.stage];
    const wanted = typeof expect.stage === 'string' ? [expect.stage] : expect.stage;
    if (!sameSet(wanted, actual)) out.push(`stage: expected ${show(expect.stage)}, got ${actual.length === 1 ? actual[0] : list(actual)}`);
  }
  if (expect.severity !== undefined && expect.severity !== incident.severity) {
    out.push(`severity: expected ${expect.severity}, got ${incident.severity ?? '(none)'}`);
  }
  if (expect.breaches !== undefined && !sameSet(expect.breaches, observed.breaches)) {
    out.push(`breaches: expected ${list(expect.breaches)}, got ${list(observed.breaches)}`);
  }
  if (expect.notified !== undefined) {
    const missing = expect.notified.filter((r) => !observed.notified.includes(r));
    if (missing.length > 0) {
      out.push(`notified: expected ${list(expect.notified)} to have been notified, got ${list(observed.notified)} (missing ${list(missing)})`);
    }
  }
  if (expect.closed !== undefined && expect.closed !== incident.closed) {
    out.push(`closed: expected ${expect.closed}, got ${incident.closed}`);
  }
  return out;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((x) => sb.has(x));
}

function list(xs: readonly string[]): string {
  return `[${[...xs].sort().join(', ')}]`;
}

function show(stage: string | readonly string[]): string {
  return typeof stage === 'string' ? stage : list(stage);
}
