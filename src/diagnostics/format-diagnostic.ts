import { codeFrame, type CodeFrameOptions } from './code-frame.js';
import type { Diagnostic } from './diagnostic.js';
import { formatDiagnosticLine } from './format-diagnostic-line.js';

/**
 * Pretty-print a diagnostic: `file:line:col: error CODE message`, then, when the source text is
 * given and the diagnostic has a range, the source line with a caret under the range.
 *
 * @example
 * formatDiagnostic(d, text);
 * // plans/p.plan.yaml:3:3: error unknown-key unknown key "tittle". Did you mean "title"?
 * //   3 |   tittle: x
 * //     |   ^^^^^^
 */
export function formatDiagnostic(diagnostic: Diagnostic, sourceText?: string, options: CodeFrameOptions = {}): string {
  const line = formatDiagnosticLine(diagnostic);
  if (sourceText === undefined || diagnostic.range === undefined) return line;
  const frame = codeFrame(sourceText, diagnostic.range, options);
  return frame === '' ? line : `${line}\n${frame}`;
}
