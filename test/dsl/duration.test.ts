import { describe, expect, it } from 'vitest';
import { DurationError, parseDuration, tryParseDuration } from '../../src/compile/duration.js';
import { Duration } from '../../src/dsl/schema/common.js';

const MIN = 60_000;
const HOUR = 60 * MIN;

describe('parseDuration', () => {
  it.each<[string, number]>([
    ['30m', 30 * MIN],
    ['2h', 2 * HOUR],
    ['1h30m', 90 * MIN],
    ['7d', 7 * 24 * HOUR],
    ['45s', 45_000],
    ['1d2h3m4s', 24 * HOUR + 2 * HOUR + 3 * MIN + 4000],
    ['0m', 0],
    ['PT30M', 30 * MIN],
    ['P1DT2H', 26 * HOUR],
    ['P2W', 14 * 24 * HOUR],
    ['PT1.5S', 1500],
  ])('%s is %i ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
    expect(tryParseDuration(text)).toBe(ms);
    expect(Duration.safeParse(text).success).toBe(true);
  });

  it.each(['', 'P', 'PT', '30', '30 m', '1h 30m', 'm30', '1.5h', '2H', 'P1Y', 'PT-1M', 'soon'])('%j is not a duration', (text) => {
    expect(tryParseDuration(text)).toBeUndefined();
    expect(() => parseDuration(text)).toThrow(DurationError);
    expect(Duration.safeParse(text).success).toBe(false);
  });
});
