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
  /** Do not print an `ack` line per event (bench). */
  quiet?: boolean;
}

const options = JSON.parse(process.argv[2] ?? '{}') as EngineWorkerOptions;
const say = (line: Record<string, unknown>): void => void process.stdout.write(`${JSON.stringify(line)}\n`);
const clock: Clock = { now: () => options.t0 + (Date.now() - options.realStart) * options.speed };

const inner = postgresStore({ connectionString: options.url, schema: options.schema, max: 4, autoMigrate: false });
let claims = 0;
const store: IncidentStore = {
  get: (id) => inner.get(id),
  save: (incident, expected) => inner.save(incident, expected),
  list: () => inner.list(),
  dueBefore: (time) => inner.dueBefore(time),
  withPendingEffects: () => inner.withPendingEffects(),
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
const engine = createEngine(seedPlan(), {
  clock,
  store,
  leaseMs: options.leaseMs,
  maxRetries: 50,
  effects: { notify: () => void effects++ },
  inspect: (e) => e.type === 'error' && say({ engineError: e.detail }),
});

async function main(): Promise<void> {
  const end = Date.now() + options.runMs;
  const every = options.runDueEvery ?? 1;
  let sent = 0;
  let acked = 0;
  let fired = 0;
  const started = Date.now();
  while (Date.now() < end) {
    if (sent % every === 0) fired += await engine.runDue();
    const id = options.ids[Math.floor(Math.random() * options.ids.length)] as string;
    const note = `${options.owner}:${sent}`;
    sent++;
    const result = await engine.send(id, { type: 'NOTE', by: { id: options.owner, roles: ['legal-head'] }, data: { note } });
    if (result.ok) {
      acked++;
      if (options.quiet !== true) say({ ack: note, incident: id });
    } else {
      say({ nack: note, incident: id, code: result.error.code });
    }
  }
  fired += await engine.runDue();
  say({ done: true, sent, acked, fired, claims, effects, realMs: Date.now() - started });
  await engine.dispose();
  await inner.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${String((error as Error).stack ?? error)}\n`);
  process.exit(1);
});
