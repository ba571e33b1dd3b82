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
