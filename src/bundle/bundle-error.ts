import { PlanwrightError } from '../errors/planwright-error.js';
/** What is wrong with a bundle. */
export type BundleErrorCode = 'not-a-bundle' | 'unsupported-format-version' | 'invalid-definition' | 'hash-mismatch' | 'plan-not-compilable';

/** Thrown by `loadBundle` for a bundle it cannot use; `code` says why, `issues` where. */
export class BundleError extends PlanwrightError {
  override readonly name = 'BundleError';
  constructor(
    readonly code: BundleErrorCode,
    message: string,
    readonly issues: ReadonlyArray<{ path: ReadonlyArray<string | number>; message: string }> = [],
  ) {
    super(message);
  }
}
