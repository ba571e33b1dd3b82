import { isLocale, type Locale } from '../index.js';

/** Where a command's message locale may come from, strongest first. */
export interface LocaleSources {
  /** `--locale` (already checked with `isLocale`). */
  option?: Locale | undefined;
  /** The plan's `locales`; the first supported one wins. */
  planLocales?: readonly string[] | undefined;
  /** The `LANG` (or `LC_ALL`, `LC_MESSAGES`) environment value, e.g. `zh_CN.UTF-8`. */
  lang?: string | undefined;
}

/**
 * The locale people read messages in: `--locale`, else the plan's first locale planwright speaks
 * (`zh`, `zh-Hans`, `zh-CN` → zh-CN), else the environment's language (`zh*` → zh-CN), else en.
 *
 * @example
 * resolveLocale({ planLocales: ['zh-CN', 'en'] }); // 'zh-CN'
 * resolveLocale({ option: 'en', planLocales: ['zh-CN'] }); // 'en'
 * resolveLocale({ lang: 'zh_CN.UTF-8' }); // 'zh-CN'
 */
export function resolveLocale(sources: LocaleSources): Locale {
  if (sources.option !== undefined) return sources.option;
  for (const locale of sources.planLocales ?? []) {
    const supported = supportedLocale(locale);
    if (supported !== undefined) return supported;
  }
  return supportedLocale(sources.lang ?? '') ?? 'en';
}

/** `zh…` → zh-CN, `en…` → en, an exact supported locale → itself, else undefined. */
function supportedLocale(tag: string): Locale | undefined {
  if (isLocale(tag)) return tag;
  const lower = tag.toLowerCase();
  if (/^zh(?:$|[-_.])/.test(lower)) return 'zh-CN';
  if (/^en(?:$|[-_.])/.test(lower)) return 'en';
  return undefined;
}

/**
 * The language the environment asks for: `LC_ALL`, else `LC_MESSAGES`, else `LANG`.
 *
 * @example
 * environmentLanguage({ LANG: 'zh_CN.UTF-8' }); // 'zh_CN.UTF-8'
 */
export function environmentLanguage(env: Readonly<Record<string, string | undefined>>): string | undefined {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value !== undefined && value !== '' && value !== 'C' && value !== 'POSIX') return value;
  }
  return undefined;
}
