import { PlanwrightError } from '../errors/planwright-error.js';
/** Why the engine refused an event. */
export type SendErrorCode =
  | 'unknown-event'
  | 'not-in-stage'
  | 'unauthorized'
  | 'invalid-data'
  | 'closed'
  | 'not-found'
  | 'conflict'
  | 'plan-mismatch'
  /** The stored incident failed its integrity check (see `CorruptIncidentError`): refused until repaired. */
  | 'corrupt';

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
  'corrupt',
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

/** Why the engine threw: a refusal's code, `disposed` (used after `dispose`), or `unknown-effect-handler` (`createEngine`). */
export type EngineErrorCode = SendErrorCode | 'disposed' | 'unknown-effect-handler';

/**
 * Thrown by `createEngine` (an effect handler the plan does not ask for), `engine.open`, and engine
 * methods called after `dispose`, with a stable code.
 */
export class EngineError extends PlanwrightError {
  override readonly name = 'EngineError';
  constructor(
    readonly code: EngineErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}
