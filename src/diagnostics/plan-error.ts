import type { Diagnostic } from './diagnostic.js';
import { formatDiagnosticLine } from './format-diagnostic-line.js';
import { PlanwrightError } from '../errors/planwright-error.js';

/**
 * Thrown by `load…()` functions when a plan (or scenario, bundle, …) has errors.
 * `diagnostics` holds every finding, errors and warnings.
 *
 * @example
 * try { loadPlan({ file: 'plans/p.plan.yaml' }); }
 * catch (e) { if (e instanceof PlanError) console.error(e.diagnostics.length); }
 */
export class PlanError extends PlanwrightError {
  override readonly name = 'PlanError';
  readonly code = 'plan-has-errors';
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[], message?: string) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    const first = errors[0] ?? diagnostics[0];
    super(
      message ??
        (first === undefined
          ? 'the plan has errors'
          : `the plan has ${errors.length} error${errors.length === 1 ? '' : 's'}; first: ${formatDiagnosticLine(first)}`),
    );
    this.diagnostics = diagnostics;
  }
}
