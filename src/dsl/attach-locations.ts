import type { Diagnostic, SourceLocator } from '../diagnostics/diagnostic.js';

/** A locator that can also find mapping keys (the plan checker's {@link SourceMap} can). */
interface KeyLocator extends SourceLocator {
  locateKey?: SourceLocator['locate'];
}

/**
 * Fill in `file` and `range` of diagnostics that have only a `path`, from a plan's locator.
 * Diagnostics about a key (`target: 'key'`) point at the key itself. Returns new objects.
 *
 * @example
 * const located = attachLocations(checkReferences(plan), result.source);
 * located[0].range; // { start: { line: 12, column: 17 }, end: … }
 */
export function attachLocations(diagnostics: readonly Diagnostic[], locator: SourceLocator): Diagnostic[] {
  const keys = locator as KeyLocator;
  return diagnostics.map((d) => {
    if (d.range !== undefined) return d;
    const found = d.target === 'key' && keys.locateKey !== undefined ? keys.locateKey(d.path) : locator.locate(d.path);
    const out: Diagnostic = { ...d };
    if (found.file !== undefined && out.file === undefined) out.file = found.file;
    if (found.range !== undefined) out.range = found.range;
    return out;
  });
}
