import type { Locale } from '../diagnostics/locale.js';

/** Values a message reads: scalars only, lists are joined by the caller. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** One message's text: fixed, or made from its parameters. */
export type MessageText = string | ((params: never) => string);

/** One message in every locale planwright speaks. */
export type Translations = { readonly [L in Locale]: MessageText };

/**
 * A table of messages: stable id → text in en and zh-CN. The type makes a missing translation a
 * compile error; `test/messages/catalogue.test.ts` walks every id of every table at run time too.
 */
export type MessageTable = Readonly<Record<string, Translations>>;

/** The parameters of one message of a table (`void` for a fixed text). */
type ParamsOf<Text> = Text extends (params: infer P) => string ? P : void;

/** A table's messages in one locale: one function per id. */
export type LocalizedMessages<Table extends MessageTable> = {
  readonly [Id in keyof Table]: (params: ParamsOf<Table[Id]['en']>) => string;
};

/**
 * A lookup from a table's English texts to their text in a locale, for messages written in English
 * elsewhere (a schema's error texts) and translated where they are shown: `undefined` for a text
 * the table does not hold.
 *
 * @example
 * const hint = translationsByEnglish(FORMAT_HINT_MESSAGES);
 * hint('a team position such as command.leader or command.deputy', 'zh-CN'); // '小组职位，例如 …'
 */
export function translationsByEnglish(table: MessageTable): (english: string, locale: Locale) => string | undefined {
  const byEnglish = new Map<string, Translations>();
  for (const translations of Object.values(table)) if (typeof translations.en === 'string') byEnglish.set(translations.en, translations);
  return (english, locale) => {
    const text = byEnglish.get(english)?.[locale];
    return typeof text === 'string' ? text : undefined;
  };
}

/**
 * A table's messages in one locale, as functions (a fixed text takes no parameters).
 *
 * @example
 * const t = messagesIn(CLI_MESSAGES, 'zh-CN');
 * t.summaryLine({ errors: 2, warnings: 1 }); // '发现 2 个错误、1 个警告。'
 */
export function messagesIn<Table extends MessageTable>(table: Table, locale: Locale): LocalizedMessages<Table> {
  const out: Record<string, (params: MessageParams) => string> = {};
  for (const [id, translations] of Object.entries(table)) {
    const text = translations[locale];
    out[id] = typeof text === 'string' ? () => text : (params) => (text as (p: MessageParams) => string)(params);
  }
  return out as unknown as LocalizedMessages<Table>;
}
