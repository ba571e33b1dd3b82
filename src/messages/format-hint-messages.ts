import type { Locale } from '../diagnostics/locale.js';
import { translationsByEnglish, type MessageTable } from './message-table.js';

/**
 * What a value of a data file should look like, for patterns outside the plan schema (whose formats
 * have their own words in the diagnostics tables). Schemas are written with the English text;
 * {@link formatHintIn} finds the translation.
 */
export const FORMAT_HINT_MESSAGES = {
  teamPosition: { en: 'a team position such as command.leader or command.deputy', 'zh-CN': '小组职位，例如 command.leader 或 command.deputy' },
} as const satisfies MessageTable;

const translated = translationsByEnglish(FORMAT_HINT_MESSAGES);

/**
 * A format hint in a locale, or `undefined` when the hint has no translation.
 *
 * @example
 * formatHintIn('a team position such as command.leader or command.deputy', 'zh-CN'); // '小组职位，例如 command.leader 或 command.deputy'
 */
export function formatHintIn(english: string | undefined, locale: Locale): string | undefined {
  return english === undefined ? undefined : translated(english, locale);
}
