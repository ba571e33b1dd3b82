import { describe, expect, it } from 'vitest';
import { DurationError, formatShortDuration, parseDuration, tryParseDuration } from '../../src/compile/duration.js';
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

describe('formatShortDuration', () => {
  it.each<[number, 'd' | 'h' | 'm' | 's' | undefined, string]>([
    [90 * MIN, undefined, '1h30m'],
    [90 * MIN, 'm', '90m'],
    [26 * HOUR + 45_000, undefined, '1d2h45s'],
    [48 * HOUR, 'h', '48h'],
    [0, undefined, '0s'],
    [1_500, undefined, '1s'],
  ])('%d ms (largest unit %s) is %s, and reads back as the same whole seconds', (ms, largest, text) => {
    expect(formatShortDuration(ms, largest)).toBe(text);
    expect(parseDuration(text)).toBe(Math.floor(ms / 1000) * 1000);
  });
});
