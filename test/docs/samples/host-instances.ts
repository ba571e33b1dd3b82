// Host guide samples: several instances of the service over one PostgreSQL schema.
import type { Sessions } from './host-fastify.js';
import type { Clock } from '../../../src/runtime/index.js';

// #region doc:instances
import Fastify from 'fastify';
import { planwrightPlugin } from '../../../src/fastify/index.js';
import { postgresStore } from '../../../src/postgres/index.js';
import { createEngine, loadBundle, type EngineInspection } from '../../../src/runtime/index.js';

/** One instance; start as many as you like with the same connection string and schema. */
export async function startInstance(bundle: unknown, connectionString: string, schema: string, sessions: Sessions, clock?: Clock) {
  const store = postgresStore({ connectionString, schema }); // or run `planwright migrate` first
  const counts = { conflicts: 0, unfiredClaims: 0 };
  const inspect = (event: EngineInspection) => {
    if (event.type === 'conflict') counts.conflicts += 1; // another instance saved first; retried
    if (event.type === 'claim-unfired') counts.unfiredClaims += 1; // a claimed deadline had nothing to fire
  };
  const engine = createEngine(loadBundle(bundle), { store, inspect, ...(clock === undefined ? {} : { clock }) });
  await engine.ready();
  const app = Fastify();
  await app.register(planwrightPlugin, { prefix: '/api', engine, authenticate: (request) => sessions.actorFor(request.headers.authorization) });
  app.addHook('onClose', async () => {
    await engine.dispose();
    await store.close();
  });
  return { app, engine, counts };
}
// #endregion

// #region doc:retry
/** A client's send: on 409 `conflict` (the incident kept changing under it) wait a little and retry. */
export async function sendEvent(url: string, authorization: string, body: { type: string; data?: Record<string, unknown> }, attempts = 3) {
  for (let attempt = 1; ; attempt++) {
    const response = await fetch(url, { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const answer = (await response.json()) as { error?: { code: string } };
    if (response.status !== 409 || answer.error?.code !== 'conflict' || attempt === attempts) return { status: response.status, answer };
    await new Promise((resolve) => setTimeout(resolve, 50 * attempt * (1 + Math.random())));
  }
}
// #endregion

