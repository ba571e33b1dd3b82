import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planJsonSchema } from '../../src/index.js';
import { MAX_BODY_BYTES, startStudio, type StudioServer } from '../../src/studio/studio-server.js';
import { copyFolder, seedStudio, studioAssets } from './studio-fixture.js';

let studio: StudioServer;
let dir: string;
let cleanup: () => Promise<void>;

/** A raw HTTP request (fetch would not let us forge Host). */
function call(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}, target: StudioServer = studio): Promise<{ status: number; json: Record<string, unknown> & { error?: { code: string; message: string } }; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: target.port, path, method: options.method ?? 'GET', headers: { host: `127.0.0.1:${target.port}`, 'x-studio-token': target.token, 'content-type': 'application/json', ...options.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json = {};
        try {
          json = JSON.parse(text);
        } catch {
          json = {};
        }
        resolve({ status: res.statusCode ?? 0, json, text });
      });
    });
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const post = (path: string, body: unknown, headers: Record<string, string> = {}) => call(path, { method: 'POST', body: JSON.stringify(body), headers });

describe('studio API', () => {
  beforeAll(async () => {
    ({ studio, dir, cleanup } = await seedStudio());
  }, 60_000);
  afterAll(async () => {
    await cleanup();
  });

  it('listens on 127.0.0.1 and prints a URL with the token', () => {
    expect(studio.url).toBe(`http://127.0.0.1:${studio.port}/?token=${studio.token}`);
    expect(studio.token).toMatch(/^[0-9a-f]{48}$/);
  });

  it('refuses a missing or wrong token with a JSON error, never a stack trace', async () => {
    const wrong = await call('/api/session', { headers: { 'x-studio-token': 'nope' } });
    expect(wrong.status).toBe(401);
    expect(wrong.json.error?.code).toBe('bad-token');
    expect(wrong.text).not.toMatch(/at .*\.ts:\d+/);
    const none = await call('/api/session', { headers: { 'x-studio-token': '' } });
    expect(none.status).toBe(401);
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin', async () => {
    const host = await call('/api/session', { headers: { host: `evil.example:${studio.port}` } });
    expect(host.status).toBe(403);
    expect(host.json.error?.code).toBe('bad-host');
    const page = await call('/', { headers: { host: 'evil.example' } });
    expect(page.status).toBe(403);
    const origin = await call('/api/session', { headers: { origin: 'http://evil.example' } });
    expect(origin.status).toBe(403);
    expect(origin.json.error?.code).toBe('bad-origin');
    const ok = await call('/api/session', { headers: { origin: `http://localhost:${studio.port}` } });
    expect(ok.status).toBe(200);
  });

  it('reads and writes only inside the plan folder, symlinks resolved', async () => {
    const up = await post('/api/file', { path: '../../etc/passwd' });
    expect(up.status).toBe(403);
    expect(up.json.error?.code).toBe('outside-workspace');
    const absolute = await post('/api/file', { path: '/etc/passwd' });
    expect(absolute.status).toBe(403);
    symlinkSync('/etc', join(dir, 'sneaky'));
    const viaLink = await post('/api/file', { path: 'sneaky/hostname' });
    expect(viaLink.status).toBe(403);
    const write = await post('/api/save', { path: '../escape.yaml', text: 'x', baseVersion: null });
    expect(write.status).toBe(403);
  });

  it('limits request bodies', async () => {
    const big = await call('/api/check', { method: 'POST', body: JSON.stringify({ texts: { 'public-opinion.plan.yaml': 'x'.repeat(MAX_BODY_BYTES + 10) } }) });
    expect(big.status).toBe(413);
    expect(big.json.error?.code).toBe('body-too-large');
    const bad = await call('/api/check', { method: 'POST', body: '{not json' });
    expect(bad.status).toBe(400);
    expect(bad.json.error?.code).toBe('bad-json');
  });

  it('checks the text with the CLI codes and positions, in zh-CN on request', async () => {
    const text = readFileSync(join(dir, 'public-opinion.plan.yaml'), 'utf8').replace('by: [command.leader, command.deputy]\n        target: respond', 'by: [command.leadr, comand-lead]\n        target: respond');
    const en = await post('/api/check', { texts: { 'public-opinion.plan.yaml': text }, locale: 'en' });
    const codes = (en.json['diagnostics'] as Array<{ code: string; range?: { start: { line: number } } }>).map((d) => d.code);
    expect(codes).toContain('unknown-role');
    const zh = await post('/api/check', { texts: { 'public-opinion.plan.yaml': text }, locale: 'zh-CN' });
    const message = (zh.json['diagnostics'] as Array<{ message: string }>)[0]?.message ?? '';
    expect(message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('saves atomically and reports a conflict when the file changed on disk', async () => {
    const session = await call('/api/session');
    const plan = (session.json['files'] as Array<{ path: string; text: string; version: string }>)[0]!;
    const edited = `${plan.text}# edited in the studio\n`;
    const saved = await post('/api/save', { path: plan.path, text: edited, baseVersion: plan.version });
    expect(saved.status).toBe(200);
    expect(readFileSync(join(dir, plan.path), 'utf8')).toBe(edited);
    writeFileSync(join(dir, plan.path), `${edited}# changed by another editor\n`);
    const stale = await post('/api/save', { path: plan.path, text: `${edited}# mine\n`, baseVersion: saved.json['version'] });
    expect(stale.status).toBe(409);
    expect(stale.json.error?.code).toBe('conflict');
    expect((stale.json['disk'] as { text: string }).text).toContain('# changed by another editor');
  });

  it('runs the seed drills: 11 pass, with coverage and step views', async () => {
    const session = await call('/api/session');
    const plan = (session.json['files'] as Array<{ path: string; text: string }>)[0]!;
    const run = await post('/api/drills/run', { texts: { [plan.path]: plan.text }, locale: 'en' });
    expect(run.status).toBe(200);
    expect(run.json['passed']).toBe(11);
    expect(run.json['failed']).toBe(0);
    const drills = run.json['drills'] as Array<{ file: string; steps: Array<{ breaches: string[]; stage: string }> }>;
    const breaches = drills.find((d) => d.file.endsWith('level-i-breaches.drill.yaml'))!;
    // Step 2 (30m) is where the report deadline breaches.
    expect(breaches.steps[1]!.breaches).toEqual(['report']);
    expect(breaches.steps[0]!.breaches).toEqual([]);
    expect(breaches.steps[2]!.stage).toBe('assess');
  });

  it('rehearses: events offered by authorization, refusals, clock advance and export', async () => {
    const session = await call('/api/session');
    const plan = (session.json['files'] as Array<{ path: string; text: string }>)[0]!;
    const texts = { [plan.path]: plan.text };
    const opened = await post('/api/rehearsal/open', { texts, title: 'rehearsal', category: 'media', by: { id: 'wang', roles: ['info-officer'] }, start: '2026-03-05T13:00:00Z' });
    expect(opened.status).toBe(200);
    const id = opened.json['id'];
    const offered = await post('/api/rehearsal/available', { id, actor: { id: 'wang', roles: ['info-officer'] } });
    expect((offered.json['events'] as Array<{ event: string }>).map((e) => e.event)).toContain('REPORT');
    const advanced = await post('/api/rehearsal/advance', { id, by: '31m' });
    expect(advanced.json['breaches']).toEqual(['report']);
    const exported = await post('/api/rehearsal/export', { id, locale: 'en' });
    expect(exported.json['drill']).toContain('start: 2026-03-05T13:00:00.000Z');
    expect(exported.json['html']).toContain('<html');
  });

  it('tells refusals in the page’s language: a rehearsal send, its log, and a drill step', async () => {
    const session = await call('/api/session');
    const plan = (session.json['files'] as Array<{ path: string; text: string }>)[0]!;
    const texts = { [plan.path]: plan.text };
    const wang = { id: 'wang', roles: ['info-officer'] };
    const opened = await post('/api/rehearsal/open', { texts, title: '演练', category: 'media', by: wang, start: '2026-03-05T13:00:00Z', locale: 'zh-CN' });
    const id = opened.json['id'];
    const zh = await post('/api/rehearsal/send', { id, actor: { id: 'liu', roles: ['customer-service'] }, event: 'REPORT', data: { summary: 's', source: 's' }, locale: 'zh-CN' });
    expect(zh.json['ok']).toBe(false);
    expect(zh.json.error).toEqual({ code: 'unauthorized', message: '发送人不担任可在此处发送这个事件的任何角色' });
    const log = (zh.json['view'] as { log: Array<{ type: string; refusal?: { code: string; message: string } }> }).log;
    expect(log.at(-1)).toMatchObject({ type: 'rejected', refusal: { code: 'unauthorized', message: '发送人不担任可在此处发送这个事件的任何角色' } });
    const en = await post('/api/rehearsal/send', { id, actor: wang, event: 'NO_SUCH_EVENT', data: {}, locale: 'en' });
    expect(en.json.error).toEqual({ code: 'unknown-event', message: 'the plan has no event "NO_SUCH_EVENT"' });

    const drill = [
      'drill: refused',
      'start: 2026-03-05T21:00:00+08:00',
      'people: { wang: [info-officer], liu: [customer-service] }',
      'open: { by: wang, title: t, category: media }',
      'steps:',
      '  - { at: 5m, by: liu, send: REPORT, data: { summary: s, source: s } }',
      '',
    ].join('\n');
    const run = await post('/api/drills/run', { texts, drills: ['refused.drill.yaml'], drillTexts: { 'refused.drill.yaml': drill }, locale: 'zh-CN' });
    const [result] = run.json['drills'] as Array<{ failures: Array<{ message: string }>; steps: Array<{ refusal?: { code: string; message: string } }> }>;
    expect(result!.steps[0]!.refusal).toEqual({ code: 'unauthorized', message: '发送人不担任可在此处发送这个事件的任何角色' });
    expect(result!.failures[0]!.message).toBe('REPORT：预期被接受，实际被拒绝（unauthorized：发送人不担任可在此处发送这个事件的任何角色）');
  });

  it('the session carries the check of the texts it opens, in the plan\'s first language: what /api/check answers for them', async () => {
    const session = await call('/api/session');
    expect(session.status).toBe(200);
    expect(session.json['locale']).toBe('zh-CN');
    const files = session.json['files'] as Array<{ path: string; text: string }>;
    const analysis = session.json['analysis'] as { durationMs: number; graph?: { stages: Array<{ id: string; title: string }> } };
    expect(analysis.graph?.stages.find((stage) => stage.id === 'strategy')?.title).toBe('制定应急响应策略');
    const later = await post('/api/check', { texts: Object.fromEntries(files.map((file) => [file.path, file.text])), locale: 'zh-CN' });
    expect({ ...analysis, durationMs: 0 }).toEqual({ ...later.json, durationMs: 0 });
    // The schema is not in the session (the page loads it after the first view).
    expect(session.json['schema']).toBeUndefined();
    const schema = await call('/api/schema');
    expect(schema.json).toEqual(planJsonSchema());
  });

  it('a session after a file changed on disk shows the new texts and their check, not the first view worked out before', async () => {
    const tutorial = copyFolder('docs/tutorial');
    const other = await startStudio({ planFile: join(tutorial, 'water-outage.plan.yaml'), assetsDir: await studioAssets() });
    try {
      const first = await call('/api/session', {}, other);
      expect((first.json['files'] as Array<{ path: string }>).map((file) => file.path)).toEqual(['water-outage.plan.yaml', 'people.yaml']);
      const codes = (json: Record<string, unknown>): string[] => ((json['analysis'] as { diagnostics: Array<{ code: string }> }).diagnostics).map((d) => d.code);
      expect(codes(first.json)).not.toContain('unknown-role');
      // An included file changed by another editor.
      const original = readFileSync(join(tutorial, 'people.yaml'), 'utf8');
      const people = original.replace('leader: repair-lead', 'leader: repair-leadx');
      writeFileSync(join(tutorial, 'people.yaml'), people);
      const second = await call('/api/session', {}, other);
      expect((second.json['files'] as Array<{ path: string; text: string }>)[1]?.text).toBe(people);
      const unknown = (second.json['analysis'] as { diagnostics: Array<{ code: string; file: string; range?: { start: { line: number } } }> }).diagnostics.find((d) => d.code === 'unknown-role');
      expect(unknown?.file).toBe('people.yaml');
      expect(unknown?.range?.start.line).toBe(people.split('\n').findIndex((line) => line.includes('repair-leadx')) + 1);
      // The included file put back and the plan itself changed: the new title is drawn.
      writeFileSync(join(tutorial, 'people.yaml'), original);
      const plan = readFileSync(join(tutorial, 'water-outage.plan.yaml'), 'utf8');
      const stageTitle = (first.json['analysis'] as { graph: { stages: Array<{ id: string; title: string }> } }).graph.stages[0]!;
      writeFileSync(join(tutorial, 'water-outage.plan.yaml'), plan.replace(stageTitle.title, `${stageTitle.title} (renamed)`));
      const third = await call('/api/session', {}, other);
      expect((third.json['analysis'] as { graph: { stages: Array<{ id: string; title: string }> } }).graph.stages.find((stage) => stage.id === stageTitle.id)?.title).toBe(`${stageTitle.title} (renamed)`);
    } finally {
      await other.close();
      rmSync(tutorial, { recursive: true, force: true });
    }
  });

  it('in a folder without a plan, a plan file another editor creates where the starter is shown is pushed to the page', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'studio-empty-'));
    const other = await startStudio({ cwd: empty, assetsDir: await studioAssets() });
    try {
      const session = await call('/api/session', {}, other);
      const files = session.json['files'] as Array<{ path: string; version: string | null }>;
      expect(files).toHaveLength(1);
      expect(files[0]?.version).toBeNull();
      const pushed = new Promise<string>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: other.port, path: '/api/events', headers: { host: `127.0.0.1:${other.port}`, 'x-studio-token': other.token } }, (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => {
            text += chunk.toString('utf8');
            if (text.includes('event: file-changed')) {
              resolve(text);
              req.destroy();
            } else if (text.includes(': studio')) writeFileSync(join(empty, files[0]!.path), 'planwright: 1\n');
          });
        });
        req.on('error', reject);
        req.end();
      });
      const stream = await Promise.race([pushed, new Promise<string>((_resolve, reject) => setTimeout(() => reject(new Error('no file-changed event within 10 s')), 10_000))]);
      const data = JSON.parse(stream.slice(stream.indexOf('data: ') + 'data: '.length).split('\n')[0]!) as { path: string; text: string };
      expect(data).toMatchObject({ path: files[0]!.path, text: 'planwright: 1\n' });
    } finally {
      await other.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
