/**
 * `planwright/fastify`: a Fastify plugin serving one engine's incidents over HTTP (requires the
 * `fastify` peer dependency, 5.x). Register it with a prefix; give it your `authenticate`.
 *
 * @example
 * ```ts
 * import Fastify from 'fastify';
 * import { planwrightPlugin } from 'planwright/fastify';
 * const app = Fastify();
 * await app.register(planwrightPlugin, { prefix: '/api', engine, authenticate: (request) => sessions.actorOf(request) });
 * ```
 * @module
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { PlanwrightHttpOptions } from '../http/adapter-options.js';
import { HTTP_STATUS } from '../http/error-codes.js';
import { createHttpCore } from '../http/http-core.js';
import { frameworkError } from '../http/framework-error.js';
import { HttpError } from '../http/http-error.js';
import type { RouteReply } from '../http/routes.js';

/** Options of {@link planwrightPlugin} (besides Fastify's own `prefix`). */
export type PlanwrightFastifyOptions = PlanwrightHttpOptions<FastifyRequest>;

const OTHER_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/**
 * The Fastify plugin: the routes of the adapters' route table (`POST /incidents`,
 * `POST /incidents/:id/events`, `GET /incidents[/:id[/timeline|/report]]`, `GET /changes`,
 * `GET /health`) under the prefix it is registered with, JSON errors
 * `{ error: { code, message, details } }` with the status of `HTTP_STATUS`, and a 405 naming the
 * allowed methods. Encapsulated: its error handler and body limit apply to its own routes only.
 * Open change streams end when the app closes.
 */
export const planwrightPlugin: FastifyPluginAsync<PlanwrightFastifyOptions> = async (fastify, options) => {
  const core = createHttpCore(options, 'planwright/fastify');

  const sendReply = (reply: FastifyReply, outcome: RouteReply): void => {
    if (outcome.kind === 'stream') {
      reply.hijack();
      outcome.start(reply.raw);
      return;
    }
    reply.code(outcome.status);
    if (outcome.headers !== undefined) reply.headers(outcome.headers);
    if (outcome.kind === 'text') reply.type(outcome.contentType).send(outcome.body);
    else reply.type('application/json; charset=utf-8').send(JSON.stringify(outcome.body));
  };

  const sendError = (reply: FastifyReply, request: FastifyRequest, error: unknown): void => {
    const answer = core.fail(error, request);
    reply.code(answer.status).type('application/json; charset=utf-8').send(JSON.stringify(answer.body));
  };

  // Only JSON bodies (Fastify's own parser, which refuses `__proto__` keys); any other type is 415.
  // Encapsulated: the host's routes keep their parsers.
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: core.bodyLimit }, fastify.getDefaultJsonParser('error', 'error'));
  // Errors Fastify raises before a handler runs: the body parser (too large, not JSON, wrong type).
  fastify.setErrorHandler((error, request, reply) => {
    sendError(reply, request, frameworkError(error, core.bodyLimit) ?? error);
  });
  fastify.addHook('preClose', async () => core.streams?.closeAll());

  for (const route of core.routes) {
    fastify.route({
      method: route.method,
      url: route.path,
      bodyLimit: core.bodyLimit,
      handler: async (request, reply) => {
        try {
          const outcome = await core.run(route, request, {
            path: request.url.split('?')[0] ?? request.url,
            params: request.params as Record<string, string>,
            query: request.query,
            body: request.body,
          });
          sendReply(reply, outcome);
        } catch (error) {
          sendError(reply, request, error);
        }
        return reply;
      },
    });
  }
  for (const [path, allowed] of core.methods) {
    const others = OTHER_METHODS.filter((method) => !allowed.includes(method));
    fastify.route({
      method: others,
      url: path,
      handler: async (request, reply) => {
        reply.header('allow', allowed.join(', '));
        sendError(reply, request, new HttpError('method-not-allowed', `${request.method} is not allowed here`, { allow: allowed }));
        return reply;
      },
    });
  }
};

/**
 * For `Fastify({ frameworkErrors })`: answers the requests Fastify refuses before routing (a path
 * that is not valid percent-encoded UTF-8, such as `/incidents/%E0%A4%A`) with the adapters' JSON
 * error body instead of Fastify's own. Optional; it applies to the whole app.
 */
export function planwrightFrameworkErrors(error: Error, _request: FastifyRequest, reply: FastifyReply): void {
  const answer = frameworkError(error, 0) ?? new HttpError('bad-request', 'bad request');
  reply
    .code(HTTP_STATUS[answer.code])
    .type('application/json; charset=utf-8')
    .send(JSON.stringify({ error: { code: answer.code, message: answer.message, details: answer.details } }));
}

export { HttpError } from '../http/http-error.js';
export { HTTP_STATUS, type HttpErrorCode, type RequestErrorCode, type ThrownErrorCode } from '../http/error-codes.js';
export { AdapterOptionsError } from '../http/adapter-options-error.js';
export type { ErrorBody } from '../http/error-reply.js';
export type { Authenticate, ChangeStreamOptions, PlanwrightHttpOptions } from '../http/adapter-options.js';
export type { IncidentListBody, IncidentSummary } from '../http/incident-summary.js';
export type { TimelineBody, TimelinePageVerification } from '../http/timeline-body.js';
export type { ChangeEventData } from '../http/change-streams.js';
