/**
 * `planwright/express`: an Express router serving one engine's incidents over HTTP (requires the
 * `express` peer dependency, 5.x). Mount it where you like; give it your `authenticate`.
 *
 * @example
 * ```ts
 * import express from 'express';
 * import { planwrightRouter } from 'planwright/express';
 * const app = express();
 * app.use('/api', planwrightRouter({ engine, authenticate: (request) => sessions.actorOf(request) }));
 * ```
 * @module
 */
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { PlanwrightHttpOptions } from '../http/adapter-options.js';
import { createHttpCore } from '../http/http-core.js';
import { frameworkError } from '../http/framework-error.js';
import { HttpError } from '../http/http-error.js';
import type { RouteReply } from '../http/routes.js';

/** Options of {@link planwrightRouter}. */
export type PlanwrightExpressOptions = PlanwrightHttpOptions<Request>;

/** The router, plus `close()`: ends the open change streams (call it before `server.close()`). */
export type PlanwrightRouter = Router & { close(): void };

/**
 * The Express router: the routes of the adapters' route table (`POST /incidents`,
 * `POST /incidents/:id/events`, `GET /incidents[/:id[/timeline|/report]]`, `GET /changes`,
 * `GET /health`), JSON errors `{ error: { code, message, details } }` with the status of
 * `HTTP_STATUS`, a 405 naming the allowed methods. It parses its own JSON bodies (up to
 * `bodyLimit`); a body the app already parsed with `express.json()` is used as it is.
 */
export function planwrightRouter(options: PlanwrightExpressOptions): PlanwrightRouter {
  const core = createHttpCore(options, 'planwright/express');
  const router = express.Router() as PlanwrightRouter;
  const parseJson = express.json({ limit: core.bodyLimit, strict: true, type: 'application/json' });

  const sendReply = (response: Response, outcome: RouteReply): void => {
    if (outcome.kind === 'stream') {
      outcome.start(response);
      return;
    }
    response.status(outcome.status);
    if (outcome.headers !== undefined) response.set(outcome.headers);
    if (outcome.kind === 'text') response.type(outcome.contentType).send(outcome.body);
    else response.type('application/json; charset=utf-8').send(JSON.stringify(outcome.body));
  };

  const sendError = (response: Response, request: Request, error: unknown): void => {
    const answer = core.fail(error, request);
    response.status(answer.status).type('application/json; charset=utf-8').send(JSON.stringify(answer.body));
  };

  /** A body that is there but was not parsed as JSON (another content type) is refused, not ignored. */
  const requireJsonBody = (request: Request, _response: Response, next: NextFunction): void => {
    const hasBody = request.headers['transfer-encoding'] !== undefined || (request.headers['content-length'] ?? '0') !== '0';
    if (hasBody && request.body === undefined) {
      next(new HttpError('unsupported-media-type', 'send the request body as JSON (content-type: application/json; charset utf-8)', { where: 'body' }));
      return;
    }
    next();
  };

  for (const route of core.routes) {
    const handler = (request: Request, response: Response): void => {
      core
        .run(route, request, {
          path: request.originalUrl.split('?')[0] ?? request.originalUrl,
          params: request.params as Record<string, string>,
          query: request.query,
          body: request.body,
        })
        .then(
          (outcome) => sendReply(response, outcome),
          (error: unknown) => sendError(response, request, error),
        );
    };
    if (route.method === 'POST') router.post(route.path, parseJson, requireJsonBody, handler);
    else router.get(route.path, handler);
  }
  for (const [path, allowed] of core.methods) {
    router.all(path, (request, response, next) => {
      if (request.method === 'OPTIONS' || request.method === 'HEAD') {
        next();
        return;
      }
      response.set('allow', allowed.join(', '));
      sendError(response, request, new HttpError('method-not-allowed', `${request.method} is not allowed here`, { allow: allowed }));
    });
  }
  // Errors before a handler: the body parser (too large, not JSON), a path that does not decode.
  router.use((error: unknown, request: Request, response: Response, next: NextFunction) => {
    if (response.headersSent) {
      next(error);
      return;
    }
    sendError(response, request, error instanceof HttpError ? error : (frameworkError(error, core.bodyLimit) ?? error));
  });
  router.close = () => core.streams?.closeAll();
  return router;
}

export { HttpError } from '../http/http-error.js';
export { HTTP_STATUS, type HttpErrorCode, type RequestErrorCode, type ThrownErrorCode } from '../http/error-codes.js';
export { AdapterOptionsError } from '../http/adapter-options-error.js';
export type { ErrorBody } from '../http/error-reply.js';
export type { Authenticate, ChangeStreamOptions, PlanwrightHttpOptions } from '../http/adapter-options.js';
export type { IncidentListBody, IncidentSummary } from '../http/incident-summary.js';
export type { TimelineBody, TimelinePageVerification } from '../http/timeline-body.js';
export type { ChangeEventData } from '../http/change-streams.js';
