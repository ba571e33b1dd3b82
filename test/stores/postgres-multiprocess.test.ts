import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Incident } from '../../src/runtime/incident.js';
import { postgresStore, VersionConflictError, type PostgresStore } from '../../src/postgres/index.js';
import { appendEntry, deadline, makeIncident, verifyTestChain, put } from './fixtures.js';
import { dropSchema, PG_URL, requirePostgres, testSchemaName } from './pg-test-database.js';
import type { WorkerOptions } from './pg-store-worker.js';
import { startWorker, type WorkerProcess } from './pg-worker-process.js';

const WORKER = new URL('./pg-store-worker.ts', import.meta.url);
const INCIDENTS = 50;
const MAX_INSTANCE = 3;

/** Store-level multi-process tests: child processes share one schema through postgresStore. */
describe('postgresStore shared by several processes', { timeout: 180_000 }, () => {
  let schema: string;
  let store: PostgresStore;
  let workers: WorkerProcess[] = [];
  const ids = Array.from({ length: INCIDENTS }, (_, i) => `MP-${String(i).padStart(2, '0')}`);
  beforeAll(requirePostgres);

  beforeEach(async () => {
    schema = testSchemaName('pw_mp');
    store = postgresStore({ connectionString: PG_URL, schema, max: 4 });
    await store.migrate();
    const start = Date.now();
    for (const [i, id] of ids.entries()) {
      const dueA = new Date(start + 200 + ((i * 37) % 1200)).toISOString();
      const dueB = new Date(start + 100 + ((i * 53) % 1500)).toISOString();
      await put(store, makeIncident(id, { data: { count: 0 }, deadlines: [deadline('report', dueA), deadline('reading', dueB)] }), 0);
    }
  }, 60_000);

  afterEach(async () => {
    for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
    await Promise.all(workers.map((w) => w.exited));
    workers = [];
    await store.close();
    await dropSchema(schema);
  }, 60_000);

  const options = (owner: string, extra: Partial<WorkerOptions> = {}): WorkerOptions => ({
    url: PG_URL,
    schema,
    owner,
    ids,
    runMs: 3000,
    leaseMs: 5000,
    maxInstance: MAX_INSTANCE,
    rearmMs: 150,
    ...extra,
  });

  /** Fires, in this process, whatever is still pending (also what is not due yet), as the workers do. */
  async function drainAll(): Promise<void> {
    for (;;) {
      const items = await store.claimDue('9999-12-31T00:00:00.000Z', 'drain', 60_000, 100);
      if (items.length === 0) return;
      for (const item of items) {
        for (;;) {
          const incident = (await store.get(item.incidentId))!;
          const index = incident.deadlines.findIndex((d) => d.id === item.deadlineId && d.instance === item.instance);
          const inst = incident.deadlines[index];
          if (inst === undefined || inst.status !== 'pending') break;
          const at = new Date().toISOString();
          const deadlines = incident.deadlines.map((d, i) => (i === index ? { ...d, status: 'breached' as const, breachedAt: at } : d));
          if (inst.instance < MAX_INSTANCE) deadlines.push(deadline(inst.id, at, { instance: inst.instance + 1 }));
          const timeline = appendEntry(incident.timeline, { at, type: 'deadline-breached', result: 'fired', data: { deadline: inst.id, instance: inst.instance, by: 'drain' } });
          try {
            await put(store, { ...incident, version: incident.version + 1, deadlines, timeline }, incident.version);
            break;
          } catch (error) {
            if (!(error instanceof VersionConflictError)) throw error;
          }
        }
      }
    }
  }

  /** The invariants after a run: acknowledged events applied once, deadlines fired once, chains intact. */
  function checkIncidents(all: Incident[], acked: Set<string>): { events: number; firings: number } {
    const seenEvents = new Map<string, number>();
    const firings = new Map<string, number>();
    for (const incident of all) {
      expect(verifyTestChain(incident.timeline), `chain of ${incident.id}`).toBe(true);
      expect(incident.version).toBe(incident.timeline.length);
      let events = 0;
      for (const entry of incident.timeline) {
        if (entry.type === 'event') {
          events++;
          const id = entry.data?.['eventId'] as string;
          seenEvents.set(id, (seenEvents.get(id) ?? 0) + 1);
        }
        if (entry.type === 'deadline-breached') {
          const key = `${incident.id}/${String(entry.data?.['deadline'])}#${String(entry.data?.['instance'])}`;
          firings.set(key, (firings.get(key) ?? 0) + 1);
        }
      }
      expect(incident.data['count']).toBe(events);
      expect(incident.deadlines.filter((d) => d.status === 'pending')).toEqual([]);
      expect(incident.deadlines.map((d) => `${d.id}#${d.instance}:${d.status}`).sort()).toEqual(
        ['reading', 'report'].flatMap((id) => Array.from({ length: MAX_INSTANCE }, (_, i) => `${id}#${i + 1}:breached`)).sort(),
      );
    }
    for (const id of acked) expect(seenEvents.get(id), `acknowledged event ${id}`).toBe(1);
    for (const [id, n] of seenEvents) expect(n, `event ${id} applied once`).toBe(1);
    expect([...firings.values()].every((n) => n === 1)).toBe(true);
    expect(firings.size).toBe(INCIDENTS * 2 * MAX_INSTANCE);
    return { events: seenEvents.size, firings: firings.size };
  }

  for (const processes of [2, 4]) {
    it(`${processes} processes on the same 50 incidents: every event applied once, every deadline fired once`, async () => {
      workers = Array.from({ length: processes }, (_, p) => startWorker(WORKER, options(`w${p}`)));
      const codes = await Promise.all(workers.map((w) => w.exited));
      expect(codes, workers.map((w) => w.stderr()).join('\n')).toEqual(workers.map(() => 0));
      const acked = new Set(workers.flatMap((w) => w.lines.flatMap((l) => (typeof l['ack'] === 'string' ? [l['ack']] : []))));
      const firedByWorkers = workers.flatMap((w) => w.lines.filter((l) => 'fired' in l));
      for (const w of workers) expect(w.lines.filter((l) => 'ack' in l).length).toBeGreaterThan(5);
      expect(firedByWorkers.length).toBeGreaterThan(INCIDENTS); // most firings happened in the workers, concurrently
      await drainAll();
      const result = checkIncidents(await store.list(), acked);
      expect(result.events).toBe(acked.size);
    });
  }

  it('a process killed with SIGKILL mid-run loses nothing acknowledged; its claimed deadlines fire after the lease', async () => {
    const hangLeaseMs = 1200;
    const survivor = startWorker(WORKER, options('survivor', { runMs: 60_000, leaseMs: 2000 }));
    const victim = startWorker(WORKER, options('victim', { runMs: 10_000, leaseMs: 1500 }));
    const hanger = startWorker(WORKER, options('hanger', { runMs: 10_000, hangAfter: 3, hangLeaseMs }));
    workers = [survivor, victim, hanger];

    await victim.waitFor((l) => typeof l['ack'] === 'string' && (l['ack'] as string).endsWith(':8'));
    victim.child.kill('SIGKILL'); // in the middle of its loop: maybe inside a save transaction
    const victimKilledAt = Date.now();
    const claim = await hanger.waitFor((l) => l['hanging'] === true).then(() => hanger.lines.find((l) => 'claimed' in l)!);
    hanger.child.kill('SIGKILL');
    expect(await victim.exited).toBe('SIGKILL');
    expect(await hanger.exited).toBe('SIGKILL');
    // let the survivor work on until the leases of both dead processes have run out, and a while after
    const leaseEnd = Math.max((claim['claimedAt'] as number) + hangLeaseMs, victimKilledAt + 1500);
    await new Promise((r) => setTimeout(r, Math.max(0, leaseEnd - Date.now()) + 3000));
    survivor.child.kill('SIGTERM');
    expect(await survivor.exited, survivor.stderr()).toBe(0);
    const survivorDone = survivor.lines.find((l) => l['done'] === true);
    expect(survivorDone).toBeDefined();

    const claimed = claim['claimed'] as string[];
    const claimedAt = claim['claimedAt'] as number;
    expect(claimed.length).toBeGreaterThan(0);
    const firedBySurvivor = new Map(survivor.lines.filter((l) => 'fired' in l).map((l) => [l['fired'] as string, Date.parse(l['at'] as string)]));
    for (const key of claimed) {
      const at = firedBySurvivor.get(key);
      expect(at, `${key} claimed by the killed process was fired by the survivor`).toBeDefined();
      expect(at!).toBeGreaterThanOrEqual(claimedAt + hangLeaseMs - 50); // not before the lease ran out (50 ms clock slack)
    }

    await drainAll();
    const acked = new Set(workers.flatMap((w) => w.lines.flatMap((l) => (typeof l['ack'] === 'string' ? [l['ack']] : []))));
    const result = checkIncidents(await store.list(), acked);
    // the victim may have saved one event it never acknowledged; nothing else
    expect(result.events - acked.size).toBeLessThanOrEqual(1);
  });
});
