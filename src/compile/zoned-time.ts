/**
 * Wall-clock time in an IANA time zone, for every place that shows or computes one (deadline
 * dues at a clock time, template placeholders, reports, drill output).
 *
 * One `Intl.DateTimeFormat` per zone, made once and kept: making one costs tens of microseconds
 * (`Date.prototype.toLocaleString` makes one per call), which showed as the largest single cost of
 * a send whose templates name `openedAt`. The zones are those of plans (validated IANA names), so
 * the cache stays small; a zone Intl does not know throws a `RangeError` and is not cached.
 */

/** The calendar and clock fields of an instant in a time zone. */
export interface WallClockFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/**
 * The wall-clock fields of instant `ms` in `timeZone`; throws `RangeError` for a zone Intl does not know.
 *
 * @example
 * wallClockFields(Date.parse('2026-03-02T01:00:00Z'), 'Asia/Shanghai'); // { year: 2026, month: 3, day: 2, hour: 9, minute: 0, second: 0 }
 */
export function wallClockFields(ms: number, timeZone: string): WallClockFields {
  const fields: WallClockFields = { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0 };
  for (const part of formatterFor(timeZone).formatToParts(ms)) {
    if (part.type === 'year' || part.type === 'month' || part.type === 'day' || part.type === 'hour' || part.type === 'minute' || part.type === 'second') {
      fields[part.type] = Number(part.value);
    }
  }
  return fields;
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/**
 * Instant `ms` as `YYYY-MM-DD HH:mm` (or `YYYY-MM-DD HH:mm:ss` with `seconds`) in `timeZone`;
 * throws `RangeError` for a zone Intl does not know.
 *
 * @example
 * formatWallClock(Date.parse('2026-03-02T16:30:00Z'), 'Asia/Shanghai'); // '2026-03-03 00:30'
 */
export function formatWallClock(ms: number, timeZone: string, options: { seconds?: boolean } = {}): string {
  const f = wallClockFields(ms, timeZone);
  const minutes = `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)} ${pad(f.hour)}:${pad(f.minute)}`;
  return options.seconds === true ? `${minutes}:${pad(f.second)}` : minutes;
}
