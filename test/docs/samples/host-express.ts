// Host guide samples: the Express router.
import type { Engine } from '../../../src/runtime/index.js';
import type { Sessions } from './host-fastify.js';

// #region doc:express
import express from 'express';
import { planwrightRouter } from '../../../src/express/index.js';

export function expressApp(engine: Engine, sessions: Sessions) {
  const app = express();
  const planwright = planwrightRouter({
    engine,
    authenticate: (request) => sessions.actorFor(request.get('authorization')),
    bodyLimit: 256 * 1024, // JSON bodies up to 256 KiB; larger ones are 413
  });
  app.use('/api', planwright);
  // On shutdown: planwright.close() ends the open change streams, then server.close() can finish.
  return { app, planwright };
}
// #endregion
