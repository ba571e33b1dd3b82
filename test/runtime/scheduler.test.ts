import { describe, expect, it } from 'vitest';
import { createEngine, EngineError, type Clock, type PendingEffect } from '../../src/runtime/index.js';
import { openSeed, seedPlan } from './seed-fixtures.js';

const T0 = Date.parse('2024-05-01T08:00:00.000Z');

/** A clock with `schedule`, driven by hand: the engine then schedules itself. */
function schedulingClock() {
  let now = T0;
  const timers: Array<{ at: number; fn: () => void; cancelled: boolean }> = [];
  const clock: Clock = {
    now: () => now,
    schedule(at, fn) {
      const timer = { at, fn, cancelled: false };
      timers.push(timer);
      return () => {
        timer.cancelled = true;
      };
    },
  };
  /** Moves to `ms` after T0 and runs every live timer due by then; waits for the work they start. */
  const runUntil = async (ms: number) => {
    now = T0 + ms;
    for (let guard = 0; guard < 100; guard++) {
      const due = timers.filter((t) => !t.cancelled && t.at <= now);
      if (due.length === 0) break;
      for (const t of due) {
        t.cancelled = true;
        t.fn();
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const pending = () => timers.filter((t) => !t.cancelled).map((t) => t.at - T0);
  return { clock, runUntil, pending };
}

describe('self-scheduling (a clock with schedule, like systemClock)', () => {
  it('wakes for the next due reminder or breach (at most a minute ahead) and fires it without runDue', async () => {
    const { clock, runUntil, pending } = schedulingClock();
    const notified: PendingEffect[] = [];
    const engine = createEngine(seedPlan(), { clock, newId: () => 'PO-1', effects: { notify: async (e) => void notified.push(e) } });
    await openSeed(engine);
    expect(pending()).toEqual([60_000]);
    await runUntil(20 * 60_000);
    expect(notified.map((e) => [e.payload['reason'], e.at])).toEqual([['reminder', '2024-05-01T08:20:00.000Z']]);
    expect(pending()).toEqual([21 * 60_000]);
    await runUntil(30 * 60_000);
    expect(notified.map((e) => e.payload['reason'])).toEqual(['reminder', 'breach']);
    await engine.dispose();
    expect(pending()).toEqual([]);
  });

  it('after dispose, calls are refused with EngineError code disposed', async () => {
    const { clock } = schedulingClock();
    const engine = createEngine(seedPlan(), { clock });
    await engine.dispose();
    await expect(openSeed(engine)).rejects.toBeInstanceOf(EngineError);
    await expect(engine.runDue()).rejects.toMatchObject({ code: 'disposed' });
  });
});
