import { formatDuration } from '../../compile/duration.js';

const MIN = 60_000;
const STEPS = [1, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080].map((m) => m * MIN);

/** A tick on a time axis: its time (ms) and its label (offset from the start, e.g. `2h`, `1d6h`). */
export interface TimeTick {
  at: number;
  label: string;
}

/**
 * Ticks for a time axis from `start` to `end`: a step from 1 minute to 1 week chosen so that
 * there are at most `max` ticks, labelled as offsets from `start`.
 *
 * @example
 * ```ts
 * timeTicks(0, 6 * 3_600_000).map((t) => t.label); // ['0m', '1h', '2h', '3h', '4h', '5h', '6h']
 * ```
 */
export function timeTicks(start: number, end: number, max = 10): TimeTick[] {
  const span = Math.max(end - start, MIN);
  const step = STEPS.find((s) => span / s <= max) ?? Math.ceil(span / max / STEPS[STEPS.length - 1]!) * STEPS[STEPS.length - 1]!;
  const out: TimeTick[] = [];
  for (let t = start; t <= end + 1; t += step) out.push({ at: t, label: formatDuration(t - start) });
  return out;
}
