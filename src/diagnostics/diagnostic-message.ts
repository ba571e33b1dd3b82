import type { DiagnosticCode, DiagnosticParams } from './codes.js';
import type { Locale } from './locale.js';
import type { MessageTable } from './message-table.js';
import { messagesEn } from './messages-en.js';
import { messagesZhCn } from './messages-zh-cn.js';

const TABLES: Record<Locale, MessageTable> = { en: messagesEn, 'zh-CN': messagesZhCn };

/**
 * Render the message of a diagnostic code from its data, in a locale (English by default).
 *
 * @example
 * diagnosticMessage('unknown-key', { key: 'tempate', allowed: ['template'], suggestion: 'template' });
 * // 'unknown key "tempate". Did you mean "template"?'
 */
export function diagnosticMessage<C extends DiagnosticCode>(code: C, params: DiagnosticParams[C], locale: Locale = 'en'): string {
  const render = TABLES[locale][code] as (p: DiagnosticParams[C]) => string;
  return render(params);
}
