import type { DiagnosticCode, DiagnosticParams } from './codes.js';
import type { Diagnostic, DiagnosticSeverity, DocumentPath, SourceRange } from './diagnostic.js';
import { diagnosticMessage } from './diagnostic-message.js';
import type { Locale } from './locale.js';

/** Where a new diagnostic points and how it is rendered. */
export interface CreateDiagnosticOptions {
  severity?: DiagnosticSeverity;
  locale?: Locale;
  file?: string;
  range?: SourceRange;
  /** The finding is about the mapping key at `path` rather than its value. */
  target?: 'key';
}

/**
 * Make a diagnostic of a stable code: its message is rendered from `params` in the locale,
 * and `params` is kept so that it can be rendered again in another locale.
 *
 * @example
 * createDiagnostic('unknown-role', { id: 'boss', known: ['it-head'] }, ['stages', 0, 'on', 0, 'by', 0]);
 * // { code: 'unknown-role', severity: 'error', message: 'unknown role "boss". …', path: [...], params: {...} }
 */
export function createDiagnostic<C extends DiagnosticCode>(
  code: C,
  params: DiagnosticParams[C],
  path: DocumentPath,
  options: CreateDiagnosticOptions = {},
): Diagnostic {
  const diagnostic: Diagnostic = {
    code,
    severity: options.severity ?? 'error',
    message: diagnosticMessage(code, params, options.locale),
    path: [...path],
    params: params as unknown as Readonly<Record<string, unknown>>,
  };
  if (options.file !== undefined) diagnostic.file = options.file;
  if (options.range !== undefined) diagnostic.range = options.range;
  if (options.target !== undefined) diagnostic.target = options.target;
  return diagnostic;
}
