/**
 * A request the studio refuses, with the HTTP status and a stable code the page shows. Thrown by
 * the request handlers and turned into a JSON error response (never a stack trace).
 */
export class StudioError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'StudioError';
  }
}
