import * as z from 'zod';

/** An identifier: letters, digits, `-` and `_`, starting with a letter. Used for every id in a plan. */
export const Id = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'an id starts with a letter and holds only letters, digits, "-" and "_"')
  .max(64)
  .meta({ description: 'An identifier: a letter, then letters, digits, "-" or "_" (at most 64 characters).' });

/** Text in one language, or a map from locale (e.g. `zh-CN`, `en`) to text. */
export const LocalizedText = z
  .union([
    z.string().min(1),
    z.record(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a locale such as "zh-CN" or "en"'), z.string().min(1)),
  ])
  .meta({ description: 'Text, either a plain string or a map from locale (zh-CN, en, …) to text.' });
export type LocalizedText = z.infer<typeof LocalizedText>;

/**
 * A duration: `30m`, `2h`, `1h30m`, `7d`, `45s`, or ISO 8601 (`PT30M`, `P1DT2H`).
 * Validated here as a string shape; `parseDuration` turns it into milliseconds.
 */
export const Duration = z
  .string()
  .regex(
    /^(?:(?:\d+d)?(?:\d+h)?(?:\d+m)?(?:\d+s)?|P(?:\d+W)?(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?)$/,
    'a duration such as 30m, 2h, 1h30m, 7d or PT30M',
  )
  .refine((s) => s !== '' && s !== 'P' && !s.endsWith('T'), 'a duration such as 30m, 2h, 1h30m, 7d or PT30M')
  .meta({ description: 'A duration: 30m, 2h, 1h30m, 7d, 45s, or ISO 8601 such as PT30M.' });
export type Duration = z.infer<typeof Duration>;
