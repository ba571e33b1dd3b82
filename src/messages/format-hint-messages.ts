import type { Locale } from '../diagnostics/locale.js';
import type { MessageTable, Translations } from './message-table.js';

/**
 * What a value of a data file should look like, for patterns outside the plan schema (whose formats
 * have their own words in the diagnostics tables). Schemas are written with the English text;
 * {@link formatHintIn} finds the translation.
 */
export const FORMAT_HINT_MESSAGES = {
  teamPosition: { en: 'a team position such as command.leader or command.deputy', 'zh-CN': '小组职位，例如 command.leader 或 command.deputy' },
} as const satisfies MessageTable;

const BY_ENGLISH = new Map<string, Translations>(Object.values(FORMAT_HINT_MESSAGES).map((m) => [m.en, m]));

/**
 * A format hint in a locale, or `undefined` when the hint has no translation.
 *
 * @example
 * formatHintIn('a team position such as command.leader or command.deputy', 'zh-CN'); // '小组职位，例如 command.leader 或 command.deputy'
 */
export function formatHintIn(english: string | undefined, locale: Locale): string | undefined {
  if (english === undefined) return undefined;
  const text = BY_ENGLISH.get(english)?.[locale];
  return typeof text === 'string' ? text : undefined;
}
