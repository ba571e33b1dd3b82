import type { Diagnostic } from './diagnostic.js';

/**
 * Order diagnostics for printing: by file (in the order `files` lists them, then by name),
 * then line, then column. Diagnostics without a position come after those with one in their file.
 *
 * @example
 * diagnostics.sort(compareDiagnostics());
 */
export function compareDiagnostics(files: readonly string[] = []): (a: Diagnostic, b: Diagnostic) => number {
  const rank = (file: string | undefined): number => {
    if (file === undefined) return -1;
    const i = files.indexOf(file);
    return i === -1 ? files.length : i;
  };
  return (a, b) => {
    const byRank = rank(a.file) - rank(b.file);
    if (byRank !== 0) return byRank;
    if (a.file !== b.file) return (a.file ?? '') < (b.file ?? '') ? -1 : 1;
    const la = a.range?.start.line ?? Number.MAX_SAFE_INTEGER;
    const lb = b.range?.start.line ?? Number.MAX_SAFE_INTEGER;
    if (la !== lb) return la - lb;
    return (a.range?.start.column ?? 0) - (b.range?.start.column ?? 0);
  };
}
