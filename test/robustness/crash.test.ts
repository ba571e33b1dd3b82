/**
 * Crash test of the engine on `fileStore`: a child process (crash-child.ts) runs incidents of the
 * seed plan and is killed with SIGKILL at random moments — during start-up and recovery, or while
 * it sends events to several incidents at once — then restarted on the same directory with its clock
 * moved on. After every kill:
 * - no event whose `send` (or `open`) had resolved is lost: every acknowledged timeline entry is on
 *   disk with the same hash;
 * - no file is corrupt or half-written: every document parses and validates, the hash chains
 *   verify, and the only other files are the lock and crash leftovers the store deletes on open;
 * - pending deadlines still fire: what was due when a restarted child reported `ready` is no longer
 *   pending (its start-up `runDue` fired it and saved), and no deadline instance breaches twice;
 * and at the end a new engine with the clock 30 days on fires every pending deadline exactly once.
 *
 * CI kills 50 times; `PLANWRIGHT_CRASH_RUNS=<n>` kills n times.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBundle } from '../../src/bundle/create-bundle.js';
import { createEngine, createManualClock, verifyTimeline, type Incident } from '../../src/runtime/index.js';
import { fileStore } from '../../src/runtime/stores/file-store.js';
import { loadSeedDefinition } from '../compile/seed.js';
import { runsFrom } from './support.js';

const KILLS = runsFrom('PLANWRIGHT_CRASH_RUNS', 50);
const START = Date.parse('2024-05-01T08:00:00.000Z');
const LEFTOVER = /^\.[A-Za-z0-9._-]+\.[0-9a-f]{16}\.tmp$|^\.planwright\.lock(\.\d+\.[0-9a-f]{8})?$/;

let work: string;
let childFile: string;
let bundleFile: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'planwright-crash-'));
  childFile = join(work, 'crash-child.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./crash-child.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: childFile,
    minify: true,
    logLevel: 'silent',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  bundleFile = join(work, 'public-opinion.json');
  writeFileSync(bundleFile, JSON.stringify(createBundle(loadSeedDefinition())));
}, 60_000);

afterAll(() => {
  if (work !== undefined) rmSync(work, { recursive: true, force: true });
});

interface Ack {
  id: string;
  version: number;
  length: number;
  hash: string;
  at: number;
}

interface ChildRun {
  acks: Ack[];
  /** Clock time when the child said `ready` (its start-up runDue done), if it got that far. */
  readyAt?: number;
  lastAt: number;
  exit: string;
}

/** Runs a child and kills it after `killAfterMs` (counted from `ready` when `afterReady`). */
function runChild(dir: string, start: number, seed: number, killAfterMs: number, afterReady: boolean): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childFile, dir, bundleFile, String(start), String(seed)], { stdio: ['ignore', 'pipe', 'pipe'] });
    const run: ChildRun = { acks: [], lastAt: start, exit: '' };
    let buffer = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    const arm = (): void => {
      timer ??= setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    };
    if (!afterReady) arm();
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      let nl = buffer.indexOf('\n');
      while (nl >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        const [kind, a, b, c, d, e] = line.split(' ');
        if (kind === 'ready') {
          run.readyAt = Number(b);
          run.lastAt = Math.max(run.lastAt, Number(b));
          arm();
        } else if (kind === 'ack') {
          const ack: Ack = { id: a as string, version: Number(b), length: Number(c), hash: d as string, at: Number(e) };
          run.acks.push(ack);
          run.lastAt = Math.max(run.lastAt, ack.at);
        }
        nl = buffer.indexOf('\n');
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (timer !== undefined) clearTimeout(timer);
      run.exit = signal ?? `code ${code}`;
      if (signal !== 'SIGKILL') reject(new Error(`child ended by itself (${run.exit}): ${stderr.slice(0, 2000)}`));
      else resolve(run);
    });
  });
}

function breachCounts(incident: Incident): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of incident.timeline) {
    if (e.type !== 'deadline-breached') continue;
    const key = `${String(e.data?.['deadline'])}#${String(e.data?.['instance'])}`;
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/** Everything the test asserts about the directory after a kill. Returns the incidents. */
async function checkDirectory(dir: string, acks: ReadonlyMap<string, Ack[]>, lastReadyAt: number | undefined): Promise<Incident[]> {
  // Before the store opens (and repairs): only state files, timelines holding at least the entries
  // their state acknowledges (a torn last line allowed), the format marker, the lock and crash leftovers.
  const names = readdirSync(dir);
  for (const name of names) {
    if (name.endsWith('.state.json')) {
      const state = JSON.parse(readFileSync(join(dir, name), 'utf8')) as Incident & { head: { length: number } }; // a half-written file would not parse
      expect(`${state.id}.state.json`).toBe(name);
      const lines = readFileSync(join(dir, `${state.id}.timeline.jsonl`), 'utf8').split('\n').slice(0, -1);
      expect(lines.length).toBeGreaterThanOrEqual(state.head.length);
      for (const line of lines.slice(0, state.head.length)) JSON.parse(line);
    } else if (name.endsWith('.timeline.jsonl')) {
      // Checked with its state (a timeline without one belongs to a first save never acknowledged).
    } else if (name !== '.planwright-store.json') {
      expect(name, `unexpected file ${name}`).toMatch(LEFTOVER);
    }
  }
  const store = fileStore(dir);
  try {
    const incidents = await store.list(); // validates every incident (a corrupt one is left out and reported by corrupt())
    expect(await store.corrupt()).toEqual([]);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    const byId = new Map(incidents.map((i) => [i.id, i]));
    for (const [id, list] of acks) {
      const incident = byId.get(id);
      expect(incident, `acknowledged incident ${id} is missing`).toBeDefined();
      if (incident === undefined) continue;
      for (const a of list) {
        expect(incident.version, `${id}: version ${incident.version} < acknowledged ${a.version}`).toBeGreaterThanOrEqual(a.version);
        expect(incident.timeline[a.length - 1]?.hash, `${id}: acknowledged entry ${a.length - 1} lost or changed`).toBe(a.hash);
      }
    }
    for (const incident of incidents) {
      expect(verifyTimeline(incident), incident.id).toEqual({ ok: true });
      for (const [key, n] of breachCounts(incident)) expect(n, `${incident.id}: ${key} breached ${n} times`).toBe(1);
      for (const d of incident.deadlines) {
        if (d.status === 'breached') expect(breachCounts(incident).get(`${d.id}#${d.instance}`)).toBe(1);
        if (lastReadyAt !== undefined && d.status === 'pending') {
          expect(Date.parse(d.dueAt), `${incident.id}: ${d.id}#${d.instance} was due at start-up and did not fire`).toBeGreaterThan(lastReadyAt);
        }
      }
    }
    return incidents;
  } finally {
    await store.close();
  }
}

describe(`engine on fileStore killed with SIGKILL ${KILLS} times`, () => {
  it('loses no acknowledged event, leaves no corrupt file, and still fires pending deadlines', async () => {
    const dir = join(work, 'store');
    const acks = new Map<string, Ack[]>();
    let clock = START;
    let readyRuns = 0;
    let ackCount = 0;
    let fired = 0;
    let incidents: Incident[] = [];
    for (let k = 0; k < KILLS; k++) {
      const afterReady = k % 4 !== 3; // one kill in four may land during start-up and recovery
      const delay = afterReady ? 20 + ((k * 7919) % 280) : 50 + ((k * 104729) % 600);
      const run = await runChild(dir, clock, 1000 + k, delay, afterReady);
      for (const a of run.acks) {
        const list = acks.get(a.id) ?? [];
        list.push(a);
        acks.set(a.id, list);
      }
      ackCount += run.acks.length;
      if (run.readyAt !== undefined) readyRuns++;
      incidents = await checkDirectory(dir, acks, run.readyAt);
      // The next child starts later: a jump of 0–4 h, so that deadlines fall due while "down".
      clock = run.lastAt + ((k * 2_654_435_761) % (4 * 3_600_000));
    }
    expect(ackCount, 'the children acknowledged too little to test anything').toBeGreaterThan(KILLS);
    expect(readyRuns).toBeGreaterThan(KILLS / 2);
    expect(incidents.length).toBeGreaterThan(0);

    // Finally, a long gap: every pending deadline fires once, and nothing is left due.
    const later = clock + 30 * 86_400_000;
    const store = fileStore(dir);
    const engine = createEngine(JSON.parse(readFileSync(bundleFile, 'utf8')), { clock: createManualClock(later), store, effects: { notify: async () => {}, publish: async () => {} } });
    const pendingBefore = incidents.flatMap((i) => i.deadlines.filter((d) => d.status === 'pending').map((d) => `${i.id}:${d.id}#${d.instance}`));
    fired = await engine.runDue();
    const after: Incident[] = [];
    for (let cursor: string | undefined, first = true; first || cursor !== undefined; first = false) {
      const page = await engine.list({ limit: 500, ...(cursor === undefined ? {} : { cursor }) });
      for (const listed of page.incidents) after.push((await engine.get(listed.id)) as Incident);
      cursor = page.next;
    }
    await engine.dispose();
    await store.close();
    for (const incident of after) {
      expect(verifyTimeline(incident)).toEqual({ ok: true });
      for (const [key, n] of breachCounts(incident)) expect(n, `${incident.id}: ${key}`).toBe(1);
      for (const d of incident.deadlines) expect(d.status === 'pending' && Date.parse(d.dueAt) <= later, `${incident.id}:${d.id}#${d.instance}`).toBe(false);
    }
    for (const key of pendingBefore) {
      const [id, rest] = key.split(':');
      const [dl, n] = (rest ?? '').split('#');
      const d = after.find((i) => i.id === id)?.deadlines.find((x) => x.id === dl && String(x.instance) === n);
      expect(d?.status, `${key} was pending before the gap`).toBe('breached');
    }
    if (pendingBefore.length > 0) expect(fired).toBeGreaterThanOrEqual(pendingBefore.length);
    console.log(`crash test: ${KILLS} kills (${readyRuns} after start-up), ${ackCount} acknowledged sends, ${after.length} incidents, ${pendingBefore.length} deadlines pending at the end fired ${fired} breaches/reminders`);
  }, 300_000);
});
