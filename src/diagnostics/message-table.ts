import type { DiagnosticCode, DiagnosticParams } from './codes.js';

/** One locale's messages: a function per code from the diagnostic's data to text. */
export type MessageTable = { readonly [C in DiagnosticCode]: (params: DiagnosticParams[C]) => string };

/**
 * Quote a value for a message: `"value"`.
 *
 * @example
 * quote('assess'); // '"assess"'
 */
export function quote(value: string): string {
  return JSON.stringify(value);
}

/**
 * List values for a message, quoted, at most `max` of them (then `…`).
 *
 * @example
 * listOf(['a', 'b', 'c'], 2); // '"a", "b", …'
 */
export function listOf(values: readonly string[], max = 10, separator = ', '): string {
  const shown = values.slice(0, max).map(quote);
  if (values.length > max) shown.push('…');
  return shown.join(separator);
}
