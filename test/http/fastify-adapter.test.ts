// planwright/fastify over real HTTP: the adapter contract, plus what is Fastify's own
// (encapsulation: the host's other routes keep their error handler and parsers).
import Fastify from 'fastify';
import { describe, expect, test } from 'vitest';
import { AdapterOptionsError, planwrightFrameworkErrors, planwrightPlugin } from '../../src/fastify/index.js';
import { createEngine } from '../../src/runtime/index.js';
import { compilePlan, loadPlan } from '../../src/index.js';
import { describeAdapterContract, type Mount, type StartedApp } from './adapter-contract.js';
import { personFromTestHeaders } from './http-test-support.js';

async function startFastify(mounts: Mount[]): Promise<StartedApp> {
  const app = Fastify({ frameworkErrors: planwrightFrameworkErrors });
  for (const mount of mounts) await app.register(planwrightPlugin, { prefix: mount.prefix, ...(mount.options as Parameters<typeof planwrightPlugin>[1]) });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url, close: () => app.close() };
}

describeAdapterContract('planwright/fastify', startFastify);

describe('planwright/fastify: Fastify specifics', () => {
  const plan = compilePlan(loadPlan({ file: 'plans/public-opinion.plan.yaml' }));

  test('the host app keeps its own routes, parsers and error answers beside the plugin', async () => {
    const engine = createEngine(plan);
    const app = Fastify();
    app.post('/echo', async (request) => ({ echoed: request.body }));
    app.get('/boom', async () => {
      throw Object.assign(new Error('host failure'), { statusCode: 418 });
    });
    await app.register(planwrightPlugin, { prefix: '/api', engine, authenticate: personFromTestHeaders });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const echo = await fetch(`${url}/echo`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'plain text' });
      expect([echo.status, await echo.json()]).toEqual([200, { echoed: 'plain text' }]);
      const boom = await fetch(`${url}/boom`);
      expect([boom.status, ((await boom.json()) as { message: string }).message]).toEqual([418, 'host failure']);
      const plugin = await fetch(`${url}/api/incidents`, { method: 'POST', headers: { 'content-type': 'text/plain', 'x-person-id': 'wang' }, body: 'plain text' });
      expect([plugin.status, ((await plugin.json()) as { error: { code: string } }).error.code]).toEqual([415, 'unsupported-media-type']);
    } finally {
      await app.close();
      await engine.dispose();
    }
  });

  test('refuses to start without authenticate, naming the option', async () => {
    const engine = createEngine(plan);
    const app = Fastify();
    await expect(app.register(planwrightPlugin, { prefix: '/api', engine } as never).ready()).rejects.toMatchObject({
      name: 'AdapterOptionsError',
      code: 'invalid-adapter-options',
      option: 'authenticate',
    });
    await expect(Promise.reject(new AdapterOptionsError('bodyLimit', 'x'))).rejects.toBeInstanceOf(AdapterOptionsError);
    await app.close().catch(() => undefined);
    await engine.dispose();
  });
});
