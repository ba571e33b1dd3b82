/**
 * PostgreSQL store benchmark (not a test): events per second through planwright engines on one
 * database, with 1, 2 and 4 engine processes (child processes, each its own createEngine on a
 * postgresStore) sending NOTE events to the same 50 incidents of the seed plan for a fixed window.
 * Every timeline is verified afterwards. Writes the "postgres" section of bench/results.md.
 *
 * Run: `npm run bench` (all areas) or `npx tsx bench/run.ts postgres`.
 * Database: PLANWRIGHT_PG_URL (default postgres://postgres@127.0.0.1:5432/test); one schema per
 * run, dropped afterwards.
 */
import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { postgresStore } from '../../src/postgres/index.js';
import { createEngine, createManualClock, verifyTimeline } from '../../src/runtime/index.js';
import { must, people, seedPlan } from '../../test/runtime/seed-fixtures.js';
import type { EngineWorkerOptions } from '../../test/stores/pg-engine-worker.js';
import { startWorker } from '../../test/stores/pg-worker-process.js';
import { machineInfo, machineLine, writeSection } from '../check/results-md.js';

const URL_ = process.env['PLANWRIGHT_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const WORKER = new URL('../../test/stores/pg-engine-worker.ts', import.meta.url);
const INCIDENTS = 50;
const WINDOW_MS = Number(process.env['PLANWRIGHT_BENCH_WINDOW_MS'] ?? 6_000);
/** Rounds over all configurations (interleaved, so a busy moment of the shared machine hits all of them); the median is reported. */
const ROUNDS = Number(process.env['PLANWRIGHT_BENCH_ROUNDS'] ?? 3);
const PROCESSES = [1, 2, 4];
const T0 = Date.parse('2024-05-01T08:00:00.000Z');

interface Row {
  processes: number;
  /** `shared`: every process sends to all 50 incidents; `partitioned`: process p only to incidents i with i % processes = p. */
  mode: 'shared' | 'partitioned';
  acked: number;
  refused: number;
  conflicts: number;
  eventsPerSecond: number;
  p50: number;
  p95: number;
  /** CPU time of the engine processes during the window (user + system). */
  cpuMs: number;
  /** CPU time of the PostgreSQL server processes during the window (from /proc), or NaN. */
  pgCpuMs: number;
  timelines: number;
}

/** CPU time (ms) used so far by the PostgreSQL server (its processes and the ended backends), from /proc; NaN where unavailable. */
async function serverCpuMs(): Promise<number> {
  const { readdir, readFile } = await import('node:fs/promises');
  const tick = 1000 / 100; // USER_HZ is 100 on Linux
  let total = 0;
  try {
    for (const pid of await readdir('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
      const close = stat.lastIndexOf(')');
      if (!stat.slice(stat.indexOf('(') + 1, close).startsWith('postgres')) continue;
      const fields = stat.slice(close + 2).split(' ');
      // utime + stime, and cutime + cstime: the postmaster reaps the backends, so the CPU of
      // backends that ended during the window is counted too
      total += (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) * tick;
    }
  } catch {
    return Number.NaN;
  }
  return total;
}

async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: URL_ });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await client.end();
}

async function run(processes: number, mode: Row['mode']): Promise<Row> {
  const schema = `pw_bench_${processes}_${Date.now()}`;
  const store = postgresStore({ connectionString: URL_, schema, max: 4 });
  try {
    await store.migrate();
    const ids = Array.from({ length: INCIDENTS }, (_, i) => `B-${String(i).padStart(2, '0')}`);
    let next = 0;
    const setup = createEngine(seedPlan(), { clock: createManualClock(T0), store, newId: () => ids[next++] as string });
    for (let i = 0; i < INCIDENTS; i++) {
      const incident = await setup.open({ by: people.infoOfficer, title: `Incident ${i}`, category: 'media' });
      await must(setup, incident.id, 'REPORT');
    }
    await setup.dispose();

    const startAt = Date.now() + 4000; // every worker is up by then (tsx start-up)
    const workers = Array.from({ length: processes }, (_, p) =>
      startWorker(WORKER, {
        url: URL_,
        schema,
        owner: `b${p}`,
        ids: mode === 'shared' ? ids : ids.filter((_, i) => i % processes === p),
        t0: T0 + 10 * 60_000,
        realStart: startAt,
        speed: 1,
        runMs: WINDOW_MS,
        leaseMs: 30_000,
        runDueEvery: 20,
        quiet: true,
        startAt,
      } satisfies EngineWorkerOptions),
    );
    const pgCpu0 = await serverCpuMs();
    const codes = await Promise.all(workers.map((w) => w.exited));
    if (codes.some((c) => c !== 0)) throw new Error(`a worker failed: ${workers.map((w) => w.stderr()).join('\n')}`);
    const pgCpuMs = (await serverCpuMs()) - pgCpu0;
    const done = workers.map((w) => w.lines.find((l) => l['done'] === true) ?? {});
    const refused = workers.reduce((n, w) => n + w.lines.filter((l) => 'nack' in l).length, 0);
    const acked = done.reduce((n, d) => n + Number(d['acked'] ?? 0), 0);
    const all = await store.list();
    const broken = all.filter((i) => !verifyTimeline(i).ok).map((i) => i.id);
    if (broken.length > 0) throw new Error(`timelines do not verify: ${broken.join(', ')}`);
    const notes = all.reduce((n, i) => n + i.timeline.filter((e) => e.type === 'event' && e.data?.['event'] === 'NOTE').length, 0);
    if (notes !== acked) throw new Error(`${acked} events acknowledged, ${notes} in the timelines`);
    const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
    return {
      processes,
      mode,
      acked,
      refused,
      conflicts: done.reduce((n, d) => n + Number(d['conflicts'] ?? 0), 0),
      eventsPerSecond: acked / (WINDOW_MS / 1000),
      p50: median(done.map((d) => Number(d['p50'] ?? 0))),
      p95: Math.max(...done.map((d) => Number(d['p95'] ?? 0))),
      cpuMs: done.reduce((n, d) => n + Number(d['cpuMs'] ?? 0), 0),
      pgCpuMs,
      timelines: all.length,
    };
  } finally {
    await store.close();
    await dropSchema(schema);
  }
}

async function main(): Promise<void> {
  const machine = machineInfo();
  const configs = PROCESSES.flatMap((p) => (p === 1 ? [[p, 'shared']] : [[p, 'shared'], [p, 'partitioned']]) as [number, Row['mode']][]);
  const runs: Row[][] = configs.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [c, [processes, mode]] of configs.entries()) {
      const row = await run(processes, mode);
      runs[c]!.push(row);
      console.log(
        `round ${round + 1}: ${processes} process(es), ${mode}: ${row.eventsPerSecond.toFixed(1)} events/s (${row.acked} acknowledged in ${WINDOW_MS / 1000} s, ` +
          `${row.conflicts} version conflicts retried, ${row.refused} refused), send p50 ${row.p50} ms, p95 ${row.p95} ms, ` +
          `CPU per event: engines ${(row.cpuMs / Math.max(1, row.acked)).toFixed(2)} ms, PostgreSQL ${(row.pgCpuMs / Math.max(1, row.acked)).toFixed(2)} ms`,
      );
      await sleep(500);
    }
  }
  /** The run with the median events/s, plus the range over rounds. */
  const rows = runs.map((list) => {
    const sorted = [...list].sort((a, b) => a.eventsPerSecond - b.eventsPerSecond);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    return { ...median, low: sorted[0]!.eventsPerSecond, high: sorted[sorted.length - 1]!.eventsPerSecond };
  });
  const loadAtEnd = os.loadavg()[0] ?? 0;
  const pgVersion = await (async () => {
    const client = new pg.Client({ connectionString: URL_ });
    await client.connect();
    const r = await client.query<{ server_version: string; synchronous_commit: string }>(
      "SELECT current_setting('server_version') AS server_version, current_setting('synchronous_commit') AS synchronous_commit",
    );
    await client.end();
    return r.rows[0];
  })();
  const base = rows[0]?.eventsPerSecond ?? 1;
  const table = [
    '| engine processes | incidents per process | events/s (acknowledged; median, range) | vs 1 process | per process | version conflicts retried | refused | send p50 (median of processes) | send p95 (worst process) | CPU ms per event: engines | CPU ms per event: PostgreSQL |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.processes} | ${r.mode === 'shared' ? `all ${INCIDENTS} (shared)` : `${INCIDENTS % r.processes === 0 ? INCIDENTS / r.processes : `${Math.floor(INCIDENTS / r.processes)}–${Math.ceil(INCIDENTS / r.processes)}`} (partitioned)`} | ${r.eventsPerSecond.toFixed(1)} (${r.low.toFixed(0)}–${r.high.toFixed(0)}) | ${(r.eventsPerSecond / base).toFixed(2)}× | ${(r.eventsPerSecond / r.processes).toFixed(1)} | ${r.conflicts} | ${r.refused} | ${r.p50} ms | ${r.p95} ms | ${(r.cpuMs / Math.max(1, r.acked)).toFixed(2)} | ${(r.pgCpuMs / Math.max(1, r.acked)).toFixed(2)} |`,
    ),
  ];
  writeSection(
    'postgres',
    [
      '## postgres',
      '',
      `Events per second through planwright engines sharing one PostgreSQL database (\`bench/postgres/bench.ts\`, ${new Date().toISOString().slice(0, 10)}).`,
      `Each engine process (a child process with its own \`createEngine\` on a \`postgresStore\`, pool of 4) sends NOTE events`,
      `one after another to random incidents of the seed plan (${INCIDENTS} incidents, shared by all processes or partitioned) and runs`,
      `due deadlines every 20 events, for a common ${WINDOW_MS / 1000} s window; median of ${ROUNDS} rounds with the configurations interleaved`,
      '(the other columns are from the median run). An event is counted when `send` acknowledged it, that is once its save committed',
      `(PostgreSQL ${pgVersion?.server_version ?? '?'}, \`synchronous_commit = ${pgVersion?.synchronous_commit ?? '?'}\`, same machine).`,
      'Afterwards every timeline verifies and the NOTE entries in the timelines equal the acknowledged events.',
      '',
      ...table,
      '',
      machineLine(machine, loadAtEnd),
      `The database server runs on the same ${machine.nproc} cores as the engine processes, so more processes than cores`,
      'measure contention for CPU more than the store; on separate machines each engine process adds its own CPU.',
      'With the machine this busy the events/s are lower bounds. CPU per event (engine processes; the whole PostgreSQL server from',
      '/proc, including any other sessions) depends less on the load, though oversubscribed cores inflate it too: on dedicated cores',
      'a core gives roughly 1000 / (CPU ms per event) events/s.',
      'A save is one round trip (`save_incident`) plus the commit. With the incidents shared, many sends find the engine\'s cached copy',
      'stale (another process wrote the incident since): the save fails with a version conflict and the engine reloads and retries,',
      'which roughly doubles the work per event; partitioned, processes touch different incidents and conflicts vanish.',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
