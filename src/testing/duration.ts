import { parseDuration } from '../compile/duration.js';

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

export { formatDuration } from '../compile/duration.js';
