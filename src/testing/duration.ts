import { formatShortDuration, parseDuration } from '../compile/duration.js';

const SECOND = 1000;

/**
 * Parses a duration as plans and drill files write it (`30m`, `1h30m`, `2d`, `45s`, or ISO 8601
 * such as `PT30M`, `P1DT2H`) into milliseconds. Returns `undefined` for anything else
 * (the DSL's `parseDuration` throws instead).
 *
 * @example
 * ```ts
 * durationToMs('1h30m'); // 5_400_000
 * durationToMs('PT30M'); // 1_800_000
 * durationToMs('soon');  // undefined
 * ```
 */
export function durationToMs(text: string): number | undefined {
  try {
    return parseDuration(text);
  } catch {
    return undefined;
  }
}

/**
 * Formats milliseconds compactly (`1h30m`, `2d3h`, `45s`, `0m`), the inverse of {@link durationToMs}
 * for whole seconds. Negative values get a leading `-`.
 *
 * @example
 * ```ts
 * formatDuration(5_400_000); // '1h30m'
 * ```
 */
export function formatDuration(ms: number): string {
  if (ms < 0) return `-${formatDuration(-ms)}`;
  const seconds = Math.round(ms / SECOND);
  return seconds === 0 ? '0m' : formatShortDuration(seconds * SECOND);
}
