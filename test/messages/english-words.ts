import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';

/**
 * Finds English words left in a text meant to be Chinese. Ids, codes, file paths, option names and
 * quoted values are not words to translate, so they are removed first; `allowed` lists the other
 * words that may stay (product and format names, contract words, and the ids of the input files).
 */
export function englishWords(text: string, allowed: ReadonlySet<string>): string[] {
  const stripped = text
    .replace(/\u001b\[[0-9;]*m/g, '')
    .replace(/`[^`\n]*`/g, ' ') // code spans
    .replace(/"[^"\n]*"|“[^”\n]*”|「[^」\n]*」/g, ' ') // quoted values
    .replace(/<[^>\s]*>/g, ' ') // placeholders such as <file>, HTML tags
    .replace(/(?<![\w-])--?[A-Za-z][\w-]*/g, ' ') // options
    .replace(/\S*[/\\]\S*/g, ' ') // paths, URLs
    .replace(/\S+\.(?:ya?ml|json|md|html|ts)\b/g, ' ') // file names
    .replace(/\b[\w]+(?:[-_.][\w]+)+\b/g, ' ') // kebab, snake and dotted ids and codes
    .replace(/\b[A-Z][A-Z0-9_]+\b/g, ' ') // EVENT_IDS, CODES, acronyms
    .replace(/\b\w*\d\w*\b/g, ' '); // tokens with digits: 30m, 1h30m, sha256, I, II
  const words = stripped.match(/[A-Za-z]{2,}/g) ?? [];
  return [...new Set(words.filter((w) => !allowed.has(w) && !allowed.has(w.toLowerCase())))];
}

/** Words that stay as they are in Chinese text: names of formats and tools, and the contract's `error`/`warning`. */
export const ALWAYS_ALLOWED = new Set([
  'planwright',
  'error',
  'warning',
  'off',
  'true',
  'false',
  'text',
  'json',
  'sarif',
  'mermaid',
  'state',
  'swimlane',
  'en',
  'zh',
  'createEngine',
  'parse',
  'whenNeeded',
  'Markdown',
  // option values and product names a planner types or installs as they are
  'html',
  'md',
  'docx',
  'pdf',
  'basic',
  'tracks',
  'PostgreSQL',
  'Chromium',
  'Ctrl',
]);

/**
 * The words a planner wrote in plan and drill files that a zh-CN report may show as they are:
 * one-word values (ids such as `wang`, `heat`, `response`), the words inside Chinese texts, and the
 * keys of `people:` and `data:` maps (person and field ids). English translations (`en:` keys) and
 * English sentences are not taken, nor the DSL's own keys (`due`, `after`, `stages`): a report that
 * printed them as prose would be English. Kebab ids (`met-forecaster`) need no entry, as
 * {@link englishWords} removes them whole.
 */
export function plannerWords(files: readonly string[]): Set<string> {
  const words = new Set<string>();
  const add = (text: string): void => {
    for (const word of text.match(/[A-Za-z]{2,}/g) ?? []) words.add(word);
  };
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      if (/^[A-Za-z]+$/.test(value) || /[\u4e00-\u9fff]/.test(value)) add(value);
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (key === 'en') continue;
        if ((key === 'people' || key === 'data') && item !== null && typeof item === 'object') for (const id of Object.keys(item)) add(id);
        visit(item);
      }
    }
  };
  for (const file of files) {
    for (const doc of parseAllDocuments(readFileSync(file, 'utf8'))) if ('toJS' in doc) visit(doc.toJS({ maxAliasCount: 10 }));
  }
  return words;
}

/** The text a person reads in an HTML page: no styles or scripts, tags as line breaks, entities decoded. */
export function htmlText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, '\n')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
