import { formatDuration } from '../duration.js';
import { formatWallClock } from '../../compile/zoned-time.js';

/** Formats drill times for people: wall-clock time in the plan's zone and the offset from the drill start. */
export interface DrillClock {
  /** `09:40 (+40m)`, or `2026-03-03 09:40 (+1d40m)` on another day than the start. */
  format(time: string | number): string;
}

const OFFSET = /([+-])(\d{2}):?(\d{2})$|Z$/i;

/**
 * A clock for drill explanations: times in the plan's IANA `timezone`, else in the offset the drill's
 * `start` is written with (`…+08:00`), with the offset from the start as drill files write steps.
 *
 * @example
 * drillClock('2026-03-02T09:00:00+08:00', 'Asia/Shanghai').format('2026-03-02T01:40:00.000Z'); // '09:40 (+40m)'
 */
export function drillClock(start: string, timeZone?: string): DrillClock {
  const startMs = Date.parse(start);
  const match = OFFSET.exec(start);
  const offsetMinutes = match?.[1] === undefined ? 0 : (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
  const wall = (ms: number): string => {
    if (timeZone !== undefined) {
      try {
        return formatWallClock(ms, timeZone, { seconds: true });
      } catch {
        // an unknown zone: fall back to the start's offset
      }
    }
    return new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 19).replace('T', ' ');
  };
  const startDay = wall(startMs).slice(0, 10);
  return {
    format(time) {
      const ms = typeof time === 'number' ? time : Date.parse(time);
      const text = wall(ms);
      const clock = text.endsWith(':00') ? text.slice(11, 16) : text.slice(11);
      const shown = text.slice(0, 10) === startDay ? clock : `${text.slice(0, 10)} ${clock}`;
      const offset = ms - startMs;
      return `${shown} (${offset < 0 ? '' : '+'}${formatDuration(offset)})`;
    },
  };
}
