import type { LocalizedText } from '../dsl/schema/common.js';

/** Values a template may read: the built-in placeholders and field values. */
export type TemplateValues = Readonly<Record<string, unknown>>;

/** A rendered template: text in the plan's default locale, and per locale when localized. */
export interface RenderedTemplate {
  template: string;
  text: string;
  texts?: Record<string, string>;
}

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_-]*)\s*\}\}/g;

/**
 * Fills `{{name}}` placeholders in one text. Missing values render as empty text.
 *
 * @example
 * fillPlaceholders('About {{title}}', { title: 'Water outage' }); // 'About Water outage'
 */
export function fillPlaceholders(text: string, values: TemplateValues): string {
  return text.replace(PLACEHOLDER, (_, name: string) => {
    const v = values[name];
    return v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  });
}

/**
 * Placeholder names used in a template body (all locales).
 *
 * @example
 * templatePlaceholders({ en: '{{title}} {{statement}}' }); // ['title', 'statement']
 */
export function templatePlaceholders(body: LocalizedText): string[] {
  const texts = typeof body === 'string' ? [body] : Object.values(body);
  const out = new Set<string>();
  for (const t of texts) for (const m of t.matchAll(PLACEHOLDER)) if (m[1] !== undefined) out.add(m[1]);
  return [...out];
}

/**
 * Renders a template body: a plain text, or per locale with `text` in `defaultLocale` (else the
 * first locale given). `values` may be a function of the locale being rendered (for placeholders
 * such as `severityTitle` whose text depends on the language; a plain text gets `defaultLocale`).
 *
 * @example
 * renderBody('hs', { 'zh-CN': '关于{{title}}', en: 'About {{title}}' }, { title: 'X' }, 'en').text; // 'About X'
 */
export function renderBody(
  template: string,
  body: LocalizedText,
  values: TemplateValues | ((locale: string | undefined) => TemplateValues),
  defaultLocale?: string,
): RenderedTemplate {
  const valuesIn = typeof values === 'function' ? values : () => values;
  if (typeof body === 'string') return { template, text: fillPlaceholders(body, valuesIn(defaultLocale)) };
  const texts: Record<string, string> = {};
  for (const locale of Object.keys(body).sort()) texts[locale] = fillPlaceholders(body[locale] ?? '', valuesIn(locale));
  const first = Object.keys(body)[0] ?? '';
  const text = texts[defaultLocale !== undefined && defaultLocale in texts ? defaultLocale : first] ?? '';
  return { template, text, texts };
}
