import { PlanwrightError } from '../errors/planwright-error.js';

/** Thrown when `planwright/fastify` or `planwright/express` is set up with an unusable option; `option` names it. */
export class AdapterOptionsError extends PlanwrightError {
  override readonly name = 'AdapterOptionsError';
  readonly code = 'invalid-adapter-options';
  constructor(
    readonly option: string,
    message: string,
  ) {
    super(`option ${option}: ${message}`);
  }
}
