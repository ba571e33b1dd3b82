// What both adapters must do alike, run against each over real HTTP (a listening server on
// 127.0.0.1): fastify-adapter.test.ts and express-adapter.test.ts call describeAdapterContract.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createBundle, loadPlan } from '../../src/index.js';
import type { AfterActionJson } from '../../src/report/index.js';
import {
  createEngine,
  createManualClock,
  memoryStore,
  SEND_ERROR_CODES,
  type Engine,
  type Incident,
  type IncidentStore,
  type ManualClock,
  type TimelineEntry,
} from '../../src/runtime/index.js';
import type { IncidentSummary, PlanwrightHttpOptions, TimelineBody } from '../../src/fastify/index.js';
import { call, personFromTestHeaders, readChanges, type ErrorReplyBody, type Person } from './http-test-support.js';

/** One plan mounted at a path prefix. */
export interface Mount {
  prefix: string;
  options: PlanwrightHttpOptions<never>;
}

/** A started app: its base URL, and a close that must end open change streams too. */
export interface StartedApp {
  url: string;
  close(): Promise<void>;
}

export type StartApp = (mounts: Mount[]) => Promise<StartedApp>;

const seedBundle = createBundle(loadPlan({ file: 'plans/public-opinion.plan.yaml' }));

/** A memory store whose reads show entry 3 of every timeline edited after the fact (another `by`, the stored hash kept). */
function tamperedStore(): IncidentStore {
  const store = memoryStore();
  const edit = (entry: TimelineEntry): TimelineEntry => (entry.seq === 3 ? { ...entry, by: { id: 'someone-else', roles: ['info-officer'] } } : entry);
  return {
    ...store,
    timeline: async (id, page) => (await store.timeline(id, page)).map(edit),
    get: async (id) => {
      const incident = await store.get(id);
      return incident === undefined ? undefined : { ...incident, timeline: incident.timeline.map(edit) };
    },
  };
}
const floodBundle = createBundle(loadPlan({ file: 'plans/city-flood.plan.yaml' }));

export function describeAdapterContract(name: string, start: StartApp): void {
  describe(`${name}: the adapter contract`, () => {
    let clock: ManualClock;
    let opinion: Engine;
    let flood: Engine;
    let trusting: Engine;
    let paging: Engine;
    let history: Engine;
    let tampered: Engine;
    let app: StartedApp;
    const serverErrors: unknown[] = [];
    let id = '';
    const onError = (error: unknown) => void serverErrors.push(error);
    const opinionCall = <T>(method: string, path: string, options: Parameters<typeof call>[3] = {}) => call<T>(app.url, method, `/opinion${path}`, options);
    const send = (as: Person, type: string, data?: Record<string, unknown>) =>
      opinionCall<Incident & ErrorReplyBody>('POST', `/incidents/${id}/events`, { as, body: data === undefined ? { type } : { type, data } });

    beforeAll(async () => {
      clock = createManualClock('2026-03-02T01:00:00Z');
      opinion = createEngine(seedBundle, { clock });
      flood = createEngine(floodBundle, { clock });
      trusting = createEngine(seedBundle, { clock });
      paging = createEngine(seedBundle, { clock });
      history = createEngine(seedBundle, { clock });
      tampered = createEngine(seedBundle, { clock, store: tamperedStore() });
      app = await start([
        { prefix: '/opinion', options: { engine: opinion, authenticate: personFromTestHeaders, bodyLimit: 4096, changeStreams: { maxStreams: 1 }, onError } },
        { prefix: '/flood', options: { engine: flood, authenticate: personFromTestHeaders, onError } },
        { prefix: '/gateway', options: { engine: trusting, authenticate: personFromTestHeaders, bodyActor: 'trust', onError } },
        { prefix: '/paging', options: { engine: paging, authenticate: personFromTestHeaders, onError } },
        { prefix: '/history', options: { engine: history, authenticate: personFromTestHeaders, onError } },
        { prefix: '/tampered', options: { engine: tampered, authenticate: personFromTestHeaders, onError } },
      ]);
    });

    afterAll(async () => {
      await app.close();
      for (const engine of [opinion, flood, trusting, paging, history, tampered]) await engine.dispose();
    });

    test('opens an incident as the authenticated person: 201, Location under the mount, ETag', async () => {
      const reply = await opinionCall<Incident>('POST', '/incidents', { as: 'wang', body: { title: '网传某服务大厅拒绝办理业务', category: 'media' } });
      expect(reply.status).toBe(201);
      id = reply.body.id;
      expect(reply.headers.get('location')).toBe(`/opinion/incidents/${id}`);
      expect(reply.headers.get('etag')).toBe('"1"');
      expect(reply.body.timeline[0]?.by).toEqual({ id: 'wang', roles: ['info-officer'] });
      expect(reply.body.deadlines.map((d) => [d.id, d.status, d.dueAt])).toEqual([['report', 'pending', '2026-03-02T01:30:00.000Z']]);
      const fetched = await opinionCall<Incident>('GET', reply.headers.get('location')!.slice('/opinion'.length), { as: 'li' });
      expect([fetched.status, fetched.body.id, fetched.headers.get('etag')]).toEqual([200, id, '"1"']);
    });

    test('every route but /health needs a person (401); /health answers without one', async () => {
      for (const [method, path] of [
        ['POST', '/incidents'],
        ['GET', '/incidents'],
        ['GET', `/incidents/${id}`],
        ['POST', `/incidents/${id}/events`],
        ['GET', `/incidents/${id}/timeline`],
        ['GET', `/incidents/${id}/report`],
        ['GET', '/changes'],
      ] as const) {
        const reply = await opinionCall<ErrorReplyBody>(method, path, method === 'POST' ? { body: { type: 'REPORT' } } : {});
        expect([method, path, reply.status, reply.body.error.code]).toEqual([method, path, 401, 'unauthenticated']);
      }
      const health = await opinionCall<{ status: string; plan: { id: string } }>('GET', '/health');
      expect([health.status, health.body.status, health.body.plan.id]).toEqual([200, 'ready', 'public-opinion']);
    });

    test('a body never names the actor unless the host trusts it', async () => {
      const withBy = await opinionCall<ErrorReplyBody>('POST', `/incidents/${id}/events`, {
        as: 'liu',
        body: { type: 'REPORT', by: { id: 'wang', roles: ['info-officer'] } },
      });
      expect([withBy.status, withBy.body.error.code, withBy.body.error.details]).toEqual([
        400,
        'bad-request',
        { where: 'body', issues: [{ path: 'by', message: 'the acting person comes from authentication, not from the body' }] },
      ]);
      // The trusting mount takes the body's person, but still needs an authenticated caller.
      const anonymous = await call<ErrorReplyBody>(app.url, 'POST', '/gateway/incidents', { body: { title: 't', category: 'media', by: { id: 'wang', roles: ['info-officer'] } } });
      expect(anonymous.status).toBe(401);
      const relayed = await call<Incident>(app.url, 'POST', '/gateway/incidents', {
        as: 'liu',
        body: { title: 't', category: 'media', by: { id: 'wang', roles: ['info-officer'] } },
      });
      expect([relayed.status, relayed.body.timeline[0]?.by]).toEqual([201, { id: 'wang', roles: ['info-officer'] }]);
    });

    test('malformed requests: 400/413/415/405 JSON errors naming where and what, nothing applied', async () => {
      const before = (await opinionCall<Incident>('GET', `/incidents/${id}`, { as: 'wang' })).body.version;
      const badJson = await opinionCall<ErrorReplyBody>('POST', `/incidents/${id}/events`, { as: 'wang', raw: '{"type": "REPORT",' });
      expect([badJson.status, badJson.body.error.code, badJson.body.error.details['where']]).toEqual([400, 'bad-request', 'body']);
      expect(badJson.body.error.message).toMatch(/^request body is not valid JSON: /);
      const badType = await opinionCall<ErrorReplyBody>('POST', `/incidents/${id}/events`, { as: 'wang', body: { type: 7 } });
      expect([badType.status, badType.body.error.message]).toEqual([400, 'invalid request body: type: Invalid input: expected string, received number']);
      expect(badType.body.error.details).toEqual({ where: 'body', issues: [{ path: 'type', message: 'Invalid input: expected string, received number' }] });
      const extraKey = await opinionCall<ErrorReplyBody>('POST', '/incidents', { as: 'wang', body: { title: 't', category: 'media', colour: 'red' } });
      expect(extraKey.body.error.details).toEqual({ where: 'body', issues: [{ path: '', message: 'Unrecognized key: "colour"' }] });
      const query = await opinionCall<ErrorReplyBody>('GET', '/incidents?open=yes&colour=red', { as: 'wang' });
      expect([query.status, query.body.error.details['where']]).toEqual([400, 'query']);
      expect((query.body.error.details['issues'] as Array<{ path: string }>).map((issue) => issue.path).sort()).toEqual(['', 'open']);
      const large = await opinionCall<ErrorReplyBody>('POST', `/incidents/${id}/events`, { as: 'wang', body: { type: 'REPORT', data: { summary: 'x'.repeat(5000) } } });
      expect([large.status, large.body.error.code, large.body.error.details]).toEqual([413, 'payload-too-large', { where: 'body', limit: 4096 }]);
      const text = await opinionCall<ErrorReplyBody>('POST', `/incidents/${id}/events`, { as: 'wang', raw: 'type=REPORT', headers: { 'content-type': 'text/plain' } });
      expect([text.status, text.body.error.code]).toEqual([415, 'unsupported-media-type']);
      const method = await opinionCall<ErrorReplyBody>('DELETE', `/incidents/${id}`, { as: 'wang' });
      expect([method.status, method.body.error.code, method.body.error.details['allow'], method.headers.get('allow')]).toEqual([405, 'method-not-allowed', ['GET'], 'GET']);
      const percent = await opinionCall<ErrorReplyBody>('GET', '/incidents/%E0%A4%A', { as: 'wang' });
      expect([percent.status, percent.headers.get('content-type'), percent.body.error.code, percent.body.error.message]).toEqual([
        400,
        'application/json; charset=utf-8',
        'bad-request',
        'the request path is not valid percent-encoded UTF-8',
      ]);
      const after = (await opinionCall<Incident>('GET', `/incidents/${id}`, { as: 'wang' })).body;
      expect(after.version).toBe(before);
      expect(serverErrors).toEqual([]);
    });

    test("the engine's refusals keep their codes, with the status of HTTP_STATUS", async () => {
      const statuses = new Map<string, number>();
      const record = (reply: { status: number; body: ErrorReplyBody }) => void statuses.set(reply.body.error.code, reply.status);
      record(await send('zhang', 'CELEBRATE', {}));
      record(await send('zhang', 'DECLARE_OVER', { reason: 'calm' }));
      record(await send('liu', 'REPORT', { summary: 's', source: 'weibo', publicReaction: 'r' }));
      record(await send('wang', 'REPORT', { summary: 's' }));
      record(await opinionCall<ErrorReplyBody>('POST', '/incidents/no-such-incident/events', { as: 'wang', body: { type: 'REPORT' } }));
      record(await opinionCall<ErrorReplyBody>('GET', '/incidents/no-such-incident', { as: 'wang' }));
      record(await opinionCall<ErrorReplyBody>('POST', '/incidents', { as: 'wang', body: { title: 't', category: 'weather' } }));
      expect(Object.fromEntries(statuses)).toEqual({ 'unknown-event': 400, 'not-in-stage': 409, unauthorized: 403, 'invalid-data': 422, 'not-found': 404 });
      expect(SEND_ERROR_CODES).toEqual(expect.arrayContaining([...statuses.keys()]));
      // Every refusal is on the timeline, with who tried.
      const timeline = await opinionCall<TimelineBody>('GET', `/incidents/${id}/timeline`, { as: 'wang' });
      expect(timeline.body.entries.filter((e) => e.type === 'rejected').map((e) => [e.by?.id, e.data?.['code']])).toEqual([
        ['zhang', 'unknown-event'],
        ['zhang', 'not-in-stage'],
        ['liu', 'unauthorized'],
        ['wang', 'invalid-data'],
      ]);
      expect(timeline.body.verification).toEqual({ scope: 'page', ok: true });
    });

    test('change stream: a subscriber sees accepted events of its incident; one stream over the limit is 503', async () => {
      const reader = await readChanges(app.url, `/opinion/changes?incident=${encodeURIComponent(id)}`, 'li');
      try {
        const second = await opinionCall<ErrorReplyBody>('GET', '/changes', { as: 'li' });
        expect([second.status, second.body.error.code]).toEqual([503, 'unavailable']);
        clock.advance('10m');
        const reported = await send('wang', 'REPORT', { summary: '网帖称大厅窗口拒办', source: '微博', publicReaction: '转发两千余次' });
        expect([reported.status, reported.body.stage]).toEqual([200, 'assess']);
        await reader.until((events) => events.some((e) => e.version === reported.body.version));
        const event = reader.events.find((e) => e.version === reported.body.version)!;
        expect([event.incidentId, event.stage, event.closed]).toEqual([id, 'assess', false]);
        expect(event.entries.filter((entry) => entry.result === 'accepted').map((entry) => [entry.type, entry.data?.['event'], entry.by?.id])).toEqual([['event', 'REPORT', 'wang']]);
        expect(reader.events.every((e) => e.incidentId === id)).toBe(true);
      } finally {
        reader.close();
      }
    });

    test('lists and reports: summaries with filters, the report in json, markdown and a locked-down html page', async () => {
      const open = await opinionCall<{ incidents: IncidentSummary[] }>('GET', '/incidents?open=true&stage=assess', { as: 'wang' });
      expect(open.body.incidents.map((i) => [i.id, i.stage, i.pending.map((p) => p.id)])).toEqual([[id, 'assess', ['assess']]]);
      expect((await opinionCall<{ incidents: IncidentSummary[] }>('GET', '/incidents?open=false', { as: 'wang' })).body.incidents).toEqual([]);
      const json = await opinionCall<AfterActionJson>('GET', `/incidents/${id}/report`, { as: 'wang' });
      expect(json.body.incident).toMatchObject({ id, planId: 'public-opinion', closed: false });
      const markdown = await opinionCall<string>('GET', `/incidents/${id}/report?format=markdown&locale=zh-CN`, { as: 'wang' });
      expect([markdown.headers.get('content-type'), markdown.body.includes('网传某服务大厅拒绝办理业务')]).toEqual(['text/markdown; charset=utf-8', true]);
      const html = await opinionCall<string>('GET', `/incidents/${id}/report?format=html&locale=en`, { as: 'wang' });
      expect(html.body.toLowerCase()).toMatch(/^<!doctype html>/);
      expect(html.headers.get('content-security-policy')).toContain("default-src 'none'");
      const pdf = await opinionCall<ErrorReplyBody>('GET', `/incidents/${id}/report?format=pdf`, { as: 'wang' });
      expect([pdf.status, pdf.body.error.details['where']]).toEqual([400, 'query']);
    });

    test('lists in pages: limit and cursor, next absent on the last page; a bad limit or cursor is a 400 naming it', async () => {
      const opened: string[] = [];
      for (let n = 0; n < 5; n++) {
        opened.push((await call<Incident>(app.url, 'POST', '/paging/incidents', { as: 'wang', body: { title: `第${n + 1}条`, category: 'media' } })).body.id);
        clock.advance('1m');
      }
      type Page = { incidents: IncidentSummary[]; next?: string };
      const seen: string[][] = [];
      let path = '/paging/incidents?open=true&limit=2';
      for (;;) {
        const page = await call<Page>(app.url, 'GET', path, { as: 'li' });
        expect(page.status).toBe(200);
        seen.push(page.body.incidents.map((i) => i.id));
        if (page.body.next === undefined) break;
        expect(Object.keys(page.body).sort()).toEqual(['incidents', 'next']);
        path = `/paging/incidents?open=true&limit=2&cursor=${encodeURIComponent(page.body.next)}`;
      }
      expect(seen).toEqual([opened.slice(0, 2), opened.slice(2, 4), opened.slice(4)]);
      const whole = await call<Page>(app.url, 'GET', '/paging/incidents', { as: 'li' });
      expect([whole.body.incidents.length, 'next' in whole.body]).toEqual([5, false]);
      const first = (await call<Page>(app.url, 'GET', '/paging/incidents?open=true&limit=1', { as: 'li' })).body.next!;
      const refused = async (query: string) => {
        const reply = await call<ErrorReplyBody>(app.url, 'GET', `/paging/incidents?${query}`, { as: 'li' });
        expect([query, reply.status, reply.body.error.code, reply.body.error.details['where']]).toEqual([query, 400, 'bad-request', 'query']);
        return (reply.body.error.details['issues'] as Array<{ path: string; message: string }>).map((issue) => issue.path);
      };
      for (const limit of ['0', '-1', 'abc', '2.5', '501', '', '1e2']) expect(await refused(`limit=${limit}`)).toEqual(['limit']);
      expect(await refused('limit=1&limit=2')).toEqual(['limit']);
      expect(await refused('cursor=%21%21%21')).toEqual(['cursor']);
      expect(await refused(`cursor=${first.slice(0, -4)}`)).toEqual(['cursor']);
      expect(await refused(`cursor=${first}`)).toEqual(['cursor']); // issued for open=true
      expect(await refused(`open=false&cursor=${first}`)).toEqual(['cursor']);
      const other = await call<ErrorReplyBody>(app.url, 'GET', `/paging/incidents?cursor=${first}`, { as: 'li' });
      expect(other.body.error.message).toBe('invalid request query: cursor: issued for other filters (open=true, not none): start again without a cursor');
      expect((await call<Page>(app.url, 'GET', `/paging/incidents?open=true&cursor=${first}`, { as: 'li' })).body.incidents.map((i) => i.id)).toEqual(opened.slice(1));
    });

    test('pages the timeline: after and limit, next until the last entry; a bad after, limit or verify is a 400 naming it; an unknown incident 404', async () => {
      const errorsBefore = serverErrors.length;
      const opened = await call<Incident>(app.url, 'POST', '/history/incidents', { as: 'wang', body: { title: '网传某服务大厅拒绝办理业务', category: 'media' } });
      const incidentId = opened.body.id;
      for (let n = 0; n < 6; n++) await call(app.url, 'POST', `/history/incidents/${incidentId}/events`, { as: 'zhang', body: { type: 'CELEBRATE' } }); // refused, recorded
      const whole = (await call<Incident>(app.url, 'GET', `/history/incidents/${incidentId}`, { as: 'li' })).body;
      const seqs = whole.timeline.map((entry) => entry.seq);
      expect(seqs.length).toBeGreaterThan(8);
      const timeline = (query: string) => call<TimelineBody>(app.url, 'GET', `/history/incidents/${incidentId}/timeline${query}`, { as: 'li' });

      // Without parameters: the first page (default 100 entries: all of these), checked with its links.
      const first = await timeline('');
      expect([first.status, first.headers.get('etag')]).toEqual([200, `"${whole.version}"`]);
      expect(first.body).toEqual({ incidentId, version: whole.version, entries: whole.timeline, verification: { scope: 'page', ok: true } });

      // Page by page, following next.
      const pages: number[][] = [];
      let query = '?limit=4';
      for (;;) {
        const page = await timeline(query);
        expect([page.status, page.body.incidentId, page.body.version, page.body.verification]).toEqual([200, incidentId, whole.version, { scope: 'page', ok: true }]);
        pages.push(page.body.entries.map((entry) => entry.seq));
        if (page.body.next === undefined) break;
        expect(Object.keys(page.body).sort()).toEqual(['entries', 'incidentId', 'next', 'verification', 'version']);
        expect(page.body.next).toBe(page.body.entries.at(-1)?.seq);
        query = `?limit=4&after=${page.body.next}`;
      }
      expect(pages).toEqual(Array.from({ length: Math.ceil(seqs.length / 4) }, (_, n) => seqs.slice(n * 4, n * 4 + 4)));
      const middle = await timeline('?after=2&limit=3');
      expect([middle.body.entries.map((entry) => entry.seq), middle.body.next]).toEqual([[3, 4, 5], 5]);
      expect(middle.body.entries).toEqual(whole.timeline.slice(3, 6));
      // At or past the last entry: an empty page, no next (a client polls with its last seq).
      const last = seqs.at(-1)!;
      for (const after of [last, last + 10]) {
        const empty = await timeline(`?after=${after}`);
        expect([empty.status, empty.body.entries, 'next' in empty.body, empty.body.verification]).toEqual([200, [], false, { scope: 'page', ok: true }]);
      }
      const tail = await timeline(`?after=${last - 1}&limit=500`);
      expect([tail.body.entries.map((entry) => entry.seq), 'next' in tail.body]).toEqual([[last], false]);
      // verify=chain: the same page, the whole chain checked.
      const chain = await timeline('?verify=chain&after=2&limit=3');
      expect(chain.body).toEqual({ ...middle.body, verification: { scope: 'chain', ok: true } });

      const refused = async (query: string) => {
        const reply = await call<ErrorReplyBody>(app.url, 'GET', `/history/incidents/${incidentId}/timeline?${query}`, { as: 'li' });
        expect([query, reply.status, reply.body.error.code, reply.body.error.details['where']]).toEqual([query, 400, 'bad-request', 'query']);
        return (reply.body.error.details['issues'] as Array<{ path: string; message: string }>).map((issue) => issue.path);
      };
      for (const limit of ['0', '-1', 'abc', '2.5', '501', '', '1e2']) expect(await refused(`limit=${limit}`)).toEqual(['limit']);
      for (const after of ['-2', 'abc', '1.5', '', '01', '1e2', '9007199254740993']) expect(await refused(`after=${after}`)).toEqual(['after']);
      expect(await refused('after=1&after=2')).toEqual(['after']);
      expect(await refused('verify=page')).toEqual(['verify']);
      expect(await refused('cursor=abc')).toEqual(['']);
      const tooLarge = await call<ErrorReplyBody>(app.url, 'GET', `/history/incidents/${incidentId}/timeline?limit=501`, { as: 'li' });
      expect(tooLarge.body.error.message).toBe('invalid request query: limit: at most 500 entries a page');

      for (const path of ['/history/incidents/no-such-incident/timeline', '/history/incidents/no-such-incident/timeline?after=3&verify=chain']) {
        const unknown = await call<ErrorReplyBody>(app.url, 'GET', path, { as: 'li' });
        expect([unknown.status, unknown.body.error.code, unknown.body.error.details]).toEqual([404, 'not-found', { incidentId: 'no-such-incident' }]);
      }
      expect(serverErrors.slice(errorsBefore)).toEqual([]);
    });

    test('timeline verification: a page checks its entries and its link to the entry at after; verify=chain the whole chain', async () => {
      const opened = await call<Incident>(app.url, 'POST', '/tampered/incidents', { as: 'wang', body: { title: 't', category: 'media' } });
      const incidentId = opened.body.id;
      for (let n = 0; n < 6; n++) await call(app.url, 'POST', `/tampered/incidents/${incidentId}/events`, { as: 'zhang', body: { type: 'CELEBRATE' } });
      const timeline = (query: string) => call<TimelineBody>(app.url, 'GET', `/tampered/incidents/${incidentId}/timeline${query}`, { as: 'li' });
      const broken = { ok: false, brokenAt: 3, reason: 'hash' };
      expect((await timeline('')).body.verification).toEqual({ scope: 'page', ...broken });
      // Entry 3 is not on the page after it, but is read with it: the page's first link is checked against it.
      const after = await timeline('?after=3&limit=2');
      expect([after.status, after.body.entries.map((entry) => entry.seq), after.body.verification]).toEqual([200, [4, 5], { scope: 'page', ...broken }]);
      // A page sees nothing before the entry at after; the whole chain does.
      expect((await timeline('?after=4&limit=2')).body.verification).toEqual({ scope: 'page', ok: true });
      expect((await timeline('?after=4&limit=2&verify=chain')).body.verification).toEqual({ scope: 'chain', ...broken });
    });

    test('a second plan at another prefix: its own incidents and roles', async () => {
      const opened = await call<Incident>(app.url, 'POST', '/flood/incidents', {
        as: 'ma',
        body: { title: '城区发布暴雨黄色预警', category: 'river-flood', data: { warningColour: 'yellow', returnPeriod: 5 } },
      });
      expect(opened.status).toBe(201);
      const reading = await call<Incident>(app.url, 'POST', `/flood/incidents/${opened.body.id}/events`, {
        as: 'he',
        body: { type: 'WATER_READING', data: { riverLevel: 3.8, warningWaterLevel: 4.0 } },
      });
      expect([reading.status, reading.body.stage]).toEqual([200, 'watch']);
      // The seed plan's people hold no role of the flood plan.
      const outsider = await call<ErrorReplyBody>(app.url, 'POST', '/flood/incidents', { as: 'wang', body: { title: 't', category: 'river-flood' } });
      expect([outsider.status, outsider.body.error.code]).toEqual([403, 'unauthorized']);
      const lists = await Promise.all(['/flood', '/opinion'].map((prefix) => call<{ incidents: IncidentSummary[] }>(app.url, 'GET', `${prefix}/incidents`, { as: 'wang' })));
      expect(lists.map((list) => list.body.incidents.map((i) => i.id))).toEqual([[opened.body.id], [id]]);
    });

    test("server-side failures: 5xx with the code only, the error handed to onError", async () => {
      const stopped = createEngine(seedBundle, { clock });
      const failing = await start([
        { prefix: '/down', options: { engine: stopped, authenticate: personFromTestHeaders, onError } },
        {
          prefix: '/broken',
          options: {
            engine: opinion,
            authenticate: () => {
              throw new Error('directory at ldap://10.0.0.7 refused the bind');
            },
            onError,
          },
        },
      ]);
      try {
        await stopped.dispose();
        serverErrors.length = 0;
        const health = await call<ErrorReplyBody>(failing.url, 'GET', '/down/health');
        expect([health.status, health.body]).toEqual([503, { error: { code: 'unavailable', message: 'the server could not complete the request (unavailable)', details: {} } }]);
        const disposed = await call<ErrorReplyBody>(failing.url, 'POST', '/down/incidents', { as: 'wang', body: { title: 't', category: 'media' } });
        expect([disposed.status, disposed.body.error.code]).toEqual([503, 'disposed']);
        const broken = await call<ErrorReplyBody>(failing.url, 'GET', '/broken/incidents', { as: 'wang' });
        expect([broken.status, broken.body.error.code, JSON.stringify(broken.body).includes('ldap')]).toEqual([500, 'internal', false]);
        expect(serverErrors.map((error) => (error as Error).message)).toEqual([
          'not ready',
          expect.stringMatching(/disposed/),
          'directory at ldap://10.0.0.7 refused the bind',
        ]);
        expect((serverErrors[0] as Error).cause).toBeInstanceOf(Error);
      } finally {
        await failing.close();
      }
    });
  });
}

