import { parseDuration } from '../compile/duration.js';

/**
 * Where the engine reads the time. `schedule`, when present, lets the engine wake itself for
 * the next due deadline (the system clock has it; a manual clock does not: call `runDue()`).
 */
export interface Clock {
  /** Current time in ms since the epoch. */
  now(): number;
  /** Calls `fn` at (or soon after) time `at`; returns a function that cancels the call. */
  schedule?(at: number, fn: () => void): () => void;
}

/** A clock tests and drills move by hand. */
export interface ManualClock extends Clock {
  /** Moves the clock forward by a duration (`30m`, `PT2H`) or a number of ms; returns the new time. */
  advance(by: string | number): number;
  /** Sets the clock to a time (ms, ISO 8601 text or Date); returns the new time. */
  set(time: number | string | Date): number;
}

/**
 * The real clock. Its `schedule` uses unref'd timers, so a pending deadline never keeps a
 * process alive.
 *
 * @example
 * const engine = createEngine(bundle, { clock: systemClock });
 */
export const systemClock: Clock = {
  now: () => Date.now(),
  schedule(at, fn) {
    // setTimeout holds at most ~24.8 days; wake earlier and let the engine re-schedule.
    const delay = Math.min(Math.max(0, at - Date.now()), 2 ** 31 - 1);
    const timer = setTimeout(fn, delay);
    timer.unref?.();
    return () => clearTimeout(timer);
  },
};

function toMs(time: number | string | Date): number {
  const ms = typeof time === 'number' ? time : typeof time === 'string' ? Date.parse(time) : time.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`not a time: ${String(time)}`);
  return ms;
}

/**
 * A clock that only moves when told to. Deadlines then fire when you call `engine.runDue()`.
 *
 * @example
 * const clock = createManualClock('2024-05-01T08:00:00Z');
 * clock.advance('30m');
 * new Date(clock.now()).toISOString(); // '2024-05-01T08:30:00.000Z'
 */
export function createManualClock(start: number | string | Date = 0): ManualClock {
  let current = toMs(start);
  return {
    now: () => current,
    advance(by) {
      const ms = typeof by === 'number' ? by : parseDuration(by);
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`cannot advance a clock by ${String(by)}`);
      current += ms;
      return current;
    },
    set(time) {
      current = toMs(time);
      return current;
    },
  };
}
