// docs/host-guide.md: its TypeScript blocks are the regions of test/docs/samples/host-*.ts (checked
// here), and those samples do what the guide says they do (run here against the seed plan).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createBundle, loadPlan, type PlanBundle } from '../../src/index.js';
import {
  BundleError,
  createEngine,
  createManualClock,
  loadBundle,
  memoryStore,
  SEND_ERROR_CODES,
  type Actor,
  type Engine,
  type PendingEffect,
  type SendError,
  type TimelineEntry,
} from '../../src/runtime/index.js';
import { describeStoreContract } from '../stores/contract.js';
import { dropSchema, PG_URL, requirePostgres, testSchemaName } from '../stores/pg-test-database.js';
import { sampleMismatches } from './doc-samples.js';
import { audit, report, streamToAudit } from './samples/host-audit.js';
import { createIncidentEngine, reportRumour, shutDown } from './samples/host-embed.js';
import { overdueIncidents } from './samples/host-list.js';
import { notifyHandler } from './samples/host-effects.js';
import { statusFor } from './samples/host-errors.js';
import { startService, type Sessions } from './samples/host-fastify.js';
import { expressApp } from './samples/host-express.js';
import { sendEvent, startInstance } from './samples/host-instances.js';
import { actorOf, allowedEvents } from './samples/host-people.js';
import { postgresEngine } from './samples/host-postgres.js';
import { engineWithTelemetry } from './samples/host-telemetry.js';
import { downPastADeadline } from './samples/host-restart.js';
import { keyValueStore, memoryKeyValue } from './samples/host-store.js';
import { actorOf as typedActorOf, sirenEngine, typedEngine } from './samples/host-typed.js';
import { snapshotFromIncident } from '../../src/runtime/incident-snapshot.js';

const SEED = new URL('../../plans/public-opinion.plan.yaml', import.meta.url).pathname;
const seedText = readFileSync(SEED, 'utf8');
const bundle = createBundle(loadPlan({ file: SEED }));
const people = {
  wang: { id: 'wang', roles: ['info-officer'] },
  li: { id: 'li', roles: ['it-head'] },
  zhang: { id: 'zhang', roles: ['department-head'] },
  chen: { id: 'chen', roles: ['publicity-head'] },
  liu: { id: 'liu', roles: ['customer-service'] },
} satisfies Record<string, Actor>;

const REPORT = { summary: '网帖称大厅窗口拒办', source: '微博', publicReaction: '转发两千余次' };
const ASSESS = { severity: 'II', nature: '服务态度', scope: '全市', risk: '可能持续发酵' };
const STRATEGY = { releasePlan: '官网发布', mediaPlan: '通报记者', publicPlan: '热线答复' };

/** Sends, insists on acceptance, and reads the incident whole (a send's result is its snapshot, without the timeline). */
async function accept(engine: Engine, id: string, by: Actor, type: string, data?: Record<string, unknown>) {
  const result = await engine.send(id, { type, by, ...(data === undefined ? {} : { data }) });
  if (!result.ok) throw new Error(`${type}: ${result.error.code} ${result.error.message}`);
  const incident = await engine.get(id);
  if (incident === undefined) throw new Error(`${type}: incident ${id} is gone`);
  return incident;
}

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'planwright-host-guide-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('docs/host-guide.md', () => {
  test('every TypeScript block is a region of a compiled, tested sample', () => {
    expect(sampleMismatches(new URL('../../docs/host-guide.md', import.meta.url))).toEqual([]);
  });

  test('loadBundle refuses bad bundles with the codes of the table', () => {
    const codeOf = (json: unknown): string => {
      try {
        loadBundle(json);
        return 'loaded';
      } catch (error) {
        return error instanceof BundleError ? error.code : `other: ${String(error)}`;
      }
    };
    const copy = (): PlanBundle => structuredClone(bundle);
    expect(codeOf(copy())).toBe('loaded');
    expect(codeOf({ plan: 'public-opinion' })).toBe('not-a-bundle');
    expect(codeOf({ ...copy(), formatVersion: 2 })).toBe('unsupported-format-version');
    expect(codeOf({ ...copy(), definition: { ...copy().definition, colour: 'red' } })).toBe('invalid-definition');
    expect(codeOf({ ...copy(), definition: { ...copy().definition, title: 'edited' } })).toBe('hash-mismatch');
  });

  test('§2 the embedded engine: a file store, effects handed to the host queue by effect id, clean shutdown', async () => {
    const dir = tempDir();
    const bundlePath = join(dir, 'public-opinion.json');
    writeFileSync(bundlePath, JSON.stringify(bundle));
    const queued: Array<[string, string, Record<string, unknown>]> = [];
    const { engine, store } = createIncidentEngine(bundlePath, join(dir, 'incidents'), {
      enqueue: async (key, kind, payload) => void queued.push([key, kind, payload]),
    });
    expect(await reportRumour(engine)).toBe('assess');
    const [incident] = (await engine.list()).incidents;
    const id = incident?.id as string;
    await accept(engine, id, people.li, 'ASSESS', ASSESS);
    await accept(engine, id, people.zhang, 'APPROVE_STRATEGY', STRATEGY);
    const published = await accept(engine, id, people.chen, 'PUBLISH_STATEMENT', { statement: '经核查，窗口正常受理。', channel: 'weibo' });
    const cause = published.timeline.find((e) => e.type === 'event' && e.data?.['event'] === 'PUBLISH_STATEMENT');
    expect(queued.map(([key, kind]) => [key, kind])).toEqual([[`${id}:${cause?.seq}:0`, 'publish']]);
    expect(queued[0]?.[2]['text']).toContain('经核查，窗口正常受理。');
    expect(published.timeline.at(-1)).toMatchObject({ type: 'effect-delivered', data: { name: 'publish' } });
    expect(existsSync(join(dir, 'incidents', '.planwright.lock'))).toBe(true);
    await shutDown(engine, store);
    expect(existsSync(join(dir, 'incidents', '.planwright.lock'))).toBe(false);
    expect(existsSync(join(dir, 'incidents', `${id}.state.json`))).toBe(true);
    expect(existsSync(join(dir, 'incidents', `${id}.timeline.jsonl`))).toBe(true);
  });

  test('§3 people: positions map to plan roles; allowedEvents lists what a person may send now', async () => {
    expect(actorOf({ login: 'chen', positions: ['Head of Publicity', 'Choir conductor'] })).toEqual({ id: 'chen', roles: ['publicity-head'] });
    const engine = createEngine(bundle, { clock: createManualClock('2026-03-02T01:00:00Z') });
    const { id } = await engine.open({ by: people.wang, title: 't', category: 'media' });
    await accept(engine, id, people.wang, 'REPORT', REPORT);
    await accept(engine, id, people.li, 'ASSESS', ASSESS);
    const responding = await accept(engine, id, people.zhang, 'APPROVE_STRATEGY', STRATEGY);
    expect(responding.stage).toBe('respond');
    expect(allowedEvents(engine.plan, responding, people.chen)).toEqual(['BRIEF_MEDIA', 'ENGAGE_PUBLIC', 'NOTE', 'PUBLISH_STATEMENT']);
    expect(allowedEvents(engine.plan, responding, people.wang)).toEqual(['NOTE', 'RECORD_READING']);
    expect(allowedEvents(engine.plan, responding, people.zhang)).toEqual(['NOTE', 'REGRADE']);
    // What allowedEvents offers, the engine accepts.
    await accept(engine, id, people.chen, 'BRIEF_MEDIA', { briefing: 'b' });
    const after = await engine.get(id);
    expect(allowedEvents(engine.plan, after!, people.chen)).toEqual(['ENGAGE_PUBLIC', 'NOTE', 'PUBLISH_STATEMENT']);
    await engine.dispose();
  });

  test('§4 refusals: the real codes, recorded in the timeline, mapped by statusFor', async () => {
    const engine = createEngine(bundle, { clock: createManualClock('2026-03-02T01:00:00Z') });
    const { id } = await engine.open({ by: people.wang, title: 't', category: 'media' });
    await accept(engine, id, people.wang, 'REPORT', REPORT);
    const refuse = async (incidentId: string, by: Actor, type: string, data?: Record<string, unknown>): Promise<SendError> => {
      const result = await engine.send(incidentId, { type, by, ...(data === undefined ? {} : { data }) });
      if (result.ok) throw new Error(`${type} was accepted`);
      return result.error;
    };
    const errors = [
      await refuse(id, people.liu, 'ASSESS', ASSESS),
      await refuse(id, people.li, 'ASSESS', { severity: 'II', nature: 'n' }),
      await refuse(id, people.zhang, 'SUBMIT_REVIEW', { measures: 'm', evaluation: 'e', lessons: 'l' }),
      await refuse(id, people.li, 'FOO'),
      await refuse('nope', people.wang, 'NOTE', { note: 'x' }),
    ];
    expect(errors.map((e) => [e.code, statusFor(e)])).toEqual([
      ['unauthorized', 403],
      ['invalid-data', 422],
      ['not-in-stage', 409],
      ['unknown-event', 400],
      ['not-found', 404],
    ]);
    // The guide quotes these messages and details.
    expect(errors[0]).toEqual({
      code: 'unauthorized',
      message: 'liu (customer-service) may not send "ASSESS" in any stage',
      details: { allowed: ['it-head'], event: 'ASSESS', roles: ['customer-service'], stage: 'assess' },
    });
    expect(errors[1]?.message).toBe('field "scope" is required; field "risk" is required');
    expect(errors[2]?.details).toEqual({ acceptedIn: ['review'], event: 'SUBMIT_REVIEW', stage: 'assess', tracks: [] });
    expect(errors[3]?.message).toBe('the plan has no event "FOO"');
    const incident = await engine.get(id);
    expect(incident?.timeline.filter((e) => e.type === 'rejected').map((e) => [e.by?.id, e.data?.['code']])).toEqual([
      ['liu', 'unauthorized'],
      ['li', 'invalid-data'],
      ['zhang', 'not-in-stage'],
      ['li', 'unknown-event'],
    ]);
    expect(incident?.stage).toBe('assess');
    const statuses = Object.fromEntries(SEND_ERROR_CODES.map((code) => [code, statusFor({ code, message: '', details: {} })]));
    expect(statuses).toEqual({
      'unknown-event': 400,
      'not-in-stage': 409,
      unauthorized: 403,
      'invalid-data': 422,
      closed: 409,
      'not-found': 404,
      conflict: 409,
      'plan-mismatch': 409,
      corrupt: 500,
    });
    await engine.dispose();
  });

  test('§5 effects: payloads as the table says; a repeated delivery is not sent twice; failures are recorded, not retried', async () => {
    const clock = createManualClock('2026-03-02T01:00:00Z');
    const sent = new Map<string, { roles: readonly string[]; text: string }>();
    const handler = notifyHandler({
      sent: async (key) => sent.has(key),
      sendToRoles: async (key, roles, text) => void sent.set(key, { roles, text }),
    });
    const captured: PendingEffect[] = [];
    let failPublish = true;
    const engine = createEngine(bundle, {
      clock,
      effects: {
        notify: async (effect, context) => {
          captured.push(effect);
          await handler(effect, context);
        },
        publish: () => {
          if (failPublish) throw new Error('CMS unreachable');
        },
      },
    });
    const { id } = await engine.open({ by: people.wang, title: '网传某服务大厅拒绝办理业务', category: 'media' });
    clock.advance('35m');
    expect(await engine.runDue()).toBe(2);
    expect(captured.map((e) => e.payload)).toEqual([
      { deadline: 'report', dueAt: '2026-03-02T01:30:00.000Z', instance: 1, reason: 'reminder', roles: ['info-officer'] },
      { deadline: 'report', dueAt: '2026-03-02T01:30:00.000Z', instance: 1, reason: 'breach', roles: ['it-head'] },
    ]);
    expect([...sent.values()]).toEqual([
      { roles: ['info-officer'], text: '网传某服务大厅拒绝办理业务: deadline report due soon' },
      { roles: ['it-head'], text: '网传某服务大厅拒绝办理业务: deadline report missed' },
    ]);
    // A crash between delivery and its record means a second delivery of the same effect id: skipped.
    const incident = (await engine.get(id))!;
    await handler(captured[0] as PendingEffect, { incident: snapshotFromIncident(incident), plan: engine.plan });
    expect(sent.size).toBe(2);
    // Effect ids: <incident id>:<seq of the timeline entry that caused it>:<index>.
    const causes = incident.timeline.filter((e) => e.type === 'reminder' || e.type === 'deadline-breached').map((e) => `${id}:${e.seq}:0`);
    expect(captured.map((e) => e.id)).toEqual(causes);

    await accept(engine, id, people.wang, 'REPORT', REPORT);
    await accept(engine, id, people.li, 'ASSESS', ASSESS);
    await accept(engine, id, people.zhang, 'APPROVE_STRATEGY', STRATEGY);
    const after = await accept(engine, id, people.chen, 'PUBLISH_STATEMENT', { statement: 's', channel: 'weibo' });
    expect(after.tracks).toEqual(['media', 'public']); // the change stands although the effect failed
    expect(after.outbox).toEqual([]);
    expect(after.timeline.at(-1)).toMatchObject({ type: 'effect-failed', result: 'failed', data: { name: 'publish', error: 'CMS unreachable' } });
    failPublish = false;
    expect(await engine.runDue()).toBe(0);
    expect((await engine.get(id))?.timeline.filter((e) => e.data?.['name'] === 'publish').map((e) => e.type)).toEqual(['effect-failed']);
    await engine.dispose();
  });

  // The guide's store of contract v2 over a key-value service; reopened on the same keys.
  describeStoreContract('keyValueStore (host guide §6)', async () => {
    const kv = memoryKeyValue();
    return { store: keyValueStore(kv), reopen: async () => keyValueStore(kv), dispose: async () => {} };
  });

  test('§2 lists page by page: every overdue incident once, from a store that pages and from one that only lists', async () => {
    for (const paged of [true, false]) {
      const clock = createManualClock('2026-03-02T01:00:00Z');
      const store = paged ? memoryStore() : keyValueStore(memoryKeyValue());
      const engine = createEngine(bundle, { clock, store });
      const opened: string[] = [];
      for (let n = 0; n < 230; n++) {
        opened.push((await engine.open({ by: people.wang, title: `第${n}条`, category: 'media' })).id);
        clock.advance('1s');
      }
      await accept(engine, opened[7] as string, people.wang, 'REPORT', REPORT); // met its report deadline
      clock.advance('40m'); // 'report' is due 30 minutes after open
      const overdue = await overdueIncidents(engine);
      expect(overdue.map((incident) => incident.id)).toEqual(opened.filter((_, n) => n !== 7));
      await engine.dispose();
    }
  });

  test('§6 the key-value store runs the seed plan, and a new engine on it picks up where the last one stopped', async () => {
    const kv = memoryKeyValue();
    const clock = createManualClock('2026-03-02T01:00:00Z');
    const notified: string[] = [];
    const first = createEngine(bundle, { clock, store: keyValueStore(kv) });
    const { id } = await first.open({ by: people.wang, title: 't', category: 'media' });
    await accept(first, id, people.wang, 'REPORT', REPORT);
    await first.dispose();
    clock.advance('2h');
    const second = createEngine(bundle, {
      clock,
      store: keyValueStore(kv),
      effects: { notify: (e) => void notified.push(...(e.payload['roles'] as string[])) },
    });
    expect(await second.runDue()).toBe(1);
    const incident = await second.get(id);
    expect(incident?.deadlines.map((d) => [d.id, d.status])).toEqual([
      ['report', 'met'],
      ['assess', 'breached'],
    ]);
    expect(notified).toEqual(['department-head', 'deputy-head']);
    await second.dispose();
  });

  test('§6 postgresStore sample on the test database', async () => {
    await requirePostgres();
    const schema = testSchemaName('pw_docs');
    const { engine, store } = await postgresEngine(bundle, PG_URL, schema);
    try {
      const { id } = await engine.open({ by: people.wang, title: 't', category: 'media' });
      const stored = await store.get(id);
      expect([stored?.stage, stored?.version]).toEqual(['report', 1]);
    } finally {
      await engine.dispose();
      await store.close();
      await dropSchema(schema);
    }
  });

  test('§7 a restart past a deadline: the reminder and the breach fire once each, with their notify effects', async () => {
    const notified: PendingEffect[] = [];
    const { incident, fired } = await downPastADeadline(bundle, tempDir(), (e) => void notified.push(e));
    expect(fired).toBe(2);
    expect(incident?.deadlines.map((d) => [d.id, d.status, d.breachedAt])).toEqual([['report', 'breached', '2026-03-02T01:30:00.000Z']]);
    expect(notified.map((e) => [e.payload['reason'], e.payload['roles']])).toEqual([
      ['reminder', ['info-officer']],
      ['breach', ['it-head']],
    ]);
    expect(incident?.timeline.filter((e) => e.type === 'deadline-breached')).toHaveLength(1);
  });

  describe('§8 plan versions and migrations', () => {
    // Version 1.1.0 of the seed plan renames the stage `report` to `intake`.
    const renamed = seedText
      .replace('version: 1.0.0', 'version: 1.1.0')
      .replace('  - id: report\n    title: { zh-CN: 事件识别与报告', '  - id: intake\n    title: { zh-CN: 事件识别与报告');
    const v110 = (migrations: string) => createBundle(loadPlan({ text: `${renamed}\n${migrations}`, file: 'v110.plan.yaml' }));
    let store: ReturnType<typeof memoryStore>;
    let id = '';
    const clock = createManualClock('2026-03-02T01:00:00Z');

    beforeAll(async () => {
      store = memoryStore();
      const old = createEngine(bundle, { clock, store });
      id = (await old.open({ by: people.wang, title: 't', category: 'media' })).id;
      await old.dispose();
    });

    test('without a migration: plan-mismatch naming both versions, nothing changed', async () => {
      const engine = createEngine(v110(''), { clock, store });
      const result = await engine.send(id, { type: 'REPORT', by: people.wang, data: REPORT });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('plan-mismatch');
      expect(result.error.message).toBe(
        `incident ${id} was saved under plan public-opinion 1.0.0; this engine runs public-opinion 1.1.0 and declares no migration from 1.0.0`,
      );
      expect((await store.get(id))?.version).toBe(1);
      await engine.dispose();
    });

    test('with `migrations: [{ from: 1.0.0, stages: { report: intake } }]` the incident continues under 1.1.0', async () => {
      const engine = createEngine(v110('migrations:\n  - from: 1.0.0\n    stages: { report: intake }\n'), { clock, store });
      const incident = await accept(engine, id, people.wang, 'REPORT', REPORT);
      expect([incident.planVersion, incident.stage]).toEqual(['1.1.0', 'assess']);
      const migrated = incident.timeline.find((e) => e.type === 'migrated');
      expect(migrated?.data).toMatchObject({ fromVersion: '1.0.0', toVersion: '1.1.0', fromStage: 'report', toStage: 'intake' });
      await engine.dispose();
    });
  });

  test('§10 the audit stream equals the stored timeline, verifyTimeline detects an edit, the report is built', async () => {
    const engine = createEngine(bundle, { clock: createManualClock('2026-03-02T01:00:00Z') });
    const log: Array<[string, TimelineEntry]> = [];
    const unsubscribe = streamToAudit(engine, { append: (incidentId, entry) => void log.push([incidentId, entry]) });
    const { id } = await engine.open({ by: people.wang, title: '网传某服务大厅拒绝办理业务', category: 'media' });
    await accept(engine, id, people.wang, 'REPORT', REPORT);
    await engine.send(id, { type: 'ASSESS', by: people.liu, data: ASSESS });
    const stored = (await engine.get(id))!;
    expect(log.map(([, entry]) => entry)).toEqual(stored.timeline);
    expect(await audit(engine, id)).toEqual({ ok: true });
    const edited = structuredClone(stored);
    (edited.timeline[4] as TimelineEntry).by = { id: 'someone-else', roles: ['info-officer'] };
    expect(await audit({ ...engine, get: async () => edited } as Engine, id)).toEqual({ ok: false, brokenAt: 4, reason: 'hash' });
    unsubscribe();
    const aar = await report(engine, id);
    expect(aar?.json.incident).toMatchObject({ id, title: '网传某服务大厅拒绝办理业务', stage: 'assess' });
    expect(aar?.json.rejected.map((r) => [r.event, r.code])).toEqual([['ASSESS', 'unauthorized']]);
    expect(aar?.markdown).toContain('网传某服务大厅拒绝办理业务');
    expect(aar?.html.toLowerCase()).toMatch(/^<!doctype html>/);
    await engine.dispose();
  });
});

describe('host guide: telemetry', () => {
  test('the sample runs with the OpenTelemetry API and no SDK registered (no-op tracer and meter)', async () => {
    const engine = engineWithTelemetry(bundle, memoryStore());
    const incident = await engine.open({ by: { id: 'wang', roles: ['info-officer'] }, title: 'rumour', category: 'media' });
    const result = await engine.send(incident.id, {
      type: 'REPORT',
      by: { id: 'wang', roles: ['info-officer'] },
      data: { summary: 'video spreads', source: 'weibo', publicReaction: 'angry' },
    });
    expect(result.ok && result.incident.stage).toBe('assess');
    await engine.dispose();
  });
});

describe('host guide: serving over HTTP and running several instances', () => {
  const tokens: Record<string, Actor> = { 'Bearer wang-token': people.wang, 'Bearer li-token': people.li };
  const sessions: Sessions = { actorFor: async (authorization) => (authorization === undefined ? undefined : tokens[authorization]) };
  const post = (url: string, authorization: string | undefined, body: unknown) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(authorization === undefined ? {} : { authorization }) }, body: JSON.stringify(body) });

  test('the Fastify sample: signed-in people open and send, nobody else; closing the app disposes the engine', async () => {
    const app = await startService(bundle, { clock: createManualClock('2026-03-02T01:00:00Z') }, sessions);
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      expect((await post(`${url}/api/incidents`, undefined, { title: 't', category: 'media' })).status).toBe(401);
      const opened = await post(`${url}/api/incidents`, 'Bearer wang-token', { title: 't', category: 'media' });
      const incident = (await opened.json()) as { id: string; timeline: TimelineEntry[] };
      expect([opened.status, incident.timeline[0]?.by]).toEqual([201, people.wang]);
      const sent = await sendEvent(`${url}/api/incidents/${incident.id}/events`, 'Bearer wang-token', { type: 'REPORT', data: REPORT });
      expect([sent.status, (sent.answer as { stage?: string }).stage]).toEqual([200, 'assess']);
      const refused = await sendEvent(`${url}/api/incidents/${incident.id}/events`, 'Bearer li-token', { type: 'REPORT', data: REPORT });
      expect([refused.status, refused.answer.error?.code]).toEqual([409, 'not-in-stage']);
    } finally {
      await app.close();
    }
    expect(app.server.listening).toBe(false);
  });

  test('the Express sample: the router under /api, 413 over its body limit, close() then server.close()', async () => {
    const engine = createEngine(bundle, { clock: createManualClock('2026-03-02T01:00:00Z') });
    const { app, planwright } = expressApp(engine, sessions);
    const server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const opened = await post(`${url}/api/incidents`, 'Bearer wang-token', { title: 't', category: 'media' });
      expect(opened.status).toBe(201);
      const large = await post(`${url}/api/incidents`, 'Bearer wang-token', { title: 'x'.repeat(300 * 1024), category: 'media' });
      expect([large.status, ((await large.json()) as { error: { code: string } }).error.code]).toEqual([413, 'payload-too-large']);
    } finally {
      planwright.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await engine.dispose();
    }
  });

  test('the retry sample retries 409 conflict only, up to its attempts', async () => {
    const answers = [
      { status: 409, body: { error: { code: 'conflict' } } },
      { status: 409, body: { error: { code: 'conflict' } } },
      { status: 200, body: { stage: 'assess' } },
    ];
    const original = globalThis.fetch;
    let calls = 0;
    globalThis.fetch = (async () => {
      const next = answers[calls++]!;
      return new Response(JSON.stringify(next.body), { status: next.status, headers: { 'content-type': 'application/json' } });
    }) as typeof fetch;
    try {
      expect((await sendEvent('http://x/api/incidents/i/events', 'Bearer t', { type: 'REPORT' })).status).toBe(200);
      expect(calls).toBe(3);
      calls = 0;
      answers.splice(0, 3, { status: 409, body: { error: { code: 'closed' } } });
      expect((await sendEvent('http://x/api/incidents/i/events', 'Bearer t', { type: 'REPORT' })).answer.error?.code).toBe('closed');
      expect(calls).toBe(1);
    } finally {
      globalThis.fetch = original;
    }
  });

  test('the several-instances sample: two instances over one schema serve each other\'s incidents', async () => {
    await requirePostgres();
    const schema = testSchemaName('pw_guide_instances');
    const first = await startInstance(bundle, PG_URL, schema, sessions);
    const second = await startInstance(bundle, PG_URL, schema, sessions);
    try {
      const [urlA, urlB] = [await first.app.listen({ port: 0, host: '127.0.0.1' }), await second.app.listen({ port: 0, host: '127.0.0.1' })];
      const opened = (await (await post(`${urlA}/api/incidents`, 'Bearer wang-token', { title: 't', category: 'media' })).json()) as { id: string };
      const sent = await sendEvent(`${urlB}/api/incidents/${opened.id}/events`, 'Bearer wang-token', { type: 'REPORT', data: REPORT });
      expect([sent.status, (sent.answer as { version?: number }).version]).toEqual([200, 2]);
      const onA = await fetch(`${urlA}/api/incidents/${opened.id}`, { headers: { authorization: 'Bearer li-token' } });
      expect([onA.headers.get('etag'), ((await onA.json()) as { stage: string }).stage]).toEqual(['"2"', 'assess']);
      expect(first.counts.unfiredClaims + second.counts.unfiredClaims).toBe(0);
    } finally {
      await first.app.close();
      await second.app.close();
      await dropSchema(schema);
    }
  });
});

describe('host guide: typed plans (§11)', () => {
  test('typed handlers describe reminders, breaches and published statements from their payloads', async () => {
    const clock = createManualClock('2024-05-01T08:00:00Z');
    const outbox: string[] = [];
    const plan = loadBundle(bundle);
    const engine = typedEngine(plan, clock, outbox);
    const wang = typedActorOf(plan, 'wang', ['info-officer', 'intranet-user']);
    expect(wang).toEqual({ id: 'wang', roles: ['info-officer'] });
    const incident = await engine.open({ by: wang, title: '网传某服务大厅拒绝办理业务', category: 'media' });
    clock.advance('21m');
    expect(await engine.runDue()).toBe(1);
    clock.advance('10m');
    expect(await engine.runDue()).toBe(1);
    await engine.send(incident.id, { type: 'REPORT', by: wang, data: REPORT });
    await engine.send(incident.id, { type: 'ASSESS', by: typedActorOf(plan, 'li', ['it-head']), data: { ...ASSESS, severity: 'II' } });
    await engine.send(incident.id, { type: 'APPROVE_STRATEGY', by: typedActorOf(plan, 'zhang', ['department-head']), data: STRATEGY });
    const published = await engine.send(incident.id, { type: 'PUBLISH_STATEMENT', by: typedActorOf(plan, 'chen', ['publicity-head']), data: { statement: '经核查，当日窗口正常受理。', channel: 'weibo' } });
    expect(published.ok).toBe(true);
    expect(outbox.slice(0, 2)).toEqual([
      '网传某服务大厅拒绝办理业务 → info-officer: deadline report due soon',
      '网传某服务大厅拒绝办理业务 → it-head: deadline report missed',
    ]);
    expect(outbox.find((line) => line.startsWith('publish holding-statement: '))).toContain('经核查，当日窗口正常受理。');
    await engine.dispose();
  });

  test('PlanTypesOf types an engine of a definePlan plan, which runs it', async () => {
    const engine = sirenEngine();
    const incident = await engine.open({ by: { id: 'o', roles: ['operator'] }, title: 'test', category: 'drill' });
    const result = await engine.send(incident.id, { type: 'SOUNDED', by: { id: 'o', roles: ['operator'] }, data: { zone: 'north' } });
    expect(result.ok && result.incident.stage).toBe('done');
    await engine.dispose();
  });
});
