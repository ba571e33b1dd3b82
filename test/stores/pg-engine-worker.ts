/**
 * A child process for the multi-process engine tests and the postgres bench: one planwright
 * engine (seed plan) on a shared postgresStore, on a fast clock shared by every process
 * (virtual time = t0 + (real time - realStart) × speed). It loops until `runMs` has passed:
 * `runDue()`, then a NOTE event on a random incident. It prints one JSON line per acknowledged
 * event (`ack`), refused event (`nack`), claim (`claimed`, from a store wrapper) and at the end
 * `done` with its counts.
 *
 * Run: node --import tsx test/stores/pg-engine-worker.ts '<json EngineWorkerOptions>'
 */
import { postgresStore } from '../../src/postgres/index.js';
import { createEngine, type Clock, type IncidentStore } from '../../src/runtime/index.js';
import { seedPlan } from '../runtime/seed-fixtures.js';

export interface EngineWorkerOptions {
  url: string;
  schema: string;
  owner: string;
  ids: string[];
  /** Virtual start time (ms) and the real time (ms) it corresponds to. */
  t0: number;
  realStart: number;
  speed: number;
  /** Real ms to keep working. */
  runMs: number;
  /** Engine lease for claimDue (real ms). */
  leaseMs: number;
  /** Call runDue() every this many events (default 1). */
  runDueEvery?: number;
  /** Real time (ms) before which this process does not call runDue() (so that another claims first). */
  runDueFrom?: number;
  /** Do not print an `ack` or `claimed` line per event (bench). */
  quiet?: boolean;
  /** Real time (ms) to start the loop at, so that several processes measure the same window. */
  startAt?: number;
}

const options = JSON.parse(process.argv[2] ?? '{}') as EngineWorkerOptions;
const say = (line: Record<string, unknown>): void => void process.stdout.write(`${JSON.stringify(line)}\n`);
const clock: Clock = { now: () => options.t0 + (Date.now() - options.realStart) * options.speed };

const inner = postgresStore({ connectionString: options.url, schema: options.schema, max: 4, autoMigrate: false });
let claims = 0;
const store: IncidentStore = {
  getSnapshot: (id) => inner.getSnapshot(id),
  get: (id) => inner.get(id),
  timeline: (id, page) => inner.timeline(id, page),
  save: (snapshot, entries, expected) => inner.save(snapshot, entries, expected),
  list: () => inner.list(),
  dueBefore: (time) => inner.dueBefore(time),
  withPendingEffects: () => inner.withPendingEffects(),
  update: (id, known, change) => inner.update(id, known, change),
  async claimDue(time, owner, leaseMs, limit) {
    const items = await inner.claimDue(time, owner, leaseMs, limit);
    claims += items.length;
    if (items.length > 0 && options.quiet !== true) {
      say({ claimed: items.map((d) => `${d.incidentId}/${d.deadlineId}#${d.instance}`), realAt: Date.now() });
    }
    return items;
  },
};

let effects = 0;
let conflicts = 0;
const engine = createEngine(seedPlan(), {
  clock,
  store,
  leaseMs: options.leaseMs,
  maxRetries: 50,
  effects: { notify: () => void effects++ },
  inspect: (e) => {
    if (e.type === 'conflict') conflicts++;
    if (e.type === 'error') say({ engineError: e.detail });
  },
});

async function main(): Promise<void> {
  if (options.startAt !== undefined && options.startAt > Date.now()) await new Promise((r) => setTimeout(r, options.startAt! - Date.now()));
  const end = Date.now() + options.runMs;
  const latencies: number[] = [];
  const cpu0 = process.cpuUsage();
  const every = options.runDueEvery ?? 1;
  let sent = 0;
  let acked = 0;
  let fired = 0;
  const started = Date.now();
  while (Date.now() < end) {
    if (sent % every === 0 && Date.now() >= (options.runDueFrom ?? 0)) fired += await engine.runDue();
    const id = options.ids[Math.floor(Math.random() * options.ids.length)] as string;
    const note = `${options.owner}:${sent}`;
    sent++;
    const t = performance.now();
    const result = await engine.send(id, { type: 'NOTE', by: { id: options.owner, roles: ['legal-head'] }, data: { note } });
    latencies.push(performance.now() - t);
    if (result.ok) {
      acked++;
      if (options.quiet !== true) say({ ack: note, incident: id });
    } else {
      say({ nack: note, incident: id, code: result.error.code });
    }
  }
  fired += await engine.runDue();
  const realMs = Date.now() - started;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = Math.round((cpu.user + cpu.system) / 1000);
  latencies.sort((a, b) => a - b);
  const pct = (p: number): number => Number((latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0).toFixed(2));
  say({ done: true, sent, acked, fired, claims, effects, conflicts, realMs, cpuMs, p50: pct(0.5), p95: pct(0.95) });
  await engine.dispose();
  await inner.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${String((error as Error).stack ?? error)}\n`);
  process.exit(1);
});
