import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';

function captureIo(cwd?: string): { io: Parameters<typeof run>[1]; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    io: { stdout: (text: string) => void (out += text), stderr: (text: string) => void (err += text), isTTY: false, ...(cwd === undefined ? {} : { cwd }) },
    out: () => out,
    err: () => err,
  };
}

describe('planwright studio (command)', () => {
  it('lists its options in --help and refuses bad arguments with exit 2', async () => {
    const help = captureIo();
    expect(await run(['studio', '--help'], help.io)).toBe(0);
    expect(help.out()).toContain('--port <N>');
    const port = captureIo();
    expect(await run(['studio', 'plans/public-opinion.plan.yaml', '--port', 'eighty'], port.io)).toBe(2);
    expect(port.err()).toContain('--port must be a port number');
    const missing = captureIo();
    expect(await run(['studio', 'plans/nope.plan.yaml'], missing.io)).toBe(2);
    expect(missing.err()).toContain('does not exist');
  });

  it('prints a 127.0.0.1 URL with a token, serves the API, grants the seed drills, and stops cleanly on SIGINT', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/bin.ts', 'studio', 'plans/public-opinion.plan.yaml'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 60_000);
      child.stdout.on('data', () => {
        const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+/.exec(out);
        if (match) {
          clearTimeout(timer);
          resolve(match[0]);
        }
      });
    });
    expect(out).toContain('drills: examples/drills/public-opinion');
    const parsed = new URL(url);
    const session = await fetch(new URL('/api/session', parsed), { headers: { 'x-studio-token': parsed.searchParams.get('token') ?? '' } });
    expect(session.status).toBe(200);
    const body = (await session.json()) as { planFile: string; drills: string[] };
    expect(body.planFile).toBe('public-opinion.plan.yaml');
    expect(body.drills.filter((d) => d.endsWith('.drill.yaml'))).toHaveLength(11);
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exit).toBe(0);
    expect(out).toContain('planwright studio: stopped');
  }, 90_000);

  it('in a folder without a plan, offers the starter plan in the chosen language and writes nothing until saved', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'studio-empty-'));
    const io = captureIo(dir);
    const running = run(['studio', '--locale', 'zh-CN'], io.io);
    try {
      await expect.poll(() => /http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+/.test(io.out()), { timeout: 30_000 }).toBe(true);
      expect(io.out()).toContain('此文件夹中没有 *.plan.yaml；网页中给出入门预案，保存即新建 emergency.plan.yaml');
      const url = new URL(/http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+/.exec(io.out())![0]);
      const response = await fetch(new URL('/api/session', url), { headers: { 'x-studio-token': url.searchParams.get('token') ?? '' } });
      const session = (await response.json()) as { planFile: string; files: Array<{ path: string; text: string; version: string | null }>; starter?: Record<string, string>; locales: string[] };
      expect(session.planFile).toBe('emergency.plan.yaml');
      expect(session.files).toHaveLength(1);
      expect(session.files[0]!.version).toBeNull();
      expect(session.files[0]!.text).toBe(session.starter?.['zh-CN']);
      expect(session.starter?.['en']).toContain('id: ');
      expect(session.locales[0]).toBe('zh-CN');
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      process.emit('SIGINT');
      expect(await running).toBe(0);
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
