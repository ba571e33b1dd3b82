export type { Diagnostic, DiagnosticSeverity, DocumentPath, Position, SourceLocator, SourceRange } from './diagnostic.js';
export {
  DIAGNOSTIC_CODES,
  isDiagnosticCode,
  type DiagnosticCode,
  type DiagnosticParams,
  type FormatKind,
  type IdKind,
  type InvalidValueParams,
  type UnknownRefParams,
  type ValueKind,
  type InputMistakeCode,
  type InputMistakeParams,
} from './codes.js';
export { LOCALES, isLocale, type Locale } from './locale.js';
export type { MessageTable } from './message-table.js';
export { messagesEn } from './messages-en.js';
export { messagesZhCn } from './messages-zh-cn.js';
export { diagnosticMessage } from './diagnostic-message.js';
export { createDiagnostic, type CreateDiagnosticOptions } from './create-diagnostic.js';
export { localizeDiagnostic } from './localize-diagnostic.js';
export { closestMatch, editDistance } from './did-you-mean.js';
export { formatPath } from './format-path.js';
export { formatDiagnosticLine } from './format-diagnostic-line.js';
export { codeFrame, type CodeFrameOptions } from './code-frame.js';
export { formatDiagnostic } from './format-diagnostic.js';
export { toJsonDiagnostic, type JsonDiagnostic } from './json-diagnostic.js';
export { compareDiagnostics } from './compare-diagnostics.js';
export { PlanError } from './plan-error.js';
