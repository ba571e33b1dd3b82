import type { Diagnostic } from './diagnostic.js';
import { formatPath } from './format-path.js';
import { escapeTerminalText } from './terminal-safe-text.js';

/**
 * One line for a diagnostic, the way `tsc` and `eslint` print: `file:line:col: error CODE message`.
 * Without a position the line reads `file: error CODE message (at path)`.
 *
 * @example
 * formatDiagnosticLine(d); // 'plans/p.plan.yaml:12:5: error unknown-key unknown key "tempate". Did you mean "template"?'
 */
export function formatDiagnosticLine(diagnostic: Diagnostic): string {
  // A file name or message may carry a plan's control characters: printed as escapes, never raw.
  const file = escapeTerminalText(diagnostic.file ?? '<plan>');
  const head = escapeTerminalText(`${diagnostic.severity} ${diagnostic.code} ${diagnostic.message}`);
  if (diagnostic.range === undefined) {
    const at = diagnostic.path.length > 0 ? ` (at ${formatPath(diagnostic.path)})` : '';
    return `${file}: ${head}${at}`;
  }
  const { line, column } = diagnostic.range.start;
  return `${file}:${line}:${column}: ${head}`;
}
