/** Why the engine refused an event. */
export type SendErrorCode =
  | 'unknown-event'
  | 'not-in-stage'
  | 'unauthorized'
  | 'invalid-data'
  | 'closed'
  | 'not-found'
  | 'conflict'
  | 'plan-mismatch';

/** Every {@link SendErrorCode}, for exhaustive tables. */
export const SEND_ERROR_CODES: readonly SendErrorCode[] = [
  'unknown-event',
  'not-in-stage',
  'unauthorized',
  'invalid-data',
  'closed',
  'not-found',
  'conflict',
  'plan-mismatch',
];

/** A refusal: a stable code, an English message, and details (stage, roles, fields, …). */
export interface SendError {
  code: SendErrorCode;
  message: string;
  details: Record<string, unknown>;
}

/**
 * Builds a {@link SendError}.
 *
 * @example
 * sendError('not-found', 'no incident "x"', { incidentId: 'x' });
 */
export function sendError(code: SendErrorCode, message: string, details: Record<string, unknown> = {}): SendError {
  return { code, message, details };
}

/**
 * Thrown by `engine.open` (and by engine methods called after `dispose`) with a stable code.
 */
export class EngineError extends Error {
  override readonly name = 'EngineError';
  constructor(
    readonly code: SendErrorCode | 'disposed',
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}
