// Host guide samples: the service over HTTP with the Fastify plugin, and with the Express router.
import type { Actor, EngineOptions } from '../../../src/runtime/index.js';

/** Your sign-in: a session or token check that yields the person and their plan roles. */
export interface Sessions {
  actorFor(authorization: string | undefined): Promise<Actor | undefined>;
}

// #region doc:fastify
import Fastify from 'fastify';
import { planwrightFrameworkErrors, planwrightPlugin } from '../../../src/fastify/index.js';
import { createEngine, loadBundle } from '../../../src/runtime/index.js';

export async function startService(bundle: unknown, options: EngineOptions, sessions: Sessions) {
  const engine = createEngine(loadBundle(bundle), options);
  await engine.ready(); // fails fast when the store cannot be reached
  await engine.runDue(); // deadlines that fell due while the service was down fire now, once

  // frameworkErrors: a path Fastify cannot decode gets planwright's JSON error too (optional)
  const app = Fastify({ frameworkErrors: planwrightFrameworkErrors });
  await app.register(planwrightPlugin, {
    prefix: '/api',
    engine,
    // Who is asking: your session or token check, then the person's plan roles. undefined → 401.
    authenticate: (request) => sessions.actorFor(request.headers.authorization),
    onError: (error, request) => request.log.error(error), // 5xx only; their bodies name just the code
  });
  app.addHook('onClose', () => engine.dispose());
  return app;
}
// #endregion
