import { describe, expect, it } from 'vitest';
import { drillClock } from '../../../src/testing/drill/drill-clock.js';

describe('drillClock: times in drill explanations', () => {
  it('shows the wall time in the plan’s zone and the offset from the start', () => {
    const clock = drillClock('2026-03-02T09:00:00+08:00', 'Asia/Shanghai');
    expect(clock.format('2026-03-02T01:40:00.000Z')).toBe('09:40 (+40m)');
    expect(clock.format(Date.parse('2026-03-03T02:30:00Z'))).toBe('2026-03-03 10:30 (+1d1h30m)');
    expect(clock.format('2026-03-02T01:00:30.000Z')).toBe('09:00:30 (+30s)');
  });

  it('uses the offset the start is written with when the plan names no zone, or an unknown one', () => {
    expect(drillClock('2026-03-02T09:00:00-05:00').format('2026-03-02T14:45:00Z')).toBe('09:45 (+45m)');
    expect(drillClock('2026-03-02T09:00:00+01:00', 'Nowhere/City').format('2026-03-02T09:00:00Z')).toBe('10:00 (+1h)');
    expect(drillClock('2026-03-02T09:00:00Z').format('2026-03-02T08:00:00Z')).toBe('08:00 (-1h)');
  });
});
