import type { ServerResponse } from 'node:http';
import { afterActionReport } from '../report/after-action/after-action-report.js';
import type { Engine, IncidentPage, ListFilter } from '../runtime/engine-types.js';
import { ListQueryError } from '../runtime/list-query-error.js';
import type { Actor, Incident } from '../runtime/incident.js';
import { codeReply } from './error-reply.js';
import type { ChangeStreams } from './change-streams.js';
import { HttpError } from './http-error.js';
import { incidentSummary, type IncidentListBody } from './incident-summary.js';
import { type BodyActor, ChangesQuery, EventBody, ListQuery, NoQuery, OpenBody, parseRequestPart, ReportQuery, TimelineQuery } from './request-input.js';
import { timelineBody } from './timeline-body.js';

/** What a route is given: the path parameters, the query and the parsed JSON body, as the framework parsed them. */
export interface RouteInput {
  /** The request's path as the client sent it, without the query (for `Location`). */
  path: string;
  params: Record<string, string | undefined>;
  query: unknown;
  body: unknown;
}

/** What a route answers. */
export type RouteReply =
  | { kind: 'json'; status: number; body: unknown; headers?: Record<string, string> }
  | { kind: 'text'; status: number; body: string; contentType: string; headers?: Record<string, string> }
  | { kind: 'stream'; start(response: ServerResponse): void };

/** One route of the adapters: method, path (`:id` parameters, relative to the mount point), handler. */
export interface PlanwrightRoute {
  method: 'GET' | 'POST';
  path: string;
  /** Whether it reads a JSON body. */
  body: boolean;
  /** Whether it needs an authenticated actor (all but `GET /health`). */
  authenticated: boolean;
  handle(input: RouteInput, actor: Actor | undefined): Promise<RouteReply>;
}

/** A body's `by` as the engine takes it. */
function actorOfBody(by: BodyActor): Actor {
  return { id: by.id, roles: by.roles, ...(by.onBehalfOf === undefined ? {} : { onBehalfOf: by.onBehalfOf }) };
}

/** What the route table is built from. */
export interface RouteTableOptions {
  engine: Engine;
  bodyActor: 'refuse' | 'trust';
  /** Absent: no `GET /changes`. */
  streams: ChangeStreams | undefined;
}

/** A self-contained report page: inline styles and SVG only, nothing else may load. */
const REPORT_PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/**
 * The routes both adapters serve, relative to where the host mounts them:
 *
 * | route | answers |
 * | --- | --- |
 * | `POST /incidents` | 201, the incident opened (`Location`) |
 * | `GET /incidents?open=&overdue=&stage=&limit=&cursor=` | `{ incidents: IncidentSummary[], next? }`: one page (`engine.list`) |
 * | `GET /incidents/:id` | the incident (`ETag`: its version) |
 * | `POST /incidents/:id/events` | the incident after the event, or the refusal |
 * | `GET /incidents/:id/timeline?after=&limit=&verify=chain` | `{ incidentId, version, entries, next?, verification }`: entries with `seq > after` (default -1), at most `limit` (1–500, default 100); `verification` of the page and its link to the entry at `after`, or of the whole chain with `verify=chain` |
 * | `GET /incidents/:id/report?format=json\|markdown\|html&locale=` | the after-action report |
 * | `GET /changes?incident=` | server-sent `change` events |
 * | `GET /health` | 200 once `engine.ready()` resolves, else 503 |
 *
 * @example
 * routeTable({ engine, bodyActor: 'refuse', streams: undefined }).map((r) => `${r.method} ${r.path}`);
 */
export function routeTable(options: RouteTableOptions): PlanwrightRoute[] {
  const { engine, bodyActor, streams } = options;

  const found = <T>(id: string, value: T | undefined): T => {
    if (value === undefined) throw new HttpError('not-found', `no incident "${id}"`, { incidentId: id });
    return value;
  };

  const incidentOf = async (params: RouteInput['params']): Promise<Incident> => {
    const id = params['id'] ?? '';
    return found(id, await engine.get(id));
  };

  /** The actor: the authenticated one, or the body's where the host trusts bodies. */
  const actorFor = (authenticated: Actor | undefined, body: { by?: BodyActor | undefined }): Actor => {
    const actor = bodyActor === 'trust' && body.by !== undefined ? actorOfBody(body.by) : authenticated;
    if (actor === undefined) throw new HttpError('unauthenticated', 'who is asking? the request carries no credentials the server accepts');
    return actor;
  };

  const refuseBodyActor = (body: unknown): void => {
    if (bodyActor === 'refuse' && typeof body === 'object' && body !== null && Object.hasOwn(body, 'by')) {
      throw new HttpError('bad-request', 'invalid request body: by: the acting person comes from authentication, not from the body', {
        where: 'body',
        issues: [{ path: 'by', message: 'the acting person comes from authentication, not from the body' }],
      });
    }
  };

  const routes: PlanwrightRoute[] = [
    {
      method: 'POST',
      path: '/incidents',
      body: true,
      authenticated: true,
      async handle(input, authenticated) {
        parseRequestPart(NoQuery, input.query, 'query');
        refuseBodyActor(input.body);
        const body = parseRequestPart(OpenBody, input.body, 'body');
        const incident = await engine.open({
          by: actorFor(authenticated, body),
          title: body.title,
          category: body.category,
          ...(body.severity === undefined ? {} : { severity: body.severity }),
          ...(body.data === undefined ? {} : { data: body.data }),
        });
        return { kind: 'json', status: 201, body: incident, headers: { location: `${input.path.replace(/\/$/, '')}/${encodeURIComponent(incident.id)}`, etag: `"${incident.version}"` } };
      },
    },
    {
      method: 'GET',
      path: '/incidents',
      body: false,
      authenticated: true,
      async handle(input) {
        const query = parseRequestPart(ListQuery, input.query, 'query');
        const filter: ListFilter = {};
        if (query.open !== undefined) filter.open = query.open;
        if (query.overdue !== undefined) filter.overdue = query.overdue;
        if (query.stage !== undefined) filter.stage = query.stage;
        if (query.limit !== undefined) filter.limit = query.limit;
        if (query.cursor !== undefined) filter.cursor = query.cursor;
        let page: IncidentPage;
        try {
          page = await engine.list(filter);
        } catch (error) {
          // A cursor that is not one of ours (or was issued for other filters): the client's mistake.
          if (!(error instanceof ListQueryError)) throw error;
          throw new HttpError('bad-request', `invalid request query: ${error.parameter}: ${error.reason}`, {
            where: 'query',
            issues: [{ path: error.parameter, message: error.reason }],
          });
        }
        const body: IncidentListBody = { incidents: page.incidents.map(incidentSummary) };
        if (page.next !== undefined) body.next = page.next;
        return { kind: 'json', status: 200, body };
      },
    },
    {
      method: 'GET',
      path: '/incidents/:id',
      body: false,
      authenticated: true,
      async handle(input) {
        parseRequestPart(NoQuery, input.query, 'query');
        const incident = await incidentOf(input.params);
        return { kind: 'json', status: 200, body: incident, headers: { etag: `"${incident.version}"` } };
      },
    },
    {
      method: 'POST',
      path: '/incidents/:id/events',
      body: true,
      authenticated: true,
      async handle(input, authenticated) {
        parseRequestPart(NoQuery, input.query, 'query');
        refuseBodyActor(input.body);
        const body = parseRequestPart(EventBody, input.body, 'body');
        const id = input.params['id'] ?? '';
        const result = await engine.send(id, { type: body.type, by: actorFor(authenticated, body), ...(body.data === undefined ? {} : { data: body.data }) });
        if (!result.ok) {
          const reply = codeReply(result.error.code, result.error.message, result.error.details);
          return { kind: 'json', status: reply.status, body: reply.body };
        }
        // The incident's snapshot after the event (no timeline: GET …/timeline reads it) and the entries the event added.
        return { kind: 'json', status: 200, body: { ...result.incident, entries: result.entries }, headers: { etag: `"${result.incident.version}"` } };
      },
    },
    {
      method: 'GET',
      path: '/incidents/:id/timeline',
      body: false,
      authenticated: true,
      async handle(input) {
        const query = parseRequestPart(TimelineQuery, input.query, 'query');
        const id = input.params['id'] ?? '';
        const body = found(id, await timelineBody(engine, id, query));
        return { kind: 'json', status: 200, body, headers: { etag: `"${body.version}"` } };
      },
    },
    {
      method: 'GET',
      path: '/incidents/:id/report',
      body: false,
      authenticated: true,
      async handle(input) {
        const query = parseRequestPart(ReportQuery, input.query, 'query');
        const incident = await incidentOf(input.params);
        const report = afterActionReport(incident, engine.plan, query.locale === undefined ? {} : { locale: query.locale });
        if (query.format === 'markdown') return { kind: 'text', status: 200, body: report.markdown, contentType: 'text/markdown; charset=utf-8' };
        if (query.format === 'html') {
          return { kind: 'text', status: 200, body: report.html, contentType: 'text/html; charset=utf-8', headers: { 'content-security-policy': REPORT_PAGE_POLICY } };
        }
        return { kind: 'json', status: 200, body: report.json };
      },
    },
    {
      method: 'GET',
      path: '/health',
      body: false,
      authenticated: false,
      async handle(input) {
        parseRequestPart(NoQuery, input.query, 'query');
        try {
          await engine.ready();
        } catch (error) {
          throw new HttpError('unavailable', 'not ready', {}, { cause: error });
        }
        const { id, version } = engine.plan.definition;
        return { kind: 'json', status: 200, body: { status: 'ready', plan: { id, version } } };
      },
    },
  ];

  if (streams !== undefined) {
    routes.push({
      method: 'GET',
      path: '/changes',
      body: false,
      authenticated: true,
      async handle(input) {
        const query = parseRequestPart(ChangesQuery, input.query, 'query');
        streams.checkRoom();
        return { kind: 'stream', start: (response) => streams.start(response, query.incident) };
      },
    });
  }
  return routes;
}

/** Every path of `routes` with the methods it answers (for 405 answers that name them). */
export function methodsByPath(routes: readonly PlanwrightRoute[]): Map<string, string[]> {
  const methods = new Map<string, string[]>();
  for (const route of routes) {
    const list = methods.get(route.path) ?? [];
    list.push(route.method);
    methods.set(route.path, list);
  }
  return methods;
}
