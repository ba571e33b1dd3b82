import * as z from 'zod';
import { DURATION_MESSAGE, DURATION_PATTERN, ID_MAX_LENGTH, ID_MESSAGE, ID_PATTERN, isDurationText, LOCALE_MESSAGE, LOCALE_PATTERN } from './patterns.js';

/** An identifier: letters, digits, `-` and `_`, starting with a letter. Used for every id in a plan. */
export const Id = z
  .string()
  .regex(ID_PATTERN, ID_MESSAGE)
  .max(ID_MAX_LENGTH)
  .meta({ description: 'An identifier: a letter, then letters, digits, "-" or "_" (at most 64 characters).' });

/** Text in one language, or a map from locale (e.g. `zh-CN`, `en`) to text. */
export const LocalizedText = z
  .union([
    z.string().min(1),
    z.record(z.string().regex(LOCALE_PATTERN, LOCALE_MESSAGE), z.string().min(1)),
  ])
  .meta({ description: 'Text, either a plain string or a map from locale (zh-CN, en, …) to text.' });
export type LocalizedText = z.infer<typeof LocalizedText>;

/**
 * A duration: `30m`, `2h`, `1h30m`, `7d`, `45s`, or ISO 8601 (`PT30M`, `P1DT2H`).
 * Validated here as a string shape; `parseDuration` turns it into milliseconds.
 */
export const Duration = z
  .string()
  .regex(DURATION_PATTERN, DURATION_MESSAGE)
  .refine(isDurationText, DURATION_MESSAGE)
  .meta({ description: 'A duration: 30m, 2h, 1h30m, 7d, 45s, or ISO 8601 such as PT30M.' });
export type Duration = z.infer<typeof Duration>;
