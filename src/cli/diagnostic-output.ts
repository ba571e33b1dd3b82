import { type Diagnostic, formatDiagnostic, formatDiagnosticLine, type JsonDiagnostic, type Locale, messagesIn, toJsonDiagnostic } from '../index.js';
import { CLI_MESSAGES } from './cli-messages.js';

/** Options of {@link formatDiagnosticsText}. */
export interface DiagnosticsTextOptions {
  /** Source texts by file name, for code frames. */
  sources?: ReadonlyMap<string, string>;
  /** Add the source line with a caret under each diagnostic (in a terminal). */
  frames?: boolean;
  /** Colour the carets (in a terminal). */
  color?: boolean;
  /** Language of the summary line and the severity words (default en). */
  locale?: Locale;
}

/**
 * Diagnostics as the CLI prints them: one `file:line:col: error CODE message` line each, plus a
 * code frame when `frames` is set, then a summary line. Used by `validate` and `lint`.
 *
 * @example
 * io.stdout(formatDiagnosticsText(result.diagnostics, { sources: result.sources, frames: io.isTTY }));
 */
export function formatDiagnosticsText(diagnostics: readonly Diagnostic[], options: DiagnosticsTextOptions = {}): string {
  const blocks = diagnostics.map((d) => {
    if (options.frames !== true) return formatDiagnosticLine(d);
    const text = d.file === undefined ? undefined : options.sources?.get(d.file);
    const frameOptions = options.color === undefined ? {} : { color: options.color };
    return `${formatDiagnostic(d, text, frameOptions)}\n`;
  });
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  if (diagnostics.length > 0) {
    blocks.push(messagesIn(CLI_MESSAGES, options.locale ?? 'en').summaryLine({ errors, warnings }));
  }
  return blocks.length === 0 ? '' : `${blocks.join('\n')}\n`;
}

/** The `--json` document of `validate` and `lint` (public contract, see drills-and-cli.md). */
export interface DiagnosticsReport {
  ok: boolean;
  diagnostics: JsonDiagnostic[];
}

/**
 * The `--json` document of `validate` and `lint`: `{ ok, diagnostics: [{ code, severity, message, file, line, column, path }] }`.
 *
 * @example
 * io.stdout(`${JSON.stringify(diagnosticsReport(result.ok, result.diagnostics), null, 2)}\n`);
 */
export function diagnosticsReport(ok: boolean, diagnostics: readonly Diagnostic[]): DiagnosticsReport {
  return { ok, diagnostics: diagnostics.map(toJsonDiagnostic) };
}
