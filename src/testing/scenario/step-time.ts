import { durationToMs } from '../duration.js';

/**
 * The instant (epoch ms) of a step's `at`: an offset from `start` (`10m`, `1h30m`, `2d`) or an
 * absolute ISO 8601 time with offset. Returns `undefined` when `at` is neither.
 *
 * @example
 * ```ts
 * stepTime('2026-03-02T09:00:00+08:00', '1h30m'); // Date.parse('2026-03-02T10:30:00+08:00')
 * ```
 */
export function stepTime(start: string, at: string): number | undefined {
  const offset = durationToMs(at);
  if (offset !== undefined) return Date.parse(start) + offset;
  const abs = Date.parse(at);
  return Number.isNaN(abs) ? undefined : abs;
}
