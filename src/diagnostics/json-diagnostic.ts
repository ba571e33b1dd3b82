import type { Diagnostic, DiagnosticSeverity } from './diagnostic.js';

/** A diagnostic as the CLI's `--json` output writes it (public contract, see drills-and-cli.md). */
export interface JsonDiagnostic {
  code: string;
  severity: DiagnosticSeverity;
  message: string;
  file: string | null;
  /** 1-based, or null when the diagnostic has no position. */
  line: number | null;
  /** 1-based, or null when the diagnostic has no position. */
  column: number | null;
  path: Array<string | number>;
}

/**
 * Flatten a diagnostic into the JSON shape of the CLI's `--json` output.
 *
 * @example
 * toJsonDiagnostic(d); // { code: 'unknown-key', severity: 'error', message: '…', file: 'p.yaml', line: 3, column: 3, path: ['tittle'] }
 */
export function toJsonDiagnostic(diagnostic: Diagnostic): JsonDiagnostic {
  return {
    code: diagnostic.code,
    severity: diagnostic.severity,
    message: diagnostic.message,
    file: diagnostic.file ?? null,
    line: diagnostic.range?.start.line ?? null,
    column: diagnostic.range?.start.column ?? null,
    path: [...diagnostic.path],
  };
}
