import type { Actor } from '../runtime/incident.js';
import { AdapterOptionsError } from './adapter-options-error.js';
import type { PlanwrightHttpOptions } from './adapter-options.js';
import { ChangeStreams } from './change-streams.js';
import { errorReply, type ErrorReply } from './error-reply.js';
import { HttpError } from './http-error.js';
import { methodsByPath, routeTable, type PlanwrightRoute, type RouteInput, type RouteReply } from './routes.js';

const DEFAULT_BODY_LIMIT = 1024 * 1024;
const MAX_BODY_LIMIT = 64 * 1024 * 1024;

/**
 * What the Fastify and Express adapters share: the route table, authentication, and the error
 * answer, so that the two answer every request alike. Each adapter adds only its framework's
 * plumbing (registering routes, reading bodies, writing replies).
 * @internal
 */
export interface HttpCore<Request> {
  routes: readonly PlanwrightRoute[];
  /** Methods each path answers (the others get 405). */
  methods: ReadonlyMap<string, readonly string[]>;
  bodyLimit: number;
  /** The open event streams (undefined with `changeStreams: false`). */
  streams: ChangeStreams | undefined;
  /** Authenticates (where the route needs it), then runs the route. */
  run(route: PlanwrightRoute, request: Request, input: RouteInput): Promise<RouteReply>;
  /** The answer for a thrown error; 5xx errors go to `onError` first. */
  fail(error: unknown, request: Request): ErrorReply;
}

/**
 * Checks the options and builds the shared core. Throws {@link AdapterOptionsError} naming a
 * missing or unusable option.
 * @internal
 */
export function createHttpCore<Request>(options: PlanwrightHttpOptions<Request>, adapter: string): HttpCore<Request> {
  if (typeof options !== 'object' || options === null) throw new AdapterOptionsError('options', `${adapter} needs { engine, authenticate }`);
  const { engine, authenticate } = options;
  if (typeof engine !== 'object' || engine === null || typeof engine.send !== 'function') {
    throw new AdapterOptionsError('engine', `${adapter} needs the engine to serve (createEngine(...))`);
  }
  if (typeof authenticate !== 'function') {
    throw new AdapterOptionsError('authenticate', `${adapter} needs authenticate(request) returning the acting person { id, roles } or undefined`);
  }
  const bodyActor = options.bodyActor ?? 'refuse';
  if (bodyActor !== 'refuse' && bodyActor !== 'trust') throw new AdapterOptionsError('bodyActor', `must be 'refuse' or 'trust', not ${JSON.stringify(bodyActor)}`);
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  if (!Number.isSafeInteger(bodyLimit) || bodyLimit < 1 || bodyLimit > MAX_BODY_LIMIT) {
    throw new AdapterOptionsError('bodyLimit', `must be a whole number of bytes from 1 to ${MAX_BODY_LIMIT}, not ${String(bodyLimit)}`);
  }
  const streamOptions = options.changeStreams ?? {};
  if (streamOptions !== false) {
    for (const key of ['maxStreams', 'heartbeatMs', 'maxBufferedBytes'] as const) {
      const value = streamOptions[key];
      if (value !== undefined && (!Number.isSafeInteger(value) || value < 1)) {
        throw new AdapterOptionsError(`changeStreams.${key}`, `must be a positive whole number, not ${String(value)}`);
      }
    }
  }
  const streams = streamOptions === false ? undefined : new ChangeStreams(engine, streamOptions);
  const onError = options.onError ?? ((error: unknown) => console.error(error));
  const routes = routeTable({ engine, bodyActor, streams });

  return {
    routes,
    methods: methodsByPath(routes),
    bodyLimit,
    streams,
    async run(route, request, input) {
      let actor: Actor | undefined;
      if (route.authenticated) {
        actor = await authenticate(request);
        if (actor === undefined) throw new HttpError('unauthenticated', 'who is asking? the request carries no credentials the server accepts');
      }
      return route.handle(input, actor);
    },
    fail(error, request) {
      const reply = errorReply(error);
      if (reply.serverError) onError(error, request);
      return reply;
    },
  };
}
