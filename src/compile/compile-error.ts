import { PlanwrightError } from '../errors/planwright-error.js';
/** One reason a definition cannot be compiled, with the JSON path of the offending node. */
export interface CompileProblem {
  code: string;
  path: ReadonlyArray<string | number>;
  message: string;
}

/**
 * Thrown by `compilePlan` for a definition the DSL checks should have rejected (a reference to
 * a stage, event, field or template that does not exist, …). XState never sees such a plan.
 */
export class CompileError extends PlanwrightError {
  override readonly name = 'CompileError';
  readonly code = 'not-compilable';
  constructor(readonly problems: readonly CompileProblem[]) {
    super(
      `plan cannot be compiled: ${problems
        .slice(0, 5)
        .map((p) => `${p.path.join('.')}: ${p.message}`)
        .join('; ')}${problems.length > 5 ? ` (+${problems.length - 5} more)` : ''}`,
    );
  }
}
