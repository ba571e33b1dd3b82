import type { Engine } from '../runtime/engine-types.js';
import type { Actor } from '../runtime/incident.js';

/**
 * Turns a request into the acting person (`by`), or `undefined` for "not signed in" (401). Verify
 * a session cookie or bearer token here and look the person's plan roles up in your directory.
 * May throw an `HttpError` (e.g. `unavailable` when the directory is down).
 */
export type Authenticate<Request> = (request: Request) => Actor | undefined | Promise<Actor | undefined>;

/** Limits of the `GET /changes` event streams. */
export interface ChangeStreamOptions {
  /** Streams open at once; one more is answered 503 `unavailable` (default 100). */
  maxStreams?: number;
  /** A comment line every so many ms keeps proxies from closing an idle stream (default 15 000). */
  heartbeatMs?: number;
  /** A client that lets this many bytes pile up unread is cut off (default 1 MiB). */
  maxBufferedBytes?: number;
}

/** Options both adapters take. */
export interface PlanwrightHttpOptions<Request> {
  /** The engine to serve (the host creates it, and disposes it after the server closes). */
  engine: Engine;
  /** Who is asking; every route but `GET /health` needs someone. */
  authenticate: Authenticate<Request>;
  /**
   * Whether a body's `by` is taken as the actor: `'refuse'` (default) answers 400 to a body that
   * has one; `'trust'` lets it stand in for the authenticated person — only for a caller the
   * host trusts to speak for others (a gateway that did the sign-in itself).
   */
  bodyActor?: 'refuse' | 'trust';
  /** Largest JSON body in bytes (default 1 MiB); a larger one is answered 413. */
  bodyLimit?: number;
  /** `GET /changes` event streams (default on, with their default limits); `false` leaves the route out. */
  changeStreams?: ChangeStreamOptions | false;
  /** Gets every error answered with a 5xx (whose body names only the code); default `console.error`. */
  onError?: (error: unknown, request: Request) => void;
}
