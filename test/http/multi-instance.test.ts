// Issue #19 "must show": two instances of a Fastify service (two engines, two pools) over one
// PostgreSQL schema, requests alternating between them. A deadline armed through A falls due
// after A has shut down and fires through B; B's change stream carries the changes made through
// A (the store's LISTEN/NOTIFY feed) as well as its own, the breach included.
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { planwrightFrameworkErrors, planwrightPlugin } from '../../src/fastify/index.js';
import { createBundle, loadPlan } from '../../src/index.js';
import { postgresStore, type PostgresStore } from '../../src/postgres/index.js';
import { createEngine, createManualClock, type Engine, type EngineInspection, type Incident, type PendingEffect } from '../../src/runtime/index.js';
import { dropSchema, PG_URL, requirePostgres, testSchemaName } from '../stores/pg-test-database.js';
import { call, personFromTestHeaders, readChanges, type ChangeReader, type Person } from './http-test-support.js';

const bundle = createBundle(loadPlan({ file: 'plans/city-flood.plan.yaml' }));

interface Instance {
  app: FastifyInstance;
  engine: Engine;
  store: PostgresStore;
  url: string;
  inspections: EngineInspection[];
  effects: PendingEffect[];
}

describe('two service instances over one PostgreSQL schema (planwright/fastify)', () => {
  const schema = testSchemaName('pw_http_multi');
  const clock = createManualClock('2026-07-15T00:00:00Z');
  let a: Instance;
  let b: Instance;
  let changesOnB: ChangeReader;
  let id = '';

  const startInstance = async (): Promise<Instance> => {
    const store = postgresStore({ connectionString: PG_URL, schema, max: 3 });
    const inspections: EngineInspection[] = [];
    const effects: PendingEffect[] = [];
    const engine = createEngine(bundle, { store, clock, inspect: (event) => inspections.push(event), effects: { notify: (effect) => void effects.push(effect) } });
    await engine.ready();
    const app = Fastify({ frameworkErrors: planwrightFrameworkErrors });
    await app.register(planwrightPlugin, { prefix: '/flood', engine, authenticate: personFromTestHeaders });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    return { app, engine, store, url, inspections, effects };
  };
  const stopInstance = async (instance: Instance): Promise<void> => {
    await instance.app.close();
    await instance.engine.dispose();
    await instance.store.close();
  };
  const send = (instance: Instance, as: Person, type: string, data: Record<string, unknown>) =>
    call<Incident>(instance.url, 'POST', `/flood/incidents/${id}/events`, { as, body: { type, data } });

  beforeAll(async () => {
    await requirePostgres();
    a = await startInstance();
    b = await startInstance();
    changesOnB = await readChanges(b.url, '/flood/changes', 'he');
  });

  afterAll(async () => {
    changesOnB?.close();
    for (const instance of [a, b]) if (instance !== undefined && instance.app.server.listening) await stopInstance(instance);
    await dropSchema(schema);
  });

  test('requests alternate between the instances; each sees what the other saved', async () => {
    const opened = await call<Incident>(a.url, 'POST', '/flood/incidents', {
      as: 'ma',
      body: { title: '城区发布暴雨黄色预警', category: 'river-flood', data: { warningColour: 'yellow', returnPeriod: 5 } },
    });
    expect(opened.status).toBe(201);
    id = opened.body.id;
    clock.advance('10m');
    const reading = await send(b, 'he', 'WATER_READING', { riverLevel: 3.8, warningWaterLevel: 4.0 });
    expect([reading.status, reading.body.stage, reading.body.version]).toEqual([200, 'watch', 2]);
    clock.advance('10m');
    const activated = await send(a, 'commander', 'ACTIVATE', { responseLevel: 'IV', reason: '黄色预警仅涉及郊区，城区按Ⅳ级响应' });
    expect([activated.status, activated.body.stage]).toEqual([200, 'response']);
    const armed = activated.body.deadlines.filter((d) => d.id === 'situation-report' && d.status === 'pending');
    expect(armed.map((d) => d.dueAt)).toEqual(['2026-07-15T12:20:00.000Z']);
    // B answers with the incident as A left it.
    const onB = await call<Incident>(b.url, 'GET', `/flood/incidents/${id}`, { as: 'he' });
    expect([onB.body.version, onB.body.stage, onB.headers.get('etag')]).toEqual([activated.body.version, 'response', `"${activated.body.version}"`]);
    // B's stream saw every change, whichever instance saved it: each timeline entry once, in order,
    // up to the latest version. (Two saves that land before B reads the first arrive as one event
    // of the newer version carrying both saves' entries, so versions may be skipped, entries not.)
    await changesOnB.until((events) => events.some((e) => e.incidentId === id && e.version === activated.body.version));
    const seen = changesOnB.events.filter((e) => e.incidentId === id);
    const seqs = seen.flatMap((e) => e.entries.map((entry) => entry.seq));
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, index) => index));
    expect(seqs.length).toBe(onB.body.timeline.length);
    expect(seen.map((e) => e.version)).toEqual([...seen.map((e) => e.version)].sort((x, y) => x - y));
    const activation = changesOnB.events.find((e) => e.entries.some((entry) => entry.data?.['event'] === 'ACTIVATE'));
    expect(activation?.stage).toBe('response');
  });

  test('a deadline armed through A fires through B after A has shut down', async () => {
    await stopInstance(a);
    clock.advance('12h1m');
    expect(await b.engine.runDue()).toBeGreaterThanOrEqual(1);
    const after = await call<Incident>(b.url, 'GET', `/flood/incidents/${id}`, { as: 'he' });
    const breached = after.body.timeline.filter((e) => e.type === 'deadline-breached' && e.data?.['deadline'] === 'situation-report');
    expect(breached).toHaveLength(1);
    expect(after.body.deadlines.find((d) => d.id === 'situation-report' && d.instance === 1)?.status).toBe('breached');
    expect(b.effects.filter((e) => e.name === 'notify').map((e) => e.payload['roles'])).toEqual([['flood-office']]);
    await changesOnB.until((events) => events.some((e) => e.entries.some((entry) => entry.type === 'deadline-breached')));
    // Nothing is left to fire, and no claim went unfired.
    expect(await b.engine.runDue()).toBe(0);
    expect(b.inspections.filter((event) => event.type === 'claim-unfired')).toEqual([]);
    const health = await call<{ status: string }>(b.url, 'GET', '/flood/health');
    expect([health.status, health.body.status]).toEqual([200, 'ready']);
  });
});
