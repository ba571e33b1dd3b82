/** A 1-based position in a source file. */
export interface Position {
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
}

/** A range in a source file, start inclusive, end exclusive. */
export interface SourceRange {
  start: Position;
  end: Position;
}

/** How bad a diagnostic is. */
export type DiagnosticSeverity = 'error' | 'warning' | 'info';

/** A path into the plan document: keys and array indices, as in JSON. */
export type DocumentPath = ReadonlyArray<string | number>;

/**
 * One finding about a plan (or a scenario, roster, …): a stable code, a message,
 * the JSON path of the offending node, and where it is in which file.
 */
export interface Diagnostic {
  /** Stable code, e.g. `unknown-key`. Listed in `DIAGNOSTIC_CODES` / the lint rules. */
  code: string;
  severity: DiagnosticSeverity;
  /** Human message (English by default, zh-CN on request). */
  message: string;
  /** JSON path of the offending node in the document it was found in. */
  path: DocumentPath;
  /** File the node is in, when the plan came from a file. */
  file?: string;
  /** Where the node is; for a missing key, the mapping that lacks it. */
  range?: SourceRange;
  /** `'key'` when the finding is about the mapping key at `path` (e.g. an unknown key), not its value. */
  target?: 'key';
  /** The data the message was made from (ids, suggestions, limits), so that it can be re-rendered in another locale. */
  params?: Readonly<Record<string, unknown>>;
}

/**
 * Maps document paths to file positions. The DSL produces one for each checked plan so that
 * later passes (lint, readiness) can point at the node they complain about.
 */
export interface SourceLocator {
  /** The file and range of the node at `path`, or of its nearest existing ancestor. */
  locate(path: DocumentPath): { file?: string; range?: SourceRange };
}
