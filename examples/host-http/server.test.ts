// The host example end to end, through the published entries (planwright, planwright/runtime,
// planwright/fastify, planwright/report: run `npm run build` first): the service on 127.0.0.1 (a free port) with the seed plan's bundle
// and a file store, driven over HTTP from open to closed, with a restart between two events while
// a deadline falls due, and every error code answered with its HTTP status.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createBundle, loadPlan } from 'planwright';
import { HTTP_STATUS, type ErrorBody, type IncidentSummary } from 'planwright/fastify';
import type { AfterActionJson } from 'planwright/report';
import { createManualClock, SEND_ERROR_CODES, verifyTimeline, type Incident, type IncidentSnapshot, type PendingEffect, type TimelineEntry } from 'planwright/runtime';
import { startServer, type RunningServer } from './server.js';

const bundle = createBundle(loadPlan({ file: new URL('../../plans/public-opinion.plan.yaml', import.meta.url).pathname }));

/** People of the seed plan's organisation, as the headers name them. */
const people = {
  wang: 'info-officer',
  li: 'it-head',
  zhang: 'department-head',
  chen: 'publicity-head',
  liu: 'customer-service',
} as const;
type Person = keyof typeof people;

interface Reply<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** One call, as `as` (default wang; `as: undefined` for nobody). */
async function call<T = unknown>(server: RunningServer, method: string, path: string, options: { as?: Person | undefined; body?: unknown; raw?: string } = {}): Promise<Reply<T>> {
  const headers: Record<string, string> = {};
  const as = 'as' in options ? options.as : 'wang';
  if (as !== undefined) {
    headers['x-person-id'] = as;
    headers['x-person-roles'] = people[as];
  }
  let body: string | undefined;
  if (options.raw !== undefined) body = options.raw;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${server.url}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  return { status: response.status, body: (type.startsWith('application/json') ? JSON.parse(text) : text) as T, headers: response.headers };
}


describe('examples/host-http', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'planwright-host-http-'));
  const clock = createManualClock('2026-03-02T01:00:00Z'); // 09:00 in Asia/Shanghai
  const effectsBefore: PendingEffect[] = [];
  const effectsAfter: PendingEffect[] = [];
  let server: RunningServer;
  let id = '';

  const event = (as: Person, type: string, data?: Record<string, unknown>) =>
    call<Incident>(server, 'POST', `/incidents/${id}/events`, { as, body: data === undefined ? { type } : { type, data } });
  /** Sends an event that must be accepted; returns the incident whole (the reply is its snapshot and the event's entries, no timeline). */
  const accepted = async (as: Person, type: string, data?: Record<string, unknown>): Promise<Incident> => {
    const reply = await event(as, type, data);
    expect(reply.status, `${type}: ${JSON.stringify(reply.body)}`).toBe(200);
    const sent = reply.body as unknown as IncidentSnapshot & { entries: TimelineEntry[] };
    expect(sent).not.toHaveProperty('timeline');
    const whole = (await call<Incident>(server, 'GET', `/incidents/${id}`)).body;
    expect([sent.version, sent.head.hash, sent.entries.at(-1)?.hash]).toEqual([whole.version, whole.timeline.at(-1)?.hash, whole.timeline.at(-1)?.hash]);
    return whole;
  };
  const rejected = async (as: Person | undefined, type: string, data: Record<string, unknown> | undefined, status: number, code: string) => {
    const reply =
      as === undefined
        ? await call<ErrorBody>(server, 'POST', `/incidents/${id}/events`, { as: undefined, body: { type, data } })
        : ((await event(as, type, data)) as unknown as Reply<ErrorBody>);
    expect([reply.status, reply.body.error.code]).toEqual([status, code]);
    return reply.body.error;
  };

  beforeAll(async () => {
    server = await startServer({
      bundle,
      dataDir,
      clock,
      effects: { notify: (e) => void effectsBefore.push(e), publish: (e) => void effectsBefore.push(e) },
    });
  });

  afterAll(async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('imports planwright only by its package name, never from the source tree', () => {
    const folder = new URL('.', import.meta.url);
    const sources = readdirSync(folder).filter((name) => name.endsWith('.ts'));
    expect(sources.sort()).toEqual(['main.ts', 'server.test.ts', 'server.ts']);
    for (const name of sources) {
      const specifiers = [...readFileSync(new URL(name, folder), 'utf8').matchAll(/from '([^']+)'/g)].map((match) => match[1]!);
      expect(specifiers.filter((specifier) => specifier.startsWith('../')), name).toEqual([]);
      expect(specifiers.filter((specifier) => specifier.startsWith('planwright')).length, name).toBeGreaterThan(0);
    }
  });

  test("answers every engine error code with its HTTP status (planwright/fastify's HTTP_STATUS)", () => {
    expect(Object.fromEntries(SEND_ERROR_CODES.map((c) => [c, HTTP_STATUS[c]]))).toEqual({
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
  });

  test('opens an incident as the person in the headers', async () => {
    const reply = await call<Incident>(server, 'POST', '/incidents', {
      as: 'wang',
      body: { title: '网传某服务大厅拒绝办理业务', category: 'media' },
    });
    expect(reply.status).toBe(201);
    id = reply.body.id;
    expect(reply.headers.get('location')).toBe(`/incidents/${id}`);
    expect(reply.body.stage).toBe('report');
    expect(reply.body.openedAt).toBe('2026-03-02T01:00:00.000Z');
    expect(reply.body.timeline[0]?.by).toEqual({ id: 'wang', roles: ['info-officer'] });
    expect(reply.body.deadlines.map((d) => [d.id, d.status, d.dueAt])).toEqual([['report', 'pending', '2026-03-02T01:30:00.000Z']]);
  });

  test('refuses bad opens: no person, bad JSON, bad body, unknown category, wrong method', async () => {
    const noPerson = await call<ErrorBody>(server, 'POST', '/incidents', { as: undefined, body: { title: 't', category: 'media' } });
    expect([noPerson.status, noPerson.body.error.code]).toEqual([401, 'unauthenticated']);
    const badJson = await call<ErrorBody>(server, 'POST', '/incidents', { as: 'wang', raw: '{"title": "t",' });
    expect([badJson.status, badJson.body.error.code]).toEqual([400, 'bad-request']);
    expect(badJson.body.error.message).toMatch(/^request body is not valid JSON/);
    const badBody = await call<ErrorBody>(server, 'POST', '/incidents', { as: 'wang', body: { title: 't', category: 'media', colour: 'red' } });
    expect([badBody.status, badBody.body.error.code]).toEqual([400, 'bad-request']);
    expect(badBody.body.error.details['issues']).toEqual([{ path: '', message: 'Unrecognized key: "colour"' }]);
    const category = await call<ErrorBody>(server, 'POST', '/incidents', { as: 'wang', body: { title: 't', category: 'weather' } });
    expect([category.status, category.body.error.code]).toEqual([422, 'invalid-data']);
    expect(category.body.error.details['categories']).toEqual(['event', 'social', 'media']);
    const rolesButNoId = await fetch(`${server.url}/incidents`, {
      method: 'POST',
      headers: { 'x-person-roles': 'info-officer', 'content-type': 'application/json' },
      body: JSON.stringify({ title: 't', category: 'media' }),
    });
    expect(rolesButNoId.status).toBe(401);
    const outsider = await fetch(`${server.url}/incidents`, {
      method: 'POST',
      headers: { 'x-person-id': 'visitor', 'x-person-roles': 'tourist', 'content-type': 'application/json' },
      body: JSON.stringify({ title: 't', category: 'media' }),
    });
    expect([outsider.status, ((await outsider.json()) as ErrorBody).error.code]).toEqual([403, 'unauthorized']);
    const method = await call<ErrorBody>(server, 'DELETE', '/incidents');
    expect([method.status, method.body.error.code, method.body.error.details['allow']]).toEqual([405, 'method-not-allowed', ['POST', 'GET']]);
    // Only the one incident was opened; a page of one has no next.
    const listed = await call<{ incidents: IncidentSummary[]; next?: string }>(server, 'GET', '/incidents?limit=1');
    expect([listed.body.incidents.map((i) => i.id), listed.body.next]).toEqual([[id], undefined]);
    const badCursor = await call<ErrorBody>(server, 'GET', '/incidents?cursor=not-ours');
    expect([badCursor.status, badCursor.body.error.code, badCursor.body.error.details['issues']]).toEqual([400, 'bad-request', [{ path: 'cursor', message: expect.stringMatching(/not a cursor of this list/) }]]);
  });

  test('answers malformed input with 400 and a JSON error, never 500 (issue 17)', async () => {
    const logged: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void logged.push(args);
    try {
      for (const [method, path] of [
        ['GET', '/incidents/%E0%A4%A'], // truncated UTF-8 sequence
        ['GET', '/incidents/%ZZ'], // not a hex escape
        ['GET', '/incidents/%C0%AF'], // overlong encoding of "/"
        ['GET', '/incidents/%ED%A0%80'], // a lone surrogate
        ['POST', '/incidents/%E0%A4%A/events'],
        ['GET', '/incidents/x/report%FF'],
      ] as const) {
        const reply = await call<ErrorBody>(server, method, path, method === 'POST' ? { as: 'wang', body: { type: 'REPORT' } } : {});
        expect([path, reply.status, reply.headers.get('content-type'), reply.body.error.code], path).toEqual([path, 400, 'application/json; charset=utf-8', 'bad-request']);
        expect(reply.body.error.message).toBe('the request path is not valid percent-encoded UTF-8');
      }
      const notAnObject = await call<ErrorBody>(server, 'POST', `/incidents/${id}/events`, { as: 'wang', raw: '[1, 2]' });
      expect([notAnObject.status, notAnObject.body.error.code]).toEqual([400, 'bad-request']);
      const deep = await call<ErrorBody>(server, 'POST', `/incidents/${id}/events`, { as: 'wang', raw: `${'['.repeat(5000)}${']'.repeat(5000)}` });
      expect([deep.status, deep.body.error.code]).toEqual([400, 'bad-request']);
      // A well-encoded id that names no incident is still a 404.
      const unknown = await call<ErrorBody>(server, 'GET', '/incidents/%E4%B8%8D%E5%AD%98%E5%9C%A8');
      expect([unknown.status, unknown.body.error.code]).toEqual([404, 'not-found']);
    } finally {
      console.error = original;
    }
    expect(logged).toEqual([]);
  });

  test('reports, assesses and refuses what the plan does not allow, with the engine codes', async () => {
    clock.advance('10m');
    expect((await accepted('wang', 'REPORT', { summary: '网帖称大厅窗口拒办', source: '微博', publicReaction: '转发两千余次' })).stage).toBe('assess');
    clock.advance('10m');
    const assessed = await accepted('li', 'ASSESS', { severity: 'II', nature: '服务态度', scope: '全市', risk: '可能持续发酵' });
    expect([assessed.stage, assessed.severity]).toEqual(['strategy', 'II']);

    await rejected(undefined, 'APPROVE_STRATEGY', {}, 401, 'unauthenticated');
    const unauthorized = await rejected('liu', 'APPROVE_STRATEGY', { releasePlan: 'a', mediaPlan: 'b', publicPlan: 'c' }, 403, 'unauthorized');
    expect(unauthorized.message).toContain('liu');
    await rejected('zhang', 'DECLARE_OVER', { reason: 'calm' }, 409, 'not-in-stage');
    const invalid = await rejected('zhang', 'APPROVE_STRATEGY', { releasePlan: 'a' }, 422, 'invalid-data');
    expect(JSON.stringify(invalid.details)).toContain('mediaPlan');
    await rejected('zhang', 'CELEBRATE', {}, 400, 'unknown-event');
    const badJson = await call<ErrorBody>(server, 'POST', `/incidents/${id}/events`, { as: 'zhang', raw: 'not json' });
    expect([badJson.status, badJson.body.error.code]).toEqual([400, 'bad-request']);
    const badType = await call<ErrorBody>(server, 'POST', `/incidents/${id}/events`, { as: 'zhang', body: { type: 7 } });
    expect([badType.status, badType.body.error.code]).toEqual([400, 'bad-request']);
    expect(badType.body.error.details['issues']).toEqual([{ path: 'type', message: 'Invalid input: expected string, received number' }]);

    const missing = await call<ErrorBody>(server, 'POST', '/incidents/no-such-incident/events', { as: 'zhang', body: { type: 'NOTE', data: { note: 'x' } } });
    expect([missing.status, missing.body.error.code]).toEqual([404, 'not-found']);
    expect((await call<ErrorBody>(server, 'GET', '/incidents/no-such-incident')).status).toBe(404);
    expect((await call<ErrorBody>(server, 'GET', '/incidents/..%2Fescape')).body.error.code).toBe('not-found');
    expect((await call<ErrorBody>(server, 'GET', '/elsewhere')).status).toBe(404);

    // Every refusal the engine saw is in the timeline, with who tried.
    const incident = (await call<Incident>(server, 'GET', `/incidents/${id}`)).body;
    const refusals = incident.timeline.filter((e) => e.type === 'rejected').map((e) => [e.by?.id, e.data?.['code']]);
    expect(refusals).toEqual([
      ['liu', 'unauthorized'],
      ['zhang', 'not-in-stage'],
      ['zhang', 'invalid-data'],
      ['zhang', 'unknown-event'],
    ]);
    expect(incident.stage).toBe('strategy');
  });

  test('runs the response tracks; the publish effect carries the rendered holding statement', async () => {
    clock.advance('20m');
    expect((await accepted('zhang', 'APPROVE_STRATEGY', { releasePlan: '官网发布', mediaPlan: '通报记者', publicPlan: '热线答复' })).tracks).toEqual([
      'release',
      'media',
      'public',
    ]);
    clock.advance('20m');
    await accepted('chen', 'PUBLISH_STATEMENT', { statement: '经核查，当日窗口正常受理。', channel: 'weibo' });
    await accepted('liu', 'BRIEF_MEDIA', { briefing: '向媒体说明核查结果' });
    const monitoring = await accepted('liu', 'ENGAGE_PUBLIC', { reply: '热线逐一回复' });
    expect(monitoring.stage).toBe('monitor');
    // Severity II: a reading is due 2h after entering monitor.
    expect(monitoring.deadlines.filter((d) => d.status === 'pending').map((d) => [d.id, d.dueAt])).toEqual([
      ['monitor-reading', '2026-03-02T04:00:00.000Z'],
    ]);
    const published = effectsBefore.filter((e) => e.name === 'publish');
    expect(published).toHaveLength(1);
    expect(published[0]?.payload['text']).toContain('经核查，当日窗口正常受理。');
    expect(effectsBefore.filter((e) => e.name === 'notify')).toEqual([]);
  });

  test('a restart while the monitoring reading falls due: breached exactly once, with its notify, after the restart', async () => {
    await server.close();
    clock.advance('3h'); // down from 10:00 to 13:00 local; the reading was due at 12:00
    server = await startServer({
      bundle,
      dataDir,
      clock,
      effects: { notify: (e) => void effectsAfter.push(e), publish: (e) => void effectsAfter.push(e) },
    });
    expect(await server.runDue()).toBe(0); // the service caught up on start; nothing more is due

    const incident = (await call<Incident>(server, 'GET', `/incidents/${id}`)).body;
    const breaches = incident.timeline.filter((e) => e.type === 'deadline-breached');
    expect(breaches.map((e) => e.data?.['deadline'])).toEqual(['monitor-reading']);
    expect(incident.deadlines.filter((d) => d.id === 'monitor-reading').map((d) => [d.instance, d.status, d.dueAt])).toEqual([
      [1, 'breached', '2026-03-02T04:00:00.000Z'],
      [2, 'pending', '2026-03-02T06:00:00.000Z'], // recurring: re-armed from the missed due time
    ]);
    const notified = effectsAfter.filter((e) => e.name === 'notify');
    expect(notified.map((e) => [e.payload['roles'], e.payload['deadline']])).toEqual([[['it-head'], 'monitor-reading']]);
    expect(effectsBefore.filter((e) => e.name === 'notify')).toEqual([]);
    expect(incident.outbox).toEqual([]);
    expect(incident.timeline.filter((e) => e.type === 'effect-delivered').length).toBe(2); // publish, then this notify

    const overdue = await call<{ incidents: IncidentSummary[] }>(server, 'GET', '/incidents?overdue=true');
    expect(overdue.body.incidents.map((i) => [i.id, i.breached])).toEqual([[id, ['monitor-reading']]]);
    expect((await call<{ incidents: IncidentSummary[] }>(server, 'GET', '/incidents?overdue=false')).body.incidents).toEqual([]);
    expect((await call<ErrorBody>(server, 'GET', '/incidents?overdue=maybe')).status).toBe(400);
  });

  test('goes on to closed after the restart; the timeline verifies and the after-action report is served', async () => {
    clock.advance('10m');
    await accepted('wang', 'RECORD_READING', { heat: 80, negativeShare: 0.3 });
    clock.advance('10m');
    expect((await accepted('zhang', 'DECLARE_OVER', { reason: '舆情平息' })).stage).toBe('review');
    clock.advance('1d');
    const closed = await accepted('zhang', 'SUBMIT_REVIEW', { measures: '核查并发布', evaluation: '及时', lessons: '提前准备口径' });
    expect([closed.stage, closed.closed, closed.closedAt]).toEqual(['closed', true, '2026-03-03T05:20:00.000Z']);
    expect(verifyTimeline(closed)).toEqual({ ok: true });
    expect(closed.timeline.filter((e) => e.type === 'deadline-breached')).toHaveLength(1);
    await rejected('wang', 'NOTE', { note: 'late' }, 409, 'closed');
    const final = (await call<Incident>(server, 'GET', `/incidents/${id}`)).body;
    expect(final.version).toBe(closed.version + 1); // the refusal is recorded too
    expect(final.timeline.at(-1)).toMatchObject({ type: 'rejected', by: { id: 'wang' } });

    const report = await call<AfterActionJson>(server, 'GET', `/incidents/${id}/report`);
    expect(report.status).toBe(200);
    expect(report.body.incident).toMatchObject({ id, closed: true, severity: 'II', planId: 'public-opinion' });
    expect(report.body.breaches.map((b) => b.deadline)).toEqual(['monitor-reading']);
    expect(report.body.review?.event).toBe('SUBMIT_REVIEW');
    const markdown = await call<string>(server, 'GET', `/incidents/${id}/report?format=markdown&locale=zh-CN`);
    expect(markdown.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(markdown.body).toContain('网传某服务大厅拒绝办理业务');
    const html = await call<string>(server, 'GET', `/incidents/${id}/report?format=html`);
    expect(html.body.toLowerCase()).toMatch(/^<!doctype html>/);
    expect((await call<ErrorBody>(server, 'GET', `/incidents/${id}/report?format=pdf`)).status).toBe(400);

    const open = await call<{ incidents: IncidentSummary[] }>(server, 'GET', '/incidents?open=true');
    expect(open.body.incidents).toEqual([]);
    const all = await call<{ incidents: IncidentSummary[] }>(server, 'GET', '/incidents?stage=closed');
    expect(all.body.incidents.map((i) => [i.id, i.stage, i.closed, i.version])).toEqual([[id, 'closed', true, final.version]]);
  });
});
