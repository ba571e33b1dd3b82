// A small HTTP service that runs incidents of one bundled plan: Fastify with the planwright plugin.
//
// It imports planwright by its package name, as your app does: `planwright/runtime` (engine,
// clocks, stores) and `planwright/fastify` (the routes). Inside this repository the names resolve
// to the built package (dist/, by the package's self-reference): run `npm run build` first.
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { planwrightFrameworkErrors, planwrightPlugin } from 'planwright/fastify';
import { createEngine, fileStore, loadBundle, systemClock, type Actor, type Clock, type EffectHandlers, type Engine } from 'planwright/runtime';

/**
 * Who is making a request. This is where a real deployment plugs in its own authentication:
 * verify a session cookie or a bearer token and look the person's plan roles up in your directory.
 * Return `undefined` for "not signed in" (401).
 */
export type Authenticate = (request: FastifyRequest) => Actor | undefined | Promise<Actor | undefined>;

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
  /** Who is asking; default {@link personFromHeaders} (a demonstration only). */
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
  app: FastifyInstance;
  engine: Engine;
  /** Fires every deadline due at the clock's time (the system clock does this by itself). */
  runDue(): Promise<number>;
  /** Stops accepting requests (ending change streams), then disposes the engine and closes the store. */
  close(): Promise<void>;
}

const PERSON_ID = /^[\p{L}\p{N}._@-]{1,256}$/u;
const ROLE_ID = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

/**
 * The demonstration {@link Authenticate}: the person from `x-person-id` and `x-person-roles`
 * (comma-separated plan role ids). Anyone can send headers: never use this in production.
 */
export function personFromHeaders(request: FastifyRequest): Actor | undefined {
  const id = request.headers['x-person-id'];
  const roles = request.headers['x-person-roles'];
  if (typeof id !== 'string' || !PERSON_ID.test(id) || typeof roles !== 'string') return undefined;
  const list = roles.split(',').map((role) => role.trim()).filter((role) => role !== '');
  if (list.length === 0 || list.length > 100 || !list.every((role) => ROLE_ID.test(role))) return undefined;
  return { id, roles: list };
}

/**
 * Starts the service: an engine over a file store in `dataDir`, then Fastify on `host:port` with
 * the planwright plugin at the root. Deadlines that fell due while the service was down fire
 * before it accepts requests.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const store = fileStore(options.dataDir);
  const engine = createEngine(loadBundle(options.bundle), {
    clock: options.clock ?? systemClock,
    store,
    ...(options.effects === undefined ? {} : { effects: options.effects }),
  });
  // Catch up before serving: whatever fell due while the service was down fires now, once.
  await engine.ready();
  await engine.runDue();

  const app = Fastify({ frameworkErrors: planwrightFrameworkErrors });
  await app.register(planwrightPlugin, { engine, authenticate: options.authenticate ?? personFromHeaders });
  const host = options.host ?? '127.0.0.1';
  const url = await app.listen({ port: options.port ?? 0, host });

  return {
    url,
    app,
    engine,
    runDue: () => engine.runDue(),
    async close() {
      await app.close();
      await engine.dispose();
      await store.close();
    },
  };
}
