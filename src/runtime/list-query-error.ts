import { PlanwrightError } from '../errors/planwright-error.js';

/** The `engine.list` parameter a {@link ListQueryError} is about. */
export type ListQueryParameter = 'filter' | 'open' | 'overdue' | 'stage' | 'limit' | 'cursor';

/**
 * Thrown by `engine.list` for a query it cannot serve: a `limit` out of range, a `cursor` that is
 * not one `engine.list` issued (malformed, cut, edited) or that was issued for other filters, a
 * filter of the wrong type. `parameter` names which; the HTTP adapters answer it with 400.
 *
 * @example
 * ```ts
 * try {
 *   await engine.list({ cursor: request.query.cursor });
 * } catch (error) {
 *   if (error instanceof ListQueryError) reply.status(400).send({ parameter: error.parameter, message: error.reason });
 * }
 * ```
 */
export class ListQueryError extends PlanwrightError {
  override readonly name = 'ListQueryError';
  readonly code = 'invalid-list-query';
  /** `{ parameter }`, as the HTTP error body's details. */
  readonly details: { parameter: ListQueryParameter };
  constructor(
    readonly parameter: ListQueryParameter,
    readonly reason: string,
  ) {
    super(`invalid list query: ${parameter}: ${reason}`);
    this.details = { parameter };
  }
}
