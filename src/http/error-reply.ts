import { isPlanwrightError } from '../errors/planwright-error.js';
import { HTTP_STATUS, isHttpErrorCode, type HttpErrorCode } from './error-codes.js';

/** The JSON body of every error answer. */
export interface ErrorBody {
  error: { code: HttpErrorCode; message: string; details: Record<string, unknown> };
}

/** What to answer for a thrown error, and whether it is the server's problem (to be logged). */
export interface ErrorReply {
  status: number;
  body: ErrorBody;
  /** A 5xx: the body says only the code; the host's `onError` gets the error itself. */
  serverError: boolean;
}

/**
 * The answer for anything a route threw. A planwright error keeps its code and status
 * ({@link HTTP_STATUS}); a 5xx hides its message and details (they may name files or database
 * rows); anything else is `internal`.
 *
 * @example
 * errorReply(new HttpError('bad-request', 'no body')).status; // 400
 */
export function errorReply(error: unknown): ErrorReply {
  if (isPlanwrightError(error) && isHttpErrorCode(error.code)) {
    const status = HTTP_STATUS[error.code];
    if (status >= 500) return serverError(error.code, status);
    const details = (error as { details?: unknown }).details;
    return {
      status,
      serverError: false,
      body: { error: { code: error.code, message: error.message, details: isRecord(details) ? details : {} } },
    };
  }
  return serverError('internal', HTTP_STATUS.internal);
}

/**
 * An error answer with a code and message of the adapter's own (a refusal from `engine.send`).
 *
 * @example
 * codeReply('not-found', 'no incident "x"', { incidentId: 'x' }).status; // 404
 */
export function codeReply(code: HttpErrorCode, message: string, details: Record<string, unknown> = {}): ErrorReply {
  const status = HTTP_STATUS[code];
  if (status >= 500) return serverError(code, status);
  return { status, serverError: false, body: { error: { code, message, details } } };
}

function serverError(code: HttpErrorCode, status: number): ErrorReply {
  return { status, serverError: true, body: { error: { code, message: `the server could not complete the request (${code})`, details: {} } } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
