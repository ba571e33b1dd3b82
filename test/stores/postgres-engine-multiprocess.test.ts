import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { postgresStore, type PostgresStore } from '../../src/postgres/index.js';
import { createEngine, createManualClock } from '../../src/runtime/index.js';
import { must, people, seedPlan } from '../runtime/seed-fixtures.js';
import { checkEngineRun } from './engine-run-checks.js';
import type { EngineWorkerOptions } from './pg-engine-worker.js';
import { dropSchema, PG_URL, requirePostgres, testSchemaName } from './pg-test-database.js';
import { startWorker, type WorkerProcess } from './pg-worker-process.js';

const WORKER = new URL('./pg-engine-worker.ts', import.meta.url);
const T0 = Date.parse('2024-05-01T08:00:00.000Z');
const SPEED = 4800; // 1 real second = 80 virtual minutes
const LEASE_MS = 1000;

/**
 * Several engine processes (child processes, each its own createEngine) on one PostgreSQL
 * schema, hammering the same 50 incidents of the seed plan with NOTE events while their
 * deadlines (report, its reminder, strategy, first statement) come due on a fast shared clock.
 */
describe('engines in several processes on one postgresStore', { timeout: 180_000 }, () => {
  let schema: string;
  let store: PostgresStore;
  let workers: WorkerProcess[] = [];
  const ids = Array.from({ length: 50 }, (_, i) => `EP-${String(i).padStart(2, '0')}`);
  beforeAll(requirePostgres);

  beforeEach(async () => {
    schema = testSchemaName('pw_eng');
    store = postgresStore({ connectionString: PG_URL, schema, max: 4 });
    await store.migrate();
    let next = 0;
    const setup = createEngine(seedPlan(), { clock: createManualClock(T0), store, newId: () => ids[next++] as string });
    for (let i = 0; i < ids.length; i++) {
      const incident = await setup.open({ by: people.infoOfficer, title: `Incident ${i}`, category: 'media' });
      if (i % 2 === 0) {
        await must(setup, incident.id, 'REPORT');
        await must(setup, incident.id, 'ASSESS'); // severity II: strategy 1h, first statement 5h
      }
    }
    await setup.dispose();
  }, 60_000);

  afterEach(async () => {
    for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
    await Promise.all(workers.map((w) => w.exited));
    workers = [];
    await store.close();
    await dropSchema(schema);
  }, 60_000);

  const start = (count: number, runMs: number, realStart: number, prefix = 'w', extra: Partial<EngineWorkerOptions> = {}): WorkerProcess[] =>
    Array.from({ length: count }, (_, p) =>
      startWorker(WORKER, { url: PG_URL, schema, owner: `${prefix}${p}`, ids, t0: T0, realStart, speed: SPEED, runMs, leaseMs: LEASE_MS, runDueEvery: 3, ...extra } satisfies EngineWorkerOptions),
    );

  /** After the workers: wait out their leases, then fire what is still due at `finalTime` in this process. */
  async function finish(finalTime: number): Promise<void> {
    await sleep(LEASE_MS + 100);
    const last = createEngine(seedPlan(), { clock: createManualClock(finalTime), store, leaseMs: LEASE_MS, effects: { notify: () => undefined } });
    while ((await last.runDue()) > 0);
    await last.dispose();
  }

  const acks = (ws: WorkerProcess[]): Set<string> =>
    new Set(ws.flatMap((w) => w.lines.flatMap((l) => (typeof l['ack'] === 'string' ? [l['ack']] : []))));

  for (const processes of [2, 4]) {
    it(`${processes} engine processes: every accepted event applied once, every deadline fired once, timelines verify`, async () => {
      const realStart = Date.now() + 1500; // virtual time starts once the workers are up
      workers = start(processes, 1500 + 5000, realStart);
      const codes = await Promise.all(workers.map((w) => w.exited));
      expect(codes, workers.map((w) => w.stderr()).join('\n')).toEqual(workers.map(() => 0));
      const finalTime = T0 + (Date.now() - realStart) * SPEED;
      const done = workers.map((w) => w.lines.find((l) => l['done'] === true) ?? {});
      expect(workers.flatMap((w) => w.lines.filter((l) => 'engineError' in l))).toEqual([]);
      expect(done.reduce((n, d) => n + (d['fired'] as number), 0)).toBeGreaterThan(50); // firings happened in the workers
      await finish(finalTime);
      const acked = acks(workers);
      const summary = checkEngineRun(await store.list(), acked, finalTime);
      expect(summary.notes).toBe(acked.size);
      expect(acked.size).toBeGreaterThan(processes * 20);
      expect(summary.breaches).toBeGreaterThanOrEqual(75); // report ×25, strategy ×25, first statement ×25 at least
      expect(summary.reminders).toBeGreaterThanOrEqual(25);
    });
  }

  it('an engine process killed with SIGKILL mid-run loses nothing acknowledged; its claimed deadlines still fire', async () => {
    const realStart = Date.now() + 1500;
    // The victim has the due deadlines to itself for the first 3 s of virtual time (the report
    // deadlines come due after 0.4 s), so it always holds claims when it is killed, however busy
    // the machine; it would run far longer than the survivor, so it never exits on its own first.
    // The survivor runs 15 s: long enough to outlive the victim's leases even when a loaded machine
    // makes the victim slow to reach its tenth acknowledgement.
    const [survivor] = start(1, 1500 + 15_000, realStart, 's', { runDueFrom: realStart + 3000 });
    const [victim] = start(1, 1500 + 60_000, realStart, 'v');
    workers = [survivor!, victim!];
    // kill the victim once it has claimed deadlines and acknowledged some events, mid-loop
    await victim!.waitFor((l) => 'claimed' in l);
    await victim!.waitFor((l) => typeof l['ack'] === 'string' && Number((l['ack'] as string).split(':')[1]) >= 10);
    await sleep(Math.floor(Math.random() * 50));
    victim!.child.kill('SIGKILL');
    expect(await victim!.exited).toBe('SIGKILL');
    const killedAt = Date.now();
    const claimedByVictim = victim!.lines.flatMap((l) => (Array.isArray(l['claimed']) ? (l['claimed'] as string[]) : []));
    expect(await survivor!.exited, survivor!.stderr()).toBe(0);
    expect(Date.now() - killedAt).toBeGreaterThan(LEASE_MS); // the survivor outlived the victim's leases

    const finalTime = T0 + (Date.now() - realStart) * SPEED;
    // before any clean-up run: everything the victim claimed is no longer pending (the survivor fired it)
    const pendingNow = new Set((await store.dueBefore(new Date(finalTime).toISOString())).map((d) => `${d.incidentId}/${d.deadlineId}#${d.instance}`));
    expect(claimedByVictim.filter((k) => pendingNow.has(k))).toEqual([]);
    expect(claimedByVictim.length).toBeGreaterThan(0);

    await finish(finalTime);
    const acked = acks(workers);
    const summary = checkEngineRun(await store.list(), acked, finalTime);
    expect(summary.notes - acked.size).toBeLessThanOrEqual(1); // at most the event in flight when killed
    expect(summary.breaches).toBeGreaterThanOrEqual(75);
  });
});
