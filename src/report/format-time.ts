import { formatDuration } from '../compile/duration.js';
import { formatWallClock } from '../compile/zoned-time.js';

/**
 * An offset from a start time as `+1h30m` (`+0m` at the start).
 *
 * @example
 * ```ts
 * formatOffset(5_400_000); // '+1h30m'
 * ```
 */
export function formatOffset(ms: number): string {
  return ms < 0 ? formatDuration(ms) : `+${formatDuration(ms)}`;
}

/**
 * A time as `YYYY-MM-DD HH:mm` in an IANA time zone (the plan's), or UTC when none is given.
 *
 * @example
 * ```ts
 * formatLocalTime(Date.parse('2026-03-02T01:00:00Z'), 'Asia/Shanghai'); // '2026-03-02 09:00'
 * ```
 */
export function formatLocalTime(ms: number, timeZone?: string): string {
  try {
    return formatWallClock(ms, timeZone ?? 'UTC');
  } catch {
    return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
  }
}

/**
 * A share as a percentage with at most one decimal (`87.5%`), or `—` when undefined.
 *
 * @example
 * ```ts
 * formatPercent(0.875); // '87.5%'
 * ```
 */
export function formatPercent(share: number | undefined): string {
  if (share === undefined || !Number.isFinite(share)) return '—';
  return `${Math.round(share * 1000) / 10}%`;
}
