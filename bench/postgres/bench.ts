/**
 * PostgreSQL store benchmark (not a test): events per second through planwright engines on one
 * database, with 1, 2 and 4 engine processes (child processes, each its own createEngine on a
 * postgresStore) sending NOTE events to the same 50 incidents of the seed plan for a fixed window.
 * Every timeline is verified afterwards. In the same rounds, `pgbench` runs the same writes an
 * event makes (one UPDATE of the incident's row with a document of the same size, and the INSERT
 * of the same timeline entry, in one transaction) with as many clients as there are engine
 * processes, on its own tables, as the floor the engines are compared with (issue #16).
 * Writes the "postgres" section of bench/results.md and bench/postgres/result.json.
 *
 * Run: `npm run bench` (all areas) or `npx tsx bench/run.ts postgres`.
 * Database: PLANWRIGHT_PG_URL (default postgres://postgres@127.0.0.1:5432/test); one schema per
 * run, dropped afterwards.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { postgresStore } from '../../src/postgres/index.js';
import { createEngine, createManualClock, verifyTimeline } from '../../src/runtime/index.js';
import { must, people, seedPlan } from '../../test/runtime/seed-fixtures.js';
import type { EngineWorkerOptions } from '../../test/stores/pg-engine-worker.js';
import { startWorker } from '../../test/stores/pg-worker-process.js';
import { machineInfo, machineLine, verdict, writeSection } from '../check/results-md.js';

const URL_ = process.env['PLANWRIGHT_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const WORKER = new URL('../../test/stores/pg-engine-worker.ts', import.meta.url);
const INCIDENTS = 50;
const WINDOW_MS = Number(process.env['PLANWRIGHT_BENCH_WINDOW_MS'] ?? 6_000);
/** Rounds over all configurations (interleaved, so a busy moment of the shared machine hits all of them); the median is reported. */
const ROUNDS = Number(process.env['PLANWRIGHT_BENCH_ROUNDS'] ?? (process.argv.includes('--quick') ? 1 : 3));
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

/** What one event writes, taken from an incident the engine saved: its row's document and a NOTE's timeline entry, as text. */
interface EventWrites {
  doc: string;
  entry: string;
}

/** Saves one incident and one NOTE through an engine in a scratch schema and reads back what they wrote. */
async function sampleWrites(): Promise<EventWrites> {
  const schema = `pw_bench_sample_${Date.now()}`;
  const store = postgresStore({ connectionString: URL_, schema, max: 2 });
  try {
    await store.migrate();
    const engine = createEngine(seedPlan(), { clock: createManualClock(T0), store, newId: () => 'B-00' });
    const incident = await engine.open({ by: people.infoOfficer, title: 'Incident 0', category: 'media' });
    await must(engine, incident.id, 'REPORT');
    const result = await engine.send(incident.id, { type: 'NOTE', by: people.legalHead, data: { note: 'b0:0' } });
    if (!result.ok) throw new Error(`bench: NOTE refused: ${result.error.message}`);
    await engine.dispose();
    const client = new pg.Client({ connectionString: URL_ });
    await client.connect();
    const doc = await client.query<{ doc: string }>(`SELECT doc::text AS doc FROM "${schema}".incidents WHERE id = 'B-00'`);
    const entry = await client.query<{ entry: string }>(`SELECT entry::text AS entry FROM "${schema}".timeline WHERE incident_id = 'B-00' ORDER BY seq DESC LIMIT 1`);
    await client.end();
    return { doc: doc.rows[0]?.doc ?? '{}', entry: entry.rows[0]?.entry ?? '{}' };
  } finally {
    await store.close();
    await dropSchema(schema);
  }
}

/** The pgbench program: on PATH, or PostgreSQL's own bin folder; undefined when there is none. */
function findPgbench(): string | undefined {
  if (spawnSync('pgbench', ['--version']).status === 0) return 'pgbench';
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  for (const version of readdirSync(root).sort().reverse()) {
    const candidate = join(root, version, 'bin', 'pgbench');
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Runs pgbench with `clients` clients for the window on a fresh schema of ${INCIDENTS} rows: each
 * transaction picks a random row, UPDATEs its version and document (the engine's document text)
 * and INSERTs one timeline row (the engine's NOTE entry text, with its sequence number from the
 * row's new version), as an event's save does. Returns transactions (events) per second.
 */
async function pgbench(program: string, clients: number, writes: EventWrites): Promise<number> {
  const schema = `pw_bench_pgbench_${clients}_${Date.now()}`;
  const client = new pg.Client({ connectionString: URL_ });
  await client.connect();
  const folder = mkdtempSync(join(os.tmpdir(), 'planwright-pgbench-'));
  try {
    await client.query(`CREATE SCHEMA "${schema}"`);
    await client.query(`CREATE TABLE "${schema}".incidents (id text PRIMARY KEY, version integer NOT NULL, doc jsonb NOT NULL)`);
    await client.query(
      `CREATE TABLE "${schema}".timeline (incident_id text NOT NULL REFERENCES "${schema}".incidents (id), seq integer NOT NULL, prev_hash text NOT NULL, hash text NOT NULL, entry jsonb NOT NULL, PRIMARY KEY (incident_id, seq))`,
    );
    await client.query(`INSERT INTO "${schema}".incidents SELECT 'B-' || n, 1, $1::jsonb FROM generate_series(0, ${INCIDENTS - 1}) AS n`, [writes.doc]);
    const hash = 'a'.repeat(64);
    const script = join(folder, 'event.sql');
    writeFileSync(
      script,
      [
        `\\set n random(0, ${INCIDENTS - 1})`,
        'BEGIN;',
        `UPDATE "${schema}".incidents SET version = version + 1, doc = $pwdoc$${writes.doc}$pwdoc$::jsonb WHERE id = 'B-' || :n RETURNING version AS seq \\gset`,
        `INSERT INTO "${schema}".timeline (incident_id, seq, prev_hash, hash, entry) VALUES ('B-' || :n, :seq, '${hash}', '${hash}', $pwentry$${writes.entry}$pwentry$::jsonb);`,
        'END;',
        '',
      ].join('\n'),
    );
    const url = new globalThis.URL(URL_);
    const args = ['-n', '-c', String(clients), '-j', String(clients), '-T', String(Math.max(1, Math.round(WINDOW_MS / 1000))), '-f', script];
    args.push('-h', url.hostname, '-p', url.port || '5432', '-U', decodeURIComponent(url.username || 'postgres'), url.pathname.slice(1) || 'postgres');
    const run = spawnSync(program, args, { encoding: 'utf8', env: { ...process.env, ...(url.password === '' ? {} : { PGPASSWORD: decodeURIComponent(url.password) }) } });
    const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(run.stdout);
    if (run.status !== 0 || tps === null) throw new Error(`bench: pgbench failed (${run.status}): ${run.stderr}${run.stdout}`);
    return Number(tps[1]);
  } finally {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
    await client.end();
    rmSync(folder, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const machine = machineInfo();
  const configs = PROCESSES.flatMap((p) => (p === 1 ? [[p, 'shared']] : [[p, 'shared'], [p, 'partitioned']]) as [number, Row['mode']][]);
  const runs: Row[][] = configs.map(() => []);
  const program = findPgbench();
  if (program === undefined) console.warn('bench: no pgbench found (PATH, /usr/lib/postgresql/*/bin); the pgbench rows are left out');
  const writes = await sampleWrites();
  /** pgbench events/s by number of clients, one per round. */
  const floor = new Map<number, number[]>(PROCESSES.map((p) => [p, []]));
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
      if (program !== undefined && mode === 'shared') {
        const tps = await pgbench(program, processes, writes);
        floor.get(processes)?.push(tps);
        console.log(`round ${round + 1}: pgbench, ${processes} client(s), the same writes: ${tps.toFixed(1)} events/s`);
        await sleep(500);
      }
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
  const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
  const pgbenchRate = (processes: number): number => median(floor.get(processes) ?? []);
  const shared = (processes: number): number => rows.find((r) => r.processes === processes && r.mode === 'shared')?.eventsPerSecond ?? Number.NaN;
  const targets = [
    ...(program === undefined
      ? []
      : PROCESSES.map((p) => ({
          id: `postgres-shared-${p}-vs-pgbench`,
          description: `${p} engine process(es) on ${INCIDENTS} shared incidents: events/s ÷ pgbench running the same writes with ${p} client(s), at least 0.8× (issue #16)`,
          value: shared(p) / pgbenchRate(p),
          limit: 0.8,
          unit: '×',
          better: 'higher' as const,
        }))),
    ...PROCESSES.filter((p) => p > 1).map((p) => ({
      id: `postgres-shared-${p}-vs-1`,
      description: `${p} engine processes on ${INCIDENTS} shared incidents: events/s ÷ 1 process, at least 1× (issue #16)`,
      value: shared(p) / shared(1),
      limit: 1,
      unit: '×',
      better: 'higher' as const,
    })),
  ];
  const here = fileURLToPath(new URL('.', import.meta.url));
  writeFileSync(
    join(here, 'result.json'),
    `${JSON.stringify({ date: new Date().toISOString(), machine: { ...machine, loadAtEnd }, windowMs: WINDOW_MS, rounds: ROUNDS, rows, pgbench: Object.fromEntries(floor), targets }, null, 2)}\n`,
  );
  const pgbenchTable =
    program === undefined
      ? ['No pgbench was found on this machine (PATH, /usr/lib/postgresql/*/bin): the comparison is left out.']
      : [
          `pgbench (${program}) in the same rounds, right after each shared configuration, for the same window with as many clients as engine processes, on its own tables: each transaction picks one of ${INCIDENTS} rows at random, UPDATEs its version and its document (the text of the engine's incident row, ${writes.doc.length} B) and INSERTs one timeline row (the engine's NOTE entry, ${writes.entry.length} B), the writes of an event's save (without the deadline and outbox rows the engine's save also maintains). Median of ${ROUNDS} round(s).`,
          '',
          '| clients = engine processes | pgbench events/s (median, range) | engines, shared, events/s | engines ÷ pgbench |',
          '| ---: | ---: | ---: | ---: |',
          ...PROCESSES.map((p) => {
            const list = floor.get(p) ?? [];
            return `| ${p} | ${pgbenchRate(p).toFixed(1)} (${Math.min(...list).toFixed(0)}–${Math.max(...list).toFixed(0)}) | ${shared(p).toFixed(1)} | ${(shared(p) / pgbenchRate(p)).toFixed(2)}× |`;
          }),
        ];
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
      ...pgbenchTable,
      '',
      '| target | value | limit | |',
      '| --- | --- | --- | --- |',
      ...targets.map((t) => `| ${t.description} | ${t.value.toFixed(2)} × | ≥ ${t.limit} × | ${verdict(t.value >= t.limit)} |`),
      '',
      machineLine(machine, loadAtEnd),
      `The database server runs on the same ${machine.nproc} cores as the engine processes, so more processes than cores`,
      'measure contention for CPU more than the store; on separate machines each engine process adds its own CPU.',
      'With the machine this busy the events/s are lower bounds. CPU per event (engine processes; the whole PostgreSQL server from',
      '/proc, including any other sessions) depends less on the load, though oversubscribed cores inflate it too: on dedicated cores',
      'a core gives roughly 1000 / (CPU ms per event) events/s.',
      'A send is one transaction through the store\'s `update` (BEGIN; `SELECT … FOR UPDATE` of the incident\'s version and timeline head;',
      'the incident read again only when the engine\'s cached copy is stale; `save_incident`; COMMIT), so sends to a shared incident',
      'from several processes wait for its row lock instead of failing with a version conflict and retrying (before, the save was',
      'optimistic: 49 and 27 conflicts retried with 2 and 4 processes in the quick run of 2026-12-07 20:22, and the shared-incidents',
      'test, alternating two engines, retried ~90 % of its sends).',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
