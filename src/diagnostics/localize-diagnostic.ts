import { isDiagnosticCode, type DiagnosticParams } from './codes.js';
import type { Diagnostic } from './diagnostic.js';
import { diagnosticMessage } from './diagnostic-message.js';
import type { Locale } from './locale.js';

/**
 * Re-render a diagnostic's message in another locale. Diagnostics of codes this module does not
 * know (lint rules, …) or without `params` are returned unchanged.
 *
 * @example
 * localizeDiagnostic(diagnostic, 'zh-CN').message; // '未知的键 "tempate"。是否想写 "template"？'
 */
export function localizeDiagnostic(diagnostic: Diagnostic, locale: Locale): Diagnostic {
  const { code, params } = diagnostic;
  if (params === undefined || !isDiagnosticCode(code)) return diagnostic;
  return { ...diagnostic, message: diagnosticMessage(code, params as unknown as DiagnosticParams[typeof code], locale) };
}
