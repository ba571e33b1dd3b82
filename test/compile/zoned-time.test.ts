import { describe, expect, it } from 'vitest';
import { formatWallClock, wallClockFields } from '../../src/compile/zoned-time.js';

describe('zoned wall-clock time', () => {
  it('gives the fields and the text of an instant in a zone, across midnight and DST', () => {
    expect(wallClockFields(Date.parse('2026-03-02T16:30:05Z'), 'Asia/Shanghai')).toEqual({ year: 2026, month: 3, day: 3, hour: 0, minute: 30, second: 5 });
    expect(formatWallClock(Date.parse('2026-03-02T16:30:05Z'), 'Asia/Shanghai')).toBe('2026-03-03 00:30');
    expect(formatWallClock(Date.parse('2026-03-02T16:30:05Z'), 'Asia/Shanghai', { seconds: true })).toBe('2026-03-03 00:30:05');
    // Europe/Berlin leaves winter time at 01:00 UTC on 2026-03-29 (02:00 local becomes 03:00).
    expect(formatWallClock(Date.parse('2026-03-29T00:59:00Z'), 'Europe/Berlin')).toBe('2026-03-29 01:59');
    expect(formatWallClock(Date.parse('2026-03-29T01:00:00Z'), 'Europe/Berlin')).toBe('2026-03-29 03:00');
    expect(formatWallClock(Date.parse('0999-01-01T00:00:00Z'), 'UTC')).toBe('0999-01-01 00:00');
  });

  it('throws a RangeError for a zone Intl does not know, and keeps answering for known ones', () => {
    expect(() => formatWallClock(0, 'Mars/Olympus_Mons')).toThrow(RangeError);
    expect(formatWallClock(0, 'UTC')).toBe('1970-01-01 00:00');
  });
});
