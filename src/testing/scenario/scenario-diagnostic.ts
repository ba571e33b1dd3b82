import type { Diagnostic, DocumentPath, SourceLocator } from '../../diagnostics/diagnostic.js';
import { scenarioMessage, type ScenarioCode, type ScenarioLocale } from './scenario-codes.js';

/** Options shared by the scenario checks. */
export interface ScenarioDiagnosticContext {
  /** Maps paths to positions; absent for scenarios built in code. */
  locator?: SourceLocator & { locateKey?(path: DocumentPath, key: string): ReturnType<SourceLocator['locate']> };
  /** File name to report when there is no locator. */
  file?: string;
  locale?: ScenarioLocale;
}

/**
 * Makes an error diagnostic for a scenario, positioned through the context's locator. With
 * `key`, it points at that key of the mapping at `path` (for unknown keys).
 *
 * @example
 * ```ts
 * scenarioDiagnostic(ctx, 'unknown-person', ['steps', 2, 'by'], { id: 'wu', known: 'wang' });
 * ```
 */
export function scenarioDiagnostic(
  ctx: ScenarioDiagnosticContext,
  code: ScenarioCode,
  path: DocumentPath,
  params: Record<string, string> = {},
  key?: string,
): Diagnostic {
  const where =
    key !== undefined && ctx.locator?.locateKey ? ctx.locator.locateKey(path, key) : (ctx.locator?.locate(path) ?? {});
  const file = where.file ?? ctx.file;
  return {
    code,
    severity: 'error',
    message: scenarioMessage(code, params, ctx.locale),
    path: key === undefined ? [...path] : [...path, key],
    ...(file === undefined ? {} : { file }),
    ...(where.range === undefined ? {} : { range: where.range }),
  };
}

/**
 * Orders diagnostics by position (line, column), then path, so output is stable.
 *
 * @example
 * ```ts
 * diagnostics.sort(compareDiagnostics);
 * ```
 */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  const la = a.range?.start.line ?? 0;
  const lb = b.range?.start.line ?? 0;
  if (la !== lb) return la - lb;
  const ca = a.range?.start.column ?? 0;
  const cb = b.range?.start.column ?? 0;
  if (ca !== cb) return ca - cb;
  return a.path.join('.') < b.path.join('.') ? -1 : a.path.join('.') > b.path.join('.') ? 1 : 0;
}
