import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { PlanwrightError } from '../../errors/planwright-error.js';

/**
 * Thrown by {@link loadScenario} and `runDrill` when a scenario is not valid input. Holds every
 * diagnostic (with file positions when the scenario came from a file).
 *
 * @example
 * ```ts
 * try { loadScenario('bad.drill.yaml', { plan }); }
 * catch (e) { if (e instanceof ScenarioError) console.log(e.diagnostics.map((d) => d.code)); }
 * ```
 */
export class ScenarioError extends PlanwrightError {
  override readonly name = 'ScenarioError';
  readonly code = 'invalid-scenario';
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    const first = diagnostics[0];
    const where = first?.file ? `${first.file}${first.range ? `:${first.range.start.line}:${first.range.start.column}` : ''}: ` : '';
    super(
      first
        ? `${where}${first.code} ${first.message}${diagnostics.length > 1 ? ` (and ${diagnostics.length - 1} more)` : ''}`
        : 'invalid scenario',
    );
  }
}
