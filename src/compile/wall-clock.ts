import { wallClockFields } from './zoned-time.js';

const DAY_MS = 86_400_000;

/** The offset (ms) of `timeZone` from UTC at instant `at`: local wall-clock time minus UTC. */
function offsetMs(at: number, timeZone: string): number {
  const f = wallClockFields(at, timeZone);
  const local = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
  return local - (at - (at % 1000 + 1000) % 1000);
}

/**
 * The first instant at or after `base` whose wall-clock time in `timeZone` is `minutes` after
 * midnight (`今日21时前`: `minutes` 1260). Daylight-saving shifts are followed.
 *
 * @example
 * nextWallClock(Date.parse('2026-07-01T19:30:00+08:00'), 21 * 60, 'Asia/Shanghai'); // Date.parse('2026-07-01T21:00:00+08:00')
 */
export function nextWallClock(base: number, minutes: number, timeZone: string): number {
  const offset = offsetMs(base, timeZone);
  const localMidnight = Math.floor((base + offset) / DAY_MS) * DAY_MS;
  for (let day = 0; day < 3; day++) {
    const local = localMidnight + day * DAY_MS + minutes * 60_000;
    // Local time → instant, corrected once with the offset that holds at the candidate.
    let candidate = local - offset;
    candidate = local - offsetMs(candidate, timeZone);
    if (candidate >= base) return candidate;
  }
  return localMidnight + 3 * DAY_MS + minutes * 60_000 - offset;
}
