/** The locales planwright writes messages in. */
export const LOCALES = ['en', 'zh-CN'] as const;

/** A message locale: English (default) or Simplified Chinese. */
export type Locale = (typeof LOCALES)[number];

/**
 * Whether a string names a supported message locale.
 *
 * @example
 * isLocale('zh-CN'); // true
 * isLocale('fr'); // false
 */
export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}
