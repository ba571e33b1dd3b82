import { PlanwrightError } from '../errors/planwright-error.js';
/** Milliseconds per unit of the short duration form. */
const UNIT_MS = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1_000 } as const;

const SHORT = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;
const ISO = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** Thrown by {@link parseDuration} for text that is not a duration. */
export class DurationError extends PlanwrightError {
  override readonly name = 'DurationError';
  readonly code = 'bad-duration';
  constructor(readonly text: string) {
    super(`not a duration: "${text}" (write e.g. 30m, 2h, 1h30m, 7d, 45s or PT30M)`);
  }
}

/**
 * Parses a plan duration into milliseconds, or returns `undefined` for text that is not one
 * (the checker's form of {@link parseDuration}; it never throws).
 *
 * @example
 * tryParseDuration('1h30m'); // 5_400_000
 * tryParseDuration('soon'); // undefined
 */
export function tryParseDuration(text: string): number | undefined {
  if (typeof text !== 'string' || text === '') return undefined;
  const short = SHORT.exec(text);
  if (short) {
    const [, d, h, m, s] = short;
    return num(d) * UNIT_MS.d + num(h) * UNIT_MS.h + num(m) * UNIT_MS.m + num(s) * UNIT_MS.s;
  }
  const iso = ISO.exec(text);
  if (iso && text !== 'P' && !text.endsWith('T')) {
    const [, w, d, h, m, s] = iso;
    return Math.round(
      num(w) * 7 * UNIT_MS.d + num(d) * UNIT_MS.d + num(h) * UNIT_MS.h + num(m) * UNIT_MS.m + Number(s ?? 0) * UNIT_MS.s,
    );
  }
  return undefined;
}

/**
 * Parses a plan duration into milliseconds: the short form (`30m`, `2h`, `1h30m`, `7d`, `45s`)
 * or ISO 8601 (`PT30M`, `P1DT2H`, `P1W`). Throws {@link DurationError} on anything else.
 *
 * @example
 * parseDuration('1h30m'); // 5_400_000
 * parseDuration('PT30M'); // 1_800_000
 */
export function parseDuration(text: string): number {
  const ms = tryParseDuration(text);
  if (ms === undefined) throw new DurationError(text);
  return ms;
}

/** A unit of the short duration form, largest first. */
export type ShortUnit = keyof typeof UNIT_MS;

const SHORT_UNITS: readonly ShortUnit[] = ['d', 'h', 'm', 's'];

/**
 * Writes milliseconds in the short form (`1h30m`, `2d`, `45s`; what is left below a second is
 * dropped), the inverse of {@link parseDuration}; `largest` is the largest unit used. Zero is `0s`.
 *
 * @example
 * formatShortDuration(5_400_000); // '1h30m'
 * formatShortDuration(5_400_000, 'm'); // '90m'
 */
export function formatShortDuration(ms: number, largest: ShortUnit = 'd'): string {
  let rest = ms;
  let out = '';
  for (const unit of SHORT_UNITS.slice(SHORT_UNITS.indexOf(largest))) {
    const count = Math.floor(rest / UNIT_MS[unit]);
    rest -= count * UNIT_MS[unit];
    if (count > 0) out += `${count}${unit}`;
  }
  return out === '' ? '0s' : out;
}

/**
 * Formats milliseconds compactly (`1h30m`, `2d3h`, `45s`, `0m`), the inverse of {@link parseDuration}
 * for whole seconds. Negative values get a leading `-`.
 *
 * @example
 * ```ts
 * formatDuration(5_400_000); // '1h30m'
 * ```
 */
export function formatDuration(ms: number): string {
  if (ms < 0) return `-${formatDuration(-ms)}`;
  const seconds = Math.round(ms / UNIT_MS.s);
  return seconds === 0 ? '0m' : formatShortDuration(seconds * UNIT_MS.s);
}

function num(part: string | undefined): number {
  return part === undefined ? 0 : Number.parseInt(part, 10);
}
