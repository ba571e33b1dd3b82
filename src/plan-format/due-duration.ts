import { tryParseDuration } from '../compile/duration.js';
import { IMMEDIATELY } from './patterns.js';
import type { Timing } from '../dsl/schema/timing.js';

/**
 * The milliseconds of a deadline's duration text: a duration, or `immediately` (the plan's
 * `timing.immediately`). `undefined` when it is neither (or `immediately` is not defined).
 *
 * @example
 * dueDurationMs('30m', undefined); // 1_800_000
 * dueDurationMs('immediately', { immediately: '15m' }); // 900_000
 */
export function dueDurationMs(text: string, timing: Timing | undefined): number | undefined {
  if (text === IMMEDIATELY) return timing?.immediately === undefined ? undefined : tryParseDuration(timing.immediately);
  return tryParseDuration(text);
}
