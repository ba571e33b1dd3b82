import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';

function captureIo(): { io: Parameters<typeof run>[1]; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    io: { stdout: (text: string) => void (out += text), stderr: (text: string) => void (err += text), isTTY: false },
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
});
