import { PlanwrightError } from '../errors/planwright-error.js';
import type { HttpErrorCode } from './error-codes.js';

/**
 * An error an adapter answers as `{ error: { code, message, details } }` with the code's HTTP
 * status. The adapters throw it for bad requests; an `authenticate` hook may throw it too (for
 * example `unavailable` when the directory is down).
 *
 * @example
 * ```ts
 * throw new HttpError('bad-request', 'invalid request body: type: expected string', { where: 'body' });
 * ```
 */
export class HttpError extends PlanwrightError {
  override readonly name = 'HttpError';
  constructor(
    readonly code: HttpErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
