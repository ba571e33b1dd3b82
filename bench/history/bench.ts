/**
 * History benchmark (not a test; issue #16): what one event costs on an incident with a short and
 * with a long history, for the memory, file and PostgreSQL stores, and the `fileStore`'s cost per
 * event against the physical floor of the same writes measured by this bench in the same run.
 * Writes the "history" section of bench/results.md and bench/history/result.json.
 *
 * Run: `npm run bench -- history` (or `npx tsx bench/run.ts history`); `--quick` for fewer
 * processes and rounds, `--large` to add a 50,000-entry history, `--no-postgres` to leave out the
 * PostgreSQL rows. PostgreSQL: PLANWRIGHT_PG_URL (default postgres://postgres@127.0.0.1:5432/test);
 * one schema per run, dropped afterwards.
 *
 * Each event is a NOTE of the seed plan (allowed in every stage, it adds one timeline entry and
 * changes nothing else), sent one after another (spread over several incidents for short
 * histories). Each measurement runs alone in a fresh process pinned to one CPU with `taskset` (as
 * bench/engine does), the sides alternating.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { machineInfo, machineLine, verdict, writeSection } from '../check/results-md.js';

const PG_URL = process.env['PLANWRIGHT_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const T0 = '2024-05-01T08:00:00.000Z';
const LEGAL_HEAD = { id: 'xu', roles: ['legal-head'] };
const REPORTER = { id: 'wang', roles: ['info-officer'] };
const distRuntime = new URL('../../dist/runtime.js', import.meta.url);
const distPostgres = new URL('../../dist/postgres.js', import.meta.url);
if (!existsSync(distRuntime)) throw new Error('bench: dist/runtime.js is missing; run `npm run build` first (`npm run bench` does)');
type Runtime = typeof import('../../src/runtime/index.js');
type Incident = import('../../src/runtime/index.js').Incident;
type IncidentSnapshot = import('../../src/runtime/index.js').IncidentSnapshot;
type Engine = import('../../src/runtime/index.js').Engine;
const runtime = (await import(distRuntime.href)) as Runtime;
const plan = runtime.loadBundle(JSON.parse(readFileSync(new URL('../../dist/plans/public-opinion.json', import.meta.url), 'utf8')));

const note = (text: string) => ({ type: 'NOTE', by: LEGAL_HEAD, data: { note: text } });
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

/** Effect handlers that do nothing (the seed plan notifies and publishes; nothing is left in an outbox). */
const EFFECTS = { notify: async () => {}, publish: async () => {} };

/** Opens an incident on `engine` and sends NOTEs until its timeline holds `entries` entries. */
async function grow(engine: Engine, entries: number): Promise<Incident> {
  const opened = await engine.open({ by: REPORTER, title: 'history', category: 'media' });
  let length = opened.timeline.length;
  while (length < entries) {
    const result = await engine.send(opened.id, note(`history ${length}`));
    if (!result.ok) throw new Error(`bench: NOTE refused: ${result.error.message}`);
    length = result.incident.head.seq + 1;
  }
  return (await engine.get(opened.id)) as Incident;
}

/** Builds one incident per id in memory, each with `entries` timeline entries. */
async function built(ids: string[], entries: number): Promise<Incident[]> {
  let next = 0;
  const engine = runtime.createEngine(plan, { clock: runtime.createManualClock(T0), effects: EFFECTS, newId: () => ids[next++] as string });
  const out: Incident[] = [];
  for (let k = 0; k < ids.length; k++) out.push(await grow(engine, entries));
  await engine.dispose();
  return out;
}

/**
 * The incidents one measuring process sends to, for one history size: a short history is spread
 * over as many incidents as a round has events (each gets one event per round, so that it stays
 * near its size: 100 → 100 + rounds + 1), a long one is a single incident (10,000 grows by at most
 * 7 % over a process).
 */
function incidentIds(size: number, perRound: number, prefix: string): string[] {
  return size <= 1000 ? Array.from({ length: perRound }, (_, k) => `H-${size}-${prefix}${k}`) : [`H-${size}-${prefix}0`];
}

/** One measuring process's result: medians over its rounds, per event. */
interface Measured {
  cpuUs: number;
  wallMs: number;
  /** The longest timeline among the incidents sent to, after the last round. */
  entries: number;
}

/**
 * Sends one warm-up NOTE to each incident (which also loads it into the engine's cache), then
 * `rounds` rounds of `perRound` NOTEs cycling over `ids`; CPU µs and wall ms per event, medians
 * of the rounds.
 */
async function timeSends(engine: Engine, ids: string[], rounds: number, perRound: number): Promise<Measured> {
  const send = async (id: string, text: string): Promise<number> => {
    const result = await engine.send(id, note(text));
    if (!result.ok) throw new Error(`bench: NOTE refused on ${id}: ${result.error.code} ${result.error.message}`);
    return result.incident.head.seq + 1;
  };
  for (const id of ids) await send(id, 'warm-up');
  const cpu: number[] = [];
  const wall: number[] = [];
  let entries = 0;
  for (let round = 0; round < rounds; round++) {
    const cpu0 = process.cpuUsage();
    const wall0 = performance.now();
    for (let i = 0; i < perRound; i++) entries = Math.max(entries, await send(ids[i % ids.length] as string, `measured ${round}.${i}`));
    const used = process.cpuUsage(cpu0);
    wall.push((performance.now() - wall0) / perRound);
    cpu.push((used.user + used.system) / perRound);
  }
  return { cpuUs: median(cpu), wallMs: median(wall), entries };
}

/** Child: one store kind at one history size. The memory store builds its incidents here; the others find them where the parent put them. */
async function measureStore(kind: string, size: number, location: string, rounds: number, perRound: number): Promise<Measured> {
  const clock = runtime.createManualClock(T0);
  if (kind === 'memory') {
    const ids = incidentIds(size, perRound, 'm');
    let next = 0;
    const engine = runtime.createEngine(plan, { clock, effects: EFFECTS, newId: () => ids[next++] as string });
    for (let k = 0; k < ids.length; k++) await grow(engine, size);
    const measured = await timeSends(engine, ids, rounds, perRound);
    await engine.dispose();
    return measured;
  }
  if (kind === 'file') {
    const store = runtime.fileStore(location);
    const engine = runtime.createEngine(plan, { clock, store, effects: EFFECTS });
    const measured = await timeSends(engine, incidentIds(size, perRound, 'f'), rounds, perRound);
    await engine.dispose();
    await store.close();
    return measured;
  }
  const [schema, prefix] = location.split(':') as [string, string];
  const { postgresStore } = (await import(distPostgres.href)) as typeof import('../../src/postgres/index.js');
  const store = postgresStore({ connectionString: PG_URL, schema, max: 2, autoMigrate: false });
  const engine = runtime.createEngine(plan, { clock, store, effects: EFFECTS });
  const measured = await timeSends(engine, incidentIds(size, perRound, prefix), rounds, perRound);
  await engine.dispose();
  await store.close();
  return measured;
}

/**
 * Child: the physical floor of a file store's event, written by this bench: an fsync'd append of
 * `entryBytes` to a log file (kept open, as an appending store would), then an atomic replace of a
 * `snapshotBytes` file (temporary file written and fsync'd, renamed over, directory fsync'd).
 */
async function measureFloor(dir: string, entryBytes: number, snapshotBytes: number, rounds: number, sends: number): Promise<Measured> {
  mkdirSync(dir, { recursive: true });
  const entry = `${'e'.repeat(Math.max(0, entryBytes - 1))}\n`;
  const snapshot = 's'.repeat(snapshotBytes);
  const log = await open(join(dir, 'floor.jsonl'), 'a');
  const event = async (): Promise<void> => {
    await log.write(entry);
    await log.sync();
    const temp = join(dir, '.floor.json.tmp');
    const handle = await open(temp, 'w');
    await handle.writeFile(snapshot);
    await handle.sync();
    await handle.close();
    await rename(temp, join(dir, 'floor.json'));
    const directory = await open(dir, 'r');
    await directory.sync();
    await directory.close();
  };
  for (let i = 0; i < 3; i++) await event();
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const cpu0 = process.cpuUsage();
    const wall0 = performance.now();
    for (let i = 0; i < sends; i++) await event();
    const used = process.cpuUsage(cpu0);
    wall.push((performance.now() - wall0) / sends);
    cpu.push((used.user + used.system) / sends);
  }
  await log.close();
  return { cpuUs: median(cpu), wallMs: median(wall), entries: 0 };
}

/** The CPU measuring processes are pinned to (the last one), or undefined without `taskset`. */
const PIN_CPU = process.platform === 'linux' && spawnSync('taskset', ['-c', '0', 'true']).status === 0 ? os.cpus().length - 1 : undefined;

/** Runs one measurement in a fresh (pinned) child process of this file. */
function inFreshProcess(args: string[]): Measured {
  const node = [process.execPath, '--import', 'tsx', fileURLToPath(import.meta.url), ...args];
  const [command, ...rest] = PIN_CPU === undefined ? node : ['taskset', '-c', String(PIN_CPU), ...node];
  const child = spawnSync(command as string, rest, { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (child.status !== 0) throw new Error(`bench: child ${args.join(' ')} failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as Measured;
}

/** Where the parent puts the file and PostgreSQL incidents, and the sizes the floor writes. */
interface Prepared {
  fileDir: string;
  schema?: string;
  entryBytes: number;
  snapshotBytes: number;
}

/** Rounds × events per round of one measuring process, by store. */
const PLANS: Record<string, { rounds: number; perRound: number }> = {
  memory: { rounds: 7, perRound: 100 },
  file: { rounds: 5, perRound: 10 },
  postgres: { rounds: 5, perRound: 20 },
};

/**
 * Builds the file and PostgreSQL incidents in memory (an engine on the in-memory store, NOTE after
 * NOTE), then writes the file ones as `<dir>/pristine/<id>.json`, the layout planwright's fileStore
 * used before runtime v2 (one document per incident; v2 migrates such folders on open), and opens
 * that folder once; with PostgreSQL, saves each as its snapshot and whole timeline (`store.save(snapshot, timeline, 0)`) into a fresh schema
 * (store contract v2: the snapshot and the whole timeline as its first save). Returns the sizes of a
 * NOTE's entry and of an incident without its timeline (its snapshot) at the first size, for the floor.
 */
async function prepare(sizes: number[], withPostgres: boolean, pairs: number): Promise<Prepared> {
  const fileDir = mkdtempSync(join(os.tmpdir(), 'planwright-bench-history-'));
  const pristine = join(fileDir, 'pristine');
  mkdirSync(pristine);
  let entryBytes = 0;
  let snapshotBytes = 0;
  for (const size of sizes) {
    for (const incident of await built(incidentIds(size, PLANS['file']?.perRound ?? 1, 'f'), size)) {
      writeFileSync(join(pristine, `${incident.id}.json`), JSON.stringify(incident));
      if (size === sizes[0]) {
        const { timeline, ...snapshot } = incident;
        entryBytes = JSON.stringify(timeline.at(-1)).length + 1;
        snapshotBytes = JSON.stringify(snapshot).length;
      }
    }
  }
  // Open the folder once (a v2 store migrates it here, not inside a measurement).
  const opened = runtime.fileStore(pristine);
  if ((await opened.list()).length === 0) throw new Error('bench: the file incidents are missing');
  await opened.close();
  if (!withPostgres) return { fileDir, entryBytes, snapshotBytes };
  const { postgresStore } = (await import(distPostgres.href)) as typeof import('../../src/postgres/index.js');
  const schema = `pw_bench_history_${Date.now()}`;
  const store = postgresStore({ connectionString: PG_URL, schema, max: 4 });
  await store.migrate();
  for (let pair = 0; pair < pairs; pair++) {
    for (const size of sizes) {
      // One set of short-history incidents per process; the long one is shared (see incidentIds).
      if (size > 1000 && pair > 0) continue;
      for (const incident of await built(incidentIds(size, PLANS['postgres']?.perRound ?? 1, `p${pair}-`), size)) {
        const { timeline, ...state } = incident;
        const last = timeline.at(-1) as NonNullable<ReturnType<typeof timeline.at>>;
        await store.save({ ...state, head: { at: last.at, hash: last.hash, seq: last.seq } } as IncidentSnapshot, timeline, 0);
      }
    }
  }
  await store.close();
  return { fileDir, schema, entryBytes, snapshotBytes };
}

async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await client.end();
}

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function main(): Promise<void> {
  const at = process.argv.indexOf('--measure');
  if (at >= 0) {
    const [kind, entries, location, rounds, sends] = process.argv.slice(at + 1);
    console.log(JSON.stringify(await measureStore(String(kind), Number(entries), String(location), Number(rounds), Number(sends))));
    return;
  }
  const floorAt = process.argv.indexOf('--floor');
  if (floorAt >= 0) {
    const [dir, entryBytes, snapshotBytes, rounds, sends] = process.argv.slice(floorAt + 1);
    console.log(JSON.stringify(await measureFloor(String(dir), Number(entryBytes), Number(snapshotBytes), Number(rounds), Number(sends))));
    return;
  }
  const quick = process.argv.includes('--quick');
  const sizes = [100, 10_000, ...(process.argv.includes('--large') ? [50_000] : [])];
  const pairs = quick ? 3 : 5;
  const machine = machineInfo();
  const withPostgres = !process.argv.includes('--no-postgres') && (await postgresReachable());
  if (!withPostgres) console.warn(`bench: PostgreSQL rows left out (${process.argv.includes('--no-postgres') ? '--no-postgres' : `not reachable at ${PG_URL}`})`);
  if (PIN_CPU === undefined) console.warn('bench: no taskset here; measuring processes are not pinned to one CPU');
  const prepared = await prepare(sizes, withPostgres, pairs);
  try {
    const plans = PLANS;
    const kinds = ['memory', 'file', ...(withPostgres ? ['postgres'] : [])];
    const results: Record<string, Record<string, Measured[]>> = {};
    for (const kind of kinds) results[kind] = Object.fromEntries(sizes.map((s) => [String(s), [] as Measured[]]));
    const floor: Measured[] = [];
    for (let pair = 0; pair < pairs; pair++) {
      for (const kind of kinds) {
        const { rounds, perRound } = plans[kind] as { rounds: number; perRound: number };
        for (const size of sizes) {
          let location = '-';
          if (kind === 'file') {
            // A fresh copy of the prepared folder for each process, so that no process finds the short history lengthened by the one before it.
            location = join(prepared.fileDir, `run-${pair}-${size}`);
            cpSync(join(prepared.fileDir, 'pristine'), location, { recursive: true });
          } else if (kind === 'postgres') {
            location = `${prepared.schema as string}:p${size > 1000 ? 0 : pair}-`;
          }
          const measured = inFreshProcess(['--measure', kind, String(size), location, String(rounds), String(perRound)]);
          if (kind === 'file') rmSync(location, { recursive: true, force: true });
          results[kind]?.[String(size)]?.push(measured);
          console.log(`pair ${pair + 1}: ${kind} at ${size} entries: ${measured.cpuUs.toFixed(1)} µs CPU, ${measured.wallMs.toFixed(2)} ms wall per event (timeline now ${measured.entries})`);
        }
        if (kind === 'file') {
          const measured = inFreshProcess(['--floor', join(prepared.fileDir, 'floor'), String(prepared.entryBytes), String(prepared.snapshotBytes), String(plans['file']?.rounds), String(plans['file']?.perRound)]);
          floor.push(measured);
          console.log(`pair ${pair + 1}: floor (fsync'd append of ${prepared.entryBytes} B + atomic replace of ${prepared.snapshotBytes} B): ${measured.cpuUs.toFixed(1)} µs CPU, ${measured.wallMs.toFixed(2)} ms wall per event`);
        }
      }
    }
    const loadAtEnd = os.loadavg()[0] ?? 0;
    /** Memory is judged on CPU time (no I/O); file and PostgreSQL on wall time (fsync and the server are not this process's CPU). */
    const judged = (kind: string, m: Measured[]): number => (kind === 'memory' ? median(m.map((x) => x.cpuUs)) : median(m.map((x) => x.wallMs)));
    const unit = (kind: string): string => (kind === 'memory' ? 'µs CPU' : 'ms wall');
    const small = String(sizes[0]);
    const large = '10000';
    const targets = kinds.map((kind) => {
      const value = judged(kind, results[kind]?.[large] ?? []) / judged(kind, results[kind]?.[small] ?? []);
      return {
        id: `history-${kind}-10000-vs-100`,
        description: `${kind} store: cost of a NOTE at 10,000 timeline entries ÷ at 100 (${unit(kind)} per event), at most 1.2× (issue #16)`,
        value,
        limit: 1.2,
        unit: '×',
        better: 'lower' as const,
      };
    });
    const fileAtSmall = judged('file', results['file']?.[small] ?? []);
    const floorMs = median(floor.map((x) => x.wallMs));
    targets.push({
      id: 'history-file-vs-floor',
      description: `fileStore: wall ms per NOTE at 100 entries ÷ the floor measured in the same run (fsync'd append + atomic snapshot replace of the same sizes), at most 2× (issue #16)`,
      value: fileAtSmall / floorMs,
      limit: 2,
      unit: '×',
      better: 'lower',
    });
    const fileAtLarge = judged('file', results['file']?.[large] ?? []);
    targets.push({
      id: 'history-file-10000-vs-floor',
      description: `fileStore: wall ms per NOTE at 10,000 entries ÷ the same floor, at most 2× (issue #16)`,
      value: fileAtLarge / floorMs,
      limit: 2,
      unit: '×',
      better: 'lower',
    });
    const figures = {
      date: new Date().toISOString(),
      machine: { ...machine, loadAtEnd },
      method: `each measurement alone in a fresh process${PIN_CPU === undefined ? '' : ` pinned to CPU ${PIN_CPU} with taskset`}, sizes and stores alternating, ${pairs} processes per row; per process the median over rounds of consecutive NOTE sends to one incident after a warm-up`,
      sizes,
      perEvent: Object.fromEntries(
        kinds.map((kind) => [
          kind,
          Object.fromEntries(
            sizes.map((s) => {
              const m = results[kind]?.[String(s)] ?? [];
              return [String(s), { cpuUs: median(m.map((x) => x.cpuUs)), wallMs: median(m.map((x) => x.wallMs)), processes: m }];
            }),
          ),
        ]),
      ),
      floor: { entryBytes: prepared.entryBytes, snapshotBytes: prepared.snapshotBytes, cpuUs: median(floor.map((x) => x.cpuUs)), wallMs: floorMs, processes: floor },
      targets,
    };
    console.log(JSON.stringify(figures, null, 2));
    if (process.argv.includes('--no-write')) return;
    const here = fileURLToPath(new URL('.', import.meta.url));
    writeFileSync(join(here, 'result.json'), `${JSON.stringify(figures, null, 2)}\n`);
    const f = (x: number, digits = 2) => x.toFixed(digits);
    const spread = (m: Measured[], key: 'cpuUs' | 'wallMs') => `${f(Math.min(...m.map((x) => x[key])), key === 'cpuUs' ? 0 : 2)}–${f(Math.max(...m.map((x) => x[key])), key === 'cpuUs' ? 0 : 2)}`;
    const rows = kinds.flatMap((kind) =>
      sizes.map((s) => {
        const m = results[kind]?.[String(s)] ?? [];
        return `| ${kind} | ${s.toLocaleString('en')} | ${f(median(m.map((x) => x.cpuUs)), 0)} (${spread(m, 'cpuUs')}) | ${f(median(m.map((x) => x.wallMs)))} (${spread(m, 'wallMs')}) | ${kind === 'memory' ? 'CPU' : 'wall'} |`;
      }),
    );
    writeSection(
      'history',
      [
        '## history',
        '',
        `Measured ${figures.date.slice(0, 16).replace('T', ' ')} UTC by bench/history/bench.ts (result: bench/history/result.json)${quick ? ', quick mode' : ''}; the built runtime (dist/) and the seed plan's bundle.`,
        machineLine(machine, loadAtEnd),
        '',
        `What one event costs as an incident's history grows (issue #16): NOTE events (one timeline entry each, nothing else changes) sent one after another to incidents whose timelines already hold 100 or 10,000 entries. Memory: the default in-memory store, incidents built in the measuring process. File: \`fileStore\` on a folder where the bench wrote each incident as one \`<id>.json\` document, the layout before runtime v2 (v2 migrates such folders on open; the bench opens the folder once before measuring). PostgreSQL: \`postgresStore\` (pool of 2) on incidents the bench built in memory and saved whole (\`store.save(snapshot, timeline, 0)\`) into a fresh schema. Each row: ${pairs} fresh processes${PIN_CPU === undefined ? '' : ' pinned to one CPU with `taskset`'}, alternating with the other rows; each process: a warm-up event per incident (which also loads it into the engine's cache), then the median over rounds (${plans['memory']?.rounds} × ${plans['memory']?.perRound} events in memory, ${plans['file']?.rounds} × ${plans['file']?.perRound} on file, ${plans['postgres']?.rounds} × ${plans['postgres']?.perRound} on PostgreSQL). A short history is spread over as many incidents as a round has events, each getting one event per round, so that it stays near 100 entries; a long one is a single incident (it grows by at most 7 % during a process: 700 events in memory, 100 on PostgreSQL, 50 on file); the row shows the median of the processes and their range. Memory is judged on CPU time, file and PostgreSQL on wall time (an fsync and the database server's work are not this process's CPU), so their figures move with the machine's load.`,
        '',
        '| store | timeline entries | CPU µs per event (median, range) | wall ms per event (median, range) | judged on |',
        '| --- | ---: | ---: | ---: | --- |',
        ...rows,
        `| floor: fsync'd append of ${prepared.entryBytes} B + atomic replace (temp, fsync, rename, directory fsync) of ${prepared.snapshotBytes} B | | ${f(figures.floor.cpuUs, 0)} (${spread(floor, 'cpuUs')}) | ${f(floorMs)} (${spread(floor, 'wallMs')}) | wall |`,
        '',
        `The floor is written by the bench itself in the same run, in a subfolder of the same folder: the bytes a NOTE adds (its timeline entry as one JSON line) appended to an open log file and fsync'd, then a file the size of the incident without its timeline (${prepared.snapshotBytes} B at 100 entries) written to a temporary file, fsync'd, renamed over the previous one and the directory fsync'd — three fsyncs, what a snapshot + append-only timeline store must do per event.`,
        '',
        '| target | value | limit | |',
        '| --- | --- | --- | --- |',
        ...targets.map((t) => `| ${t.description} | ${f(t.value)} × | ≤ ${t.limit} × | ${verdict(t.value <= t.limit)} |`),
        '',
      ].join('\n'),
    );
  } finally {
    rmSync(prepared.fileDir, { recursive: true, force: true });
    if (prepared.schema !== undefined) await dropSchema(prepared.schema);
  }
}

await main();
