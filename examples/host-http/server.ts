// A small HTTP service that runs incidents of one bundled plan (node:http only, no framework).
//
// In your own app the planwright imports below read `from 'planwright/runtime'` (the engine, the
// clock, the stores) and `from 'planwright'` (the after-action report). This example imports the
// source tree so that it runs inside the repository without a build.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as z from 'zod';
import {
  createEngine,
  EngineError,
  fileStore,
  InvalidIncidentIdError,
  loadBundle,
  systemClock,
  type Actor,
  type Clock,
  type EffectHandlers,
  type Engine,
  type Incident,
  type ListFilter,
  type EngineErrorCode,
} from '../../src/runtime/index.js';
import { afterActionReport } from '../../src/report/index.js';

/** Error codes of this service besides the engine's. */
export type HostErrorCode = 'bad-request' | 'unauthenticated' | 'method-not-allowed' | 'payload-too-large' | 'internal';

/** Every error code the service answers with, and its HTTP status. */
export const HTTP_STATUS: Readonly<Record<EngineErrorCode | HostErrorCode, number>> = {
  // the engine's codes (SendErrorCode)
  'unknown-event': 400,
  'invalid-data': 422,
  unauthorized: 403,
  'not-in-stage': 409,
  closed: 409,
  conflict: 409,
  'plan-mismatch': 409,
  'not-found': 404,
  disposed: 503,
  'unknown-effect-handler': 500,
  // this service's own
  'bad-request': 400,
  unauthenticated: 401,
  'method-not-allowed': 405,
  'payload-too-large': 413,
  internal: 500,
};

/**
 * Who is making a request. The default reads two headers, `x-person-id` and `x-person-roles`
 * (comma-separated plan role ids). This is where a real deployment plugs in its own
 * authentication: verify a session cookie or a bearer token and look the person's roles up in
 * your directory; never trust role headers sent by a browser. Return `undefined` for "not signed in".
 */
export type Authenticate = (request: IncomingMessage) => Actor | undefined | Promise<Actor | undefined>;

/** Options of {@link startServer}. */
export interface ServerOptions {
  /** The plan bundle (the parsed JSON written by `planwright bundle`). */
  bundle: unknown;
  /** Folder of the file store: one JSON document per incident. One process per folder. */
  dataDir: string;
  /** Time source. Default: the system clock, with which the engine fires deadlines by itself. */
  clock?: Clock;
  /** Effect handlers (`notify`, and the plan's effects such as `publish`). */
  effects?: EffectHandlers;
  /** Who is asking; default {@link personFromHeaders}. */
  authenticate?: Authenticate;
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
  /** Port (default 0: any free port). */
  port?: number;
}

/** A running service. */
export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  port: number;
  engine: Engine;
  /** Fires every deadline due at the clock's time (the system clock does this by itself). */
  runDue(): Promise<number>;
  /** Stops accepting requests, then disposes the engine and closes the store. */
  close(): Promise<void>;
}

const PersonHeaders = z.object({
  id: z.string().trim().min(1).max(256),
  roles: z.array(z.string().min(1).max(64)).max(100),
});

/**
 * The default {@link Authenticate}: the person from `x-person-id` and `x-person-roles` headers.
 * For demonstrations and tests only (see {@link Authenticate}).
 */
export function personFromHeaders(request: IncomingMessage): Actor | undefined {
  const id = request.headers['x-person-id'];
  if (typeof id !== 'string' || id.trim() === '') return undefined;
  const rolesHeader = request.headers['x-person-roles'];
  const roles = (typeof rolesHeader === 'string' ? rolesHeader : '')
    .split(',')
    .map((r) => r.trim())
    .filter((r) => r !== '');
  const parsed = PersonHeaders.safeParse({ id, roles });
  return parsed.success ? parsed.data : undefined;
}

/** Body of `POST /incidents`. */
const OpenBody = z.strictObject({
  title: z.string().min(1).max(1000),
  category: z.string().min(1).max(64),
  severity: z.string().min(1).max(64).optional(),
  data: z.record(z.string(), z.unknown()).optional(),
});

/** Body of `POST /incidents/:id/events`. */
const EventBody = z.strictObject({
  type: z.string().min(1).max(64),
  data: z.record(z.string(), z.unknown()).optional(),
});

const MAX_BODY_BYTES = 1024 * 1024;

/** An error answered as `{ error: { code, message, details } }` with the code's status. */
class HttpError extends Error {
  constructor(
    readonly code: keyof typeof HTTP_STATUS,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** A path segment decoded; malformed percent-encoding (`%E0%A4%A`) is the client's error, not the server's. */
function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError('bad-request', 'the request path is not valid percent-encoded UTF-8', { segment: segment.slice(0, 200) });
  }
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  response.writeHead(status, {
    'content-type': typeof body === 'string' ? (headers['content-type'] ?? 'text/plain; charset=utf-8') : 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}

function sendError(response: ServerResponse, code: keyof typeof HTTP_STATUS, message: string, details: Record<string, unknown> = {}): void {
  send(response, HTTP_STATUS[code], { error: { code, message, details } });
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError('payload-too-large', `request body over ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HttpError('bad-request', `request body is not valid JSON: ${(error as Error).message}`);
  }
}

function parseBody<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new HttpError('bad-request', `invalid request body: ${issues.map((i) => `${i.path || '(body)'}: ${i.message}`).join('; ')}`, {
      issues,
    });
  }
  return parsed.data;
}

function booleanQuery(value: string | null, name: string): boolean | undefined {
  if (value === null) return undefined;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new HttpError('bad-request', `query parameter ${name} must be true or false`, { [name]: value });
}

/** What `GET /incidents` lists per incident. */
export interface IncidentSummary {
  id: string;
  title: string;
  category: string;
  stage: string;
  severity: string | null;
  openedAt: string;
  closed: boolean;
  version: number;
  /** Ids of deadlines breached so far. */
  breached: string[];
  /** Pending deadlines, earliest first. */
  pending: Array<{ id: string; dueAt: string }>;
}

function summary(incident: Incident): IncidentSummary {
  return {
    id: incident.id,
    title: incident.title,
    category: incident.category,
    stage: incident.stage,
    severity: incident.severity,
    openedAt: incident.openedAt,
    closed: incident.closed,
    version: incident.version,
    breached: [...new Set(incident.deadlines.filter((d) => d.status === 'breached').map((d) => d.id))],
    pending: incident.deadlines
      .filter((d) => d.status === 'pending')
      .map((d) => ({ id: d.id, dueAt: d.dueAt }))
      .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt)),
  };
}

/**
 * Starts the service: an engine over a file store in `dataDir`, then an HTTP server on
 * `host:port`. Deadlines that fell due while the service was down fire before it accepts requests.
 *
 * Routes: `POST /incidents`, `GET /incidents[?overdue=&open=&stage=]`, `GET /incidents/:id`,
 * `POST /incidents/:id/events`, `GET /incidents/:id/report[?format=json|markdown|html&locale=]`.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const store = fileStore(options.dataDir);
  const engine = createEngine(loadBundle(options.bundle), {
    clock: options.clock ?? systemClock,
    store,
    ...(options.effects === undefined ? {} : { effects: options.effects }),
  });
  const authenticate = options.authenticate ?? personFromHeaders;

  // Catch up before serving: whatever fell due while the service was down fires now, once.
  await engine.runDue();

  const requirePerson = async (request: IncomingMessage): Promise<Actor> => {
    const person = await authenticate(request);
    if (person === undefined) throw new HttpError('unauthenticated', 'who is asking? send x-person-id and x-person-roles');
    return person;
  };

  const getIncident = async (id: string): Promise<Incident> => {
    const incident = await engine.get(id);
    if (incident === undefined) throw new HttpError('not-found', `no incident "${id}"`, { incidentId: id });
    return incident;
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const parts = url.pathname.split('/').filter((p) => p !== '').map(decodePathSegment);
    const method = request.method ?? 'GET';
    const allow = (...methods: string[]): void => {
      if (!methods.includes(method)) throw new HttpError('method-not-allowed', `${method} is not allowed here`, { allow: methods });
    };

    if (parts[0] !== 'incidents' || parts.length > 3) throw new HttpError('not-found', `no route ${url.pathname}`);

    // /incidents
    if (parts.length === 1) {
      allow('GET', 'POST');
      if (method === 'POST') {
        const by = await requirePerson(request);
        const body = parseBody(OpenBody, await readJson(request));
        const incident = await engine.open({
          by,
          title: body.title,
          category: body.category,
          ...(body.severity === undefined ? {} : { severity: body.severity }),
          ...(body.data === undefined ? {} : { data: body.data }),
        });
        send(response, 201, incident, { location: `/incidents/${encodeURIComponent(incident.id)}` });
        return;
      }
      const filter: ListFilter = {};
      const overdue = booleanQuery(url.searchParams.get('overdue'), 'overdue');
      const open = booleanQuery(url.searchParams.get('open'), 'open');
      const stage = url.searchParams.get('stage');
      if (overdue !== undefined) filter.overdue = overdue;
      if (open !== undefined) filter.open = open;
      if (stage !== null) filter.stage = stage;
      const incidents = await engine.list(filter);
      send(response, 200, { incidents: incidents.map(summary) });
      return;
    }

    const id = parts[1] as string;
    // /incidents/:id
    if (parts.length === 2) {
      allow('GET');
      const incident = await getIncident(id);
      send(response, 200, incident, { etag: `"${incident.version}"` });
      return;
    }

    // /incidents/:id/events
    if (parts[2] === 'events') {
      allow('POST');
      const by = await requirePerson(request);
      const body = parseBody(EventBody, await readJson(request));
      const result = await engine.send(id, { type: body.type, by, ...(body.data === undefined ? {} : { data: body.data }) });
      if (!result.ok) {
        sendError(response, result.error.code, result.error.message, result.error.details);
        return;
      }
      send(response, 200, result.incident, { etag: `"${result.incident.version}"` });
      return;
    }

    // /incidents/:id/report
    if (parts[2] === 'report') {
      allow('GET');
      const incident = await getIncident(id);
      const format = url.searchParams.get('format') ?? 'json';
      const locale = url.searchParams.get('locale');
      const report = afterActionReport(incident, engine.plan, locale === null ? {} : { locale });
      if (format === 'json') send(response, 200, report.json);
      else if (format === 'markdown') send(response, 200, report.markdown, { 'content-type': 'text/markdown; charset=utf-8' });
      else if (format === 'html') send(response, 200, report.html, { 'content-type': 'text/html; charset=utf-8' });
      else throw new HttpError('bad-request', 'format must be json, markdown or html', { format });
      return;
    }

    throw new HttpError('not-found', `no route ${url.pathname}`);
  };

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (response.headersSent) {
        response.destroy();
        return;
      }
      if (error instanceof HttpError) sendError(response, error.code, error.message, error.details);
      else if (error instanceof EngineError) sendError(response, error.code, error.message, error.details);
      else if (error instanceof InvalidIncidentIdError) sendError(response, 'not-found', error.message);
      else {
        console.error(error);
        sendError(response, 'internal', 'internal error');
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';

  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    engine,
    runDue: () => engine.runDue(),
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await engine.dispose();
      await store.close();
    },
  };
}
