// planwright/express over real HTTP: the adapter contract, plus what is Express's own (a body
// the app already parsed, change streams ended by router.close()).
import type { AddressInfo } from 'node:net';
import { once } from 'node:events';
import express from 'express';
import { describe, expect, test } from 'vitest';
import { planwrightRouter, type PlanwrightRouter } from '../../src/express/index.js';
import { createBundle, loadPlan } from '../../src/index.js';
import { createEngine, type Incident } from '../../src/runtime/index.js';
import { describeAdapterContract, type Mount, type StartedApp } from './adapter-contract.js';
import { call, personFromTestHeaders, readChanges } from './http-test-support.js';

async function listen(app: express.Express, routers: PlanwrightRouter[]): Promise<StartedApp> {
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      for (const router of routers) router.close();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

async function startExpress(mounts: Mount[]): Promise<StartedApp> {
  const app = express();
  const routers = mounts.map((mount) => planwrightRouter(mount.options as Parameters<typeof planwrightRouter>[0]));
  mounts.forEach((mount, index) => app.use(mount.prefix, routers[index]!));
  return listen(app, routers);
}

describeAdapterContract('planwright/express', startExpress);

describe('planwright/express: Express specifics', () => {
  const bundle = createBundle(loadPlan({ file: 'plans/public-opinion.plan.yaml' }));

  test("uses a body the app parsed already with express.json(), and the app's 404 for other paths", async () => {
    const engine = createEngine(bundle);
    const app = express();
    app.use(express.json());
    const router = planwrightRouter({ engine, authenticate: personFromTestHeaders });
    app.use('/api', router);
    const started = await listen(app, [router]);
    try {
      const opened = await call<Incident>(started.url, 'POST', '/api/incidents', { as: 'wang', body: { title: 't', category: 'media' } });
      expect([opened.status, opened.body.stage]).toEqual([201, 'report']);
      const elsewhere = await fetch(`${started.url}/api/elsewhere`, { headers: { 'x-person-id': 'wang' } });
      expect(elsewhere.status).toBe(404);
    } finally {
      await started.close();
      await engine.dispose();
    }
  });

  test('router.close() ends open change streams, so the server can close', async () => {
    const engine = createEngine(bundle);
    const app = express();
    const router = planwrightRouter({ engine, authenticate: personFromTestHeaders });
    app.use(router);
    const started = await listen(app, [router]);
    const reader = await readChanges(started.url, '/changes', 'wang');
    await call(started.url, 'POST', '/incidents', { as: 'wang', body: { title: 't', category: 'media' } });
    await reader.until((events) => events.length === 1);
    expect(reader.events.map((e) => [e.version, e.stage])).toEqual([[1, 'report']]);
    await started.close(); // hangs (and the test times out) if the stream stayed open
    reader.close();
    await engine.dispose();
  });

  test('refuses to start without an engine, naming the option', () => {
    expect(() => planwrightRouter({ authenticate: personFromTestHeaders } as never)).toThrow(expect.objectContaining({ code: 'invalid-adapter-options', option: 'engine' }));
  });
});
