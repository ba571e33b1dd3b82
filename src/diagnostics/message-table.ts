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
  // JSON escapes C0 controls; DEL, C1 controls and bidi controls are escaped too, so that a value
  // from a plan cannot drive a terminal or reorder the printed line.
  return JSON.stringify(value).replace(/[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
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
