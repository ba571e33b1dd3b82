import type { Diagnostic, DiagnosticSeverity, DocumentPath } from '../diagnostics/diagnostic.js';
import type { Locale } from '../diagnostics/locale.js';
import { formatMessage } from '../analysis/format-message.js';
import type { MessageData } from '../analysis/rule.js';
import type { DataFileLocator } from './read-data-file.js';
import { READINESS_MESSAGES, type ReadinessCode } from './readiness-codes.js';

/** Where a readiness finding points: a node of the roster or inventory, or one of its keys. */
export interface ReadinessTarget {
  readonly source: DataFileLocator;
  readonly path: DocumentPath;
  /** Point at the mapping key at `path` (e.g. `people:`) rather than its value. */
  readonly key?: boolean;
}

/**
 * Makes a readiness diagnostic: code, severity, message in the locale, and the position in the
 * roster or inventory file.
 *
 * @example
 * readinessDiagnostic('role-unstaffed', 'error', { role: 'pump-operator', title: '排水泵操作员' }, { source, path: ['people'], key: true }, 'en');
 */
export function readinessDiagnostic(
  code: ReadinessCode,
  severity: DiagnosticSeverity,
  data: MessageData,
  target: ReadinessTarget,
  locale: Locale = 'en',
): Diagnostic {
  const where = target.key === true ? target.source.locateKey(target.path) : target.source.locate(target.path);
  const diagnostic: Diagnostic = {
    code,
    severity,
    message: formatMessage(READINESS_MESSAGES[code][locale], data),
    path: [...target.path],
    params: { ...data },
  };
  if (where.file !== undefined) diagnostic.file = where.file;
  if (where.range !== undefined) diagnostic.range = where.range;
  if (target.key === true) diagnostic.target = 'key';
  return diagnostic;
}
