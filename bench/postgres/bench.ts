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
const WINDOW_MS = Number(process.env['PLANWRIGHT_BENCH_WINDOW_MS'] ?? 10_000);
const PROCESSES = [1, 2, 4];
const T0 = Date.parse('2024-05-01T08:00:00.000Z');

interface Row {
  processes: number;
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

async function run(processes: number): Promise<Row> {
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
        ids,
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
  const rows: Row[] = [];
  for (const processes of PROCESSES) {
    const row = await run(processes);
    rows.push(row);
    console.log(
      `${processes} process(es): ${row.eventsPerSecond.toFixed(1)} events/s (${row.acked} acknowledged in ${WINDOW_MS / 1000} s, ` +
        `${row.conflicts} version conflicts retried, ${row.refused} refused), send p50 ${row.p50} ms, p95 ${row.p95} ms, ` +
        `CPU per event: engines ${(row.cpuMs / Math.max(1, row.acked)).toFixed(2)} ms, PostgreSQL ${(row.pgCpuMs / Math.max(1, row.acked)).toFixed(2)} ms`,
    );
    await sleep(500);
  }
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
    '| engine processes | events/s (acknowledged) | vs 1 process | per process | version conflicts retried | refused | send p50 (median of processes) | send p95 (worst process) | CPU ms per event: engines | CPU ms per event: PostgreSQL |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.processes} | ${r.eventsPerSecond.toFixed(1)} | ${(r.eventsPerSecond / base).toFixed(2)}× | ${(r.eventsPerSecond / r.processes).toFixed(1)} | ${r.conflicts} | ${r.refused} | ${r.p50} ms | ${r.p95} ms | ${(r.cpuMs / Math.max(1, r.acked)).toFixed(2)} | ${(r.pgCpuMs / Math.max(1, r.acked)).toFixed(2)} |`,
    ),
  ];
  writeSection(
    'postgres',
    [
      '## postgres',
      '',
      `Events per second through planwright engines sharing one PostgreSQL database (\`bench/postgres/bench.ts\`, ${new Date().toISOString().slice(0, 10)}).`,
      `Each engine process (a child process with its own \`createEngine\` on a \`postgresStore\`, pool of 4) sends NOTE events`,
      `one after another to random incidents among the same ${INCIDENTS} incidents of the seed plan for a common ${WINDOW_MS / 1000} s window`,
      '(and runs due deadlines every 20 events). An event is counted when `send` acknowledged it, that is once its save committed',
      `(PostgreSQL ${pgVersion?.server_version ?? '?'}, \`synchronous_commit = ${pgVersion?.synchronous_commit ?? '?'}\`, same machine).`,
      'Afterwards every timeline verifies and the NOTE entries in the timelines equal the acknowledged events.',
      '',
      ...table,
      '',
      machineLine(machine, loadAtEnd),
      `The database server runs on the same ${machine.nproc} cores as the engine processes, so more processes than cores`,
      'measure contention for CPU more than the store; on separate machines each engine process adds its own CPU.',
      'CPU per event (engine processes, and the PostgreSQL server processes from /proc) does not depend on how busy the machine is:',
      'events/s on dedicated cores is about 1000 / (CPU ms per event) per core.',
      'A save is one round trip (`save_incident`) plus the commit; a send on a stale cached copy costs a version conflict, a reload and a retry.',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
