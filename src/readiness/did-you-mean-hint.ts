import { closestMatch } from '../diagnostics/did-you-mean.js';
import type { Locale } from '../diagnostics/locale.js';

/**
 * A ` Did you mean "x"?` sentence (with its leading space) for a misspelt id, or `''`.
 *
 * @example
 * didYouMean('it-haed', ['it-head', 'monitor'], 'en'); // ' Did you mean "it-head"?'
 */
export function didYouMean(value: string, known: Iterable<string>, locale: Locale): string {
  const guess = closestMatch(value, known);
  if (guess === undefined) return '';
  return locale === 'zh-CN' ? ` 是否想写“${guess}”？` : ` Did you mean "${guess}"?`;
}
