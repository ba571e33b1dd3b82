import type { Locale } from '../../diagnostics/locale.js';
import { DRILL_MESSAGES } from '../../messages/drill-messages.js';
import { messagesIn } from '../../messages/message-table.js';
import type { Incident } from '../../runtime/incident.js';
import type { DrillExpectation } from '../scenario/scenario-schema.js';
import { explainBreach, explainNoBreach, type ExplainContext } from './explain-deadline.js';

/** What an expectation is checked against. */
export interface ObservedState {
  incident: Incident;
  /** Deadline ids breached so far. */
  breaches: readonly string[];
  /** Role ids notified so far. */
  notified: readonly string[];
}

/** One failed expectation: the `<key>: expected … got …` line, and for breaches why each differs. */
export interface ExpectationFailure {
  message: string;
  /** Explanation lines (for `breaches`: each unexpected or missing breach explained). */
  details: string[];
}

/** Options of {@link checkExpectation}. */
export interface CheckExpectationOptions {
  /** Language of the messages (default en). */
  locale?: Locale;
  /** What the breach explanations read; without it, breach failures carry no details. */
  explain?: Omit<ExplainContext, 'incident' | 'locale'>;
}

/**
 * Checks the state keys of an expectation (`stage`, `severity`, `breaches`, `notified`,
 * `closed`; `rejected` is the runner's) and returns one "expected … got …" failure per mismatch;
 * a `breaches` mismatch explains every unexpected and every missing breach.
 *
 * @example
 * ```ts
 * checkExpectation({ stage: 'closed' }, observed); // [{ message: 'stage: expected closed, got monitor', details: [] }]
 * ```
 */
export function checkExpectation(expect: DrillExpectation, observed: ObservedState, options: CheckExpectationOptions = {}): ExpectationFailure[] {
  const locale = options.locale ?? 'en';
  const t = messagesIn(DRILL_MESSAGES, locale);
  const out: ExpectationFailure[] = [];
  const fail = (message: string, details: string[] = []): void => void out.push({ message, details });
  const { incident } = observed;
  if (expect.stage !== undefined) {
    const actual = [incident.stage];
    const wanted = typeof expect.stage === 'string' ? [expect.stage] : expect.stage;
    if (!sameSet(wanted, actual)) fail(t.stageMismatch({ expected: show(expect.stage), got: actual.length === 1 ? (actual[0] ?? '') : list(actual) }));
  }
  if (expect.severity !== undefined && expect.severity !== incident.severity) {
    fail(t.severityMismatch({ expected: expect.severity, got: incident.severity ?? t.noSeverity() }));
  }
  if (expect.breaches !== undefined && !sameSet(expect.breaches, observed.breaches)) {
    const details: string[] = [];
    if (options.explain !== undefined) {
      const context: ExplainContext = { ...options.explain, incident, locale };
      for (const id of [...new Set(observed.breaches)].filter((b) => !expect.breaches?.includes(b)).sort()) for (const line of explainBreach(context, id)) details.push(line);
      for (const id of [...new Set(expect.breaches)].filter((b) => !observed.breaches.includes(b)).sort()) for (const line of explainNoBreach(context, id)) details.push(line);
    }
    fail(t.breachesMismatch({ expected: list(expect.breaches), got: list(observed.breaches) }), details);
  }
  if (expect.notified !== undefined) {
    const missing = expect.notified.filter((r) => !observed.notified.includes(r));
    if (missing.length > 0) fail(t.notifiedMismatch({ expected: list(expect.notified), got: list(observed.notified), missing: list(missing) }));
  }
  if (expect.closed !== undefined && expect.closed !== incident.closed) {
    const word = (value: boolean): string => (value ? t.yes() : t.no());
    fail(t.closedMismatch({ expected: word(expect.closed), got: word(incident.closed) }));
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
