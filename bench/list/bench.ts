/**
 * Listing benchmark (not a test; issue #16): what it costs to show one page of incidents (the
 * first 50 open incidents by id) through `engine.list`, with 1,000 and with 10,000 incidents in
 * the memory, file and PostgreSQL stores. A paged list should cost the same whatever the number
 * of incidents. Writes the "list" section of bench/results.md and bench/list/result.json.
 *
 * Before runtime v2 `engine.list` has no paging: a page is the whole list, cut to 50 by the
 * caller. The bench asks for `{ open: true, limit: 50 }` and cuts what comes back to 50, so that it
 * measures an engine that pages as soon as one does (an engine without `limit` ignores it).
 *
 * Run: `npm run bench -- list` (or `npx tsx bench/run.ts list`); `--quick` for fewer processes,
 * `--no-postgres` to leave out PostgreSQL. Each measurement runs alone in a fresh process pinned
 * to one CPU with `taskset`, sizes alternating.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { machineInfo, machineLine, verdict, writeSection } from '../check/results-md.js';

const PG_URL = process.env['PLANWRIGHT_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const T0 = '2024-05-01T08:00:00.000Z';
const PAGE = 50;
const REPORTER = { id: 'wang', roles: ['info-officer'] };
const distRuntime = new URL('../../dist/runtime.js', import.meta.url);
const distPostgres = new URL('../../dist/postgres.js', import.meta.url);
if (!existsSync(distRuntime)) throw new Error('bench: dist/runtime.js is missing; run `npm run build` first (`npm run bench` does)');
type Runtime = typeof import('../../src/runtime/index.js');
type Engine = import('../../src/runtime/index.js').Engine;
type Incident = import('../../src/runtime/index.js').Incident;
type ListFilter = import('../../src/runtime/index.js').ListFilter;
const runtime = (await import(distRuntime.href)) as Runtime;
const plan = runtime.loadBundle(JSON.parse(readFileSync(new URL('../../dist/plans/public-opinion.json', import.meta.url), 'utf8')));
const EFFECTS = { notify: async () => {}, publish: async () => {} };
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const idOf = (n: number): string => `L-${String(n).padStart(6, '0')}`;

/** Opens `count` incidents (just opened, as most listed ones are young) on an in-memory engine and returns them. */
async function openIncidents(count: number): Promise<Incident[]> {
  let next = 0;
  const engine = runtime.createEngine(plan, { clock: runtime.createManualClock(T0), effects: EFFECTS, newId: () => idOf(next++) });
  const out: Incident[] = [];
  for (let i = 0; i < count; i++) out.push(await engine.open({ by: REPORTER, title: `Incident ${i}`, category: 'media' }));
  await engine.dispose();
  return out;
}

/** One page: the first {@link PAGE} open incidents by id. */
async function page(engine: Engine): Promise<Incident[]> {
  const listed = await engine.list({ open: true, limit: PAGE } as ListFilter);
  return [...listed].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).slice(0, PAGE);
}

interface Measured {
  cpuMs: number;
  wallMs: number;
}

/** Saves a whole incident as a new one (store contract v2: its snapshot, and its timeline as the first save's entries). */
function saveWhole(store: import('../../src/runtime/index.js').IncidentStore, incident: import('../../src/runtime/index.js').Incident): Promise<void> {
  const { timeline, ...state } = incident;
  const last = timeline[timeline.length - 1] as (typeof timeline)[number];
  return store.save({ ...state, head: { at: last.at, hash: last.hash, seq: last.seq } } as import('../../src/runtime/index.js').IncidentSnapshot, timeline, 0);
}

/** Child: pages listed `rounds` times after a warm-up one, on a fresh engine over the store; CPU and wall ms per page, medians. */
async function measure(kind: string, count: number, location: string, rounds: number): Promise<Measured> {
  let engine: Engine;
  let close = async (): Promise<void> => {};
  if (kind === 'memory') {
    const store = runtime.memoryStore();
    for (const incident of await openIncidents(count)) await saveWhole(store, incident);
    engine = runtime.createEngine(plan, { clock: runtime.createManualClock(T0), store, effects: EFFECTS });
  } else if (kind === 'file') {
    const store = runtime.fileStore(location);
    engine = runtime.createEngine(plan, { clock: runtime.createManualClock(T0), store, effects: EFFECTS });
    close = () => store.close();
  } else {
    const { postgresStore } = (await import(distPostgres.href)) as typeof import('../../src/postgres/index.js');
    const store = postgresStore({ connectionString: PG_URL, schema: location, max: 2, autoMigrate: false });
    engine = runtime.createEngine(plan, { clock: runtime.createManualClock(T0), store, effects: EFFECTS });
    close = () => store.close();
  }
  await engine.ready(); // start-up (and, for the file store, opening the folder) before timing
  const first = await page(engine);
  if (first.length !== PAGE || first[0]?.id !== idOf(0)) throw new Error(`bench: the first page is wrong (${first.length} incidents, first ${first[0]?.id})`);
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const cpu0 = process.cpuUsage();
    const wall0 = performance.now();
    const listed = await page(engine);
    const used = process.cpuUsage(cpu0);
    wall.push(performance.now() - wall0);
    cpu.push((used.user + used.system) / 1000);
    if (listed.length !== PAGE) throw new Error('bench: a page came back short');
  }
  await engine.dispose();
  await close();
  return { cpuMs: median(cpu), wallMs: median(wall) };
}

const PIN_CPU = process.platform === 'linux' && spawnSync('taskset', ['-c', '0', 'true']).status === 0 ? os.cpus().length - 1 : undefined;

function inFreshProcess(args: string[]): Measured {
  const node = [process.execPath, '--max-old-space-size=4096', '--import', 'tsx', fileURLToPath(import.meta.url), ...args];
  const [command, ...rest] = PIN_CPU === undefined ? node : ['taskset', '-c', String(PIN_CPU), ...node];
  const child = spawnSync(command as string, rest, { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (child.status !== 0) throw new Error(`bench: child ${args.join(' ')} failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as Measured;
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

async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await client.end();
}

/**
 * Writes the file folders (one `<id>.json` document per incident, the layout before runtime v2,
 * which v2 migrates on open; each folder opened once here) and, with PostgreSQL, one schema per
 * size filled with `store.save(incident, 0)` (the store contract before v2: adapt this call to v2's).
 */
async function prepare(sizes: number[], withPostgres: boolean): Promise<{ root: string; folders: Map<number, string>; schemas: Map<number, string> }> {
  const root = mkdtempSync(join(os.tmpdir(), 'planwright-bench-list-'));
  const folders = new Map<number, string>();
  const schemas = new Map<number, string>();
  const { postgresStore } = withPostgres ? ((await import(distPostgres.href)) as typeof import('../../src/postgres/index.js')) : { postgresStore: undefined };
  for (const size of sizes) {
    const incidents = await openIncidents(size);
    const folder = join(root, String(size));
    mkdirSync(folder);
    for (const incident of incidents) writeFileSync(join(folder, `${incident.id}.json`), JSON.stringify(incident));
    const opened = runtime.fileStore(folder);
    await opened.ping();
    await opened.close();
    folders.set(size, folder);
    if (postgresStore === undefined) continue;
    const schema = `pw_bench_list_${size}_${Date.now()}`;
    const store = postgresStore({ connectionString: PG_URL, schema, max: 8 });
    await store.migrate();
    const started = Date.now();
    for (let i = 0; i < incidents.length; i += 8) await Promise.all(incidents.slice(i, i + 8).map((incident) => saveWhole(store, incident)));
    await store.close();
    console.log(`prepared ${size} PostgreSQL incidents in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    schemas.set(size, schema);
  }
  return { root, folders, schemas };
}

async function main(): Promise<void> {
  const at = process.argv.indexOf('--measure');
  if (at >= 0) {
    const [kind, count, location, rounds] = process.argv.slice(at + 1);
    console.log(JSON.stringify(await measure(String(kind), Number(count), String(location), Number(rounds))));
    return;
  }
  const quick = process.argv.includes('--quick');
  const pairs = quick ? 3 : 5;
  const sizes = [1000, 10_000];
  const machine = machineInfo();
  const withPostgres = !process.argv.includes('--no-postgres') && (await postgresReachable());
  if (!withPostgres) console.warn('bench: PostgreSQL rows left out');
  const prepared = await prepare(sizes, withPostgres);
  try {
    const kinds = ['memory', 'file', ...(withPostgres ? ['postgres'] : [])];
    const rounds: Record<string, number> = { memory: 15, file: 3, postgres: 3 };
    const results = new Map<string, Measured[]>();
    for (let pair = 0; pair < pairs; pair++) {
      for (const kind of kinds) {
        for (const size of sizes) {
          const location = kind === 'file' ? (prepared.folders.get(size) as string) : kind === 'postgres' ? (prepared.schemas.get(size) as string) : '-';
          const measured = inFreshProcess(['--measure', kind, String(size), location, String(rounds[kind])]);
          const key = `${kind}/${size}`;
          results.set(key, [...(results.get(key) ?? []), measured]);
          console.log(`pair ${pair + 1}: ${kind}, ${size} incidents: ${measured.cpuMs.toFixed(2)} ms CPU, ${measured.wallMs.toFixed(2)} ms wall per page of ${PAGE}`);
        }
      }
    }
    const loadAtEnd = os.loadavg()[0] ?? 0;
    const figure = (kind: string, size: number, key: keyof Measured): number => median((results.get(`${kind}/${size}`) ?? []).map((m) => m[key]));
    /** Memory is judged on CPU time (it waits for nothing but the CPU, which other work on this shared machine takes); file and PostgreSQL on wall time. */
    const judged = (kind: string): keyof Measured => (kind === 'memory' ? 'cpuMs' : 'wallMs');
    const targets = kinds.map((kind) => ({
      id: `list-${kind}-10000-vs-1000`,
      description: `${kind} store: ${judged(kind) === 'cpuMs' ? 'CPU' : 'wall'} ms per page of ${PAGE} with 10,000 incidents ÷ with 1,000 (flat: at most 1.2×, issue #16)`,
      value: figure(kind, 10_000, judged(kind)) / figure(kind, 1000, judged(kind)),
      limit: 1.2,
      unit: '×',
      better: 'lower' as const,
    }));
    const figures = { date: new Date().toISOString(), machine: { ...machine, loadAtEnd }, page: PAGE, sizes, results: Object.fromEntries(results), targets };
    console.log(JSON.stringify(figures, null, 2));
    if (process.argv.includes('--no-write')) return;
    writeFileSync(join(fileURLToPath(new URL('.', import.meta.url)), 'result.json'), `${JSON.stringify(figures, null, 2)}\n`);
    writeSection(
      'list',
      [
        '## list',
        '',
        `Measured ${figures.date.slice(0, 16).replace('T', ' ')} UTC by bench/list/bench.ts (result: bench/list/result.json)${quick ? ', quick mode' : ''}; the built runtime (dist/) and the seed plan's bundle.`,
        machineLine(machine, loadAtEnd),
        '',
        `One page = the first ${PAGE} open incidents by id through \`engine.list({ open: true, limit: ${PAGE} })\`, cut to ${PAGE} by the bench: before runtime v2 the engine has no paging and ignores \`limit\`, so a page costs the whole list. Incidents just opened (seed plan). Memory: saved into a \`memoryStore\` in the measuring process. File: \`fileStore\` on a folder of \`<id>.json\` documents (the layout before v2). PostgreSQL: \`postgresStore\` (pool of 2) on a schema filled by the bench. Each row: ${pairs} fresh processes${PIN_CPU === undefined ? '' : ' pinned to one CPU with `taskset`'}, sizes alternating; per process the engine's start-up is done first, then one warm-up page, then the median of ${rounds['memory']} (memory) or ${rounds['file']} pages.`,
        '',
        '| store | incidents | ms per page, wall (median of processes) | ms per page, CPU |',
        '| --- | ---: | ---: | ---: |',
        ...kinds.flatMap((kind) => sizes.map((size) => `| ${kind} | ${size.toLocaleString('en')} | ${figure(kind, size, 'wallMs').toFixed(2)} | ${figure(kind, size, 'cpuMs').toFixed(2)} |`)),
        '',
        '| target | value | limit | |',
        '| --- | --- | --- | --- |',
        ...targets.map((t) => `| ${t.description} | ${t.value.toFixed(2)} × | ≤ ${t.limit} × | ${verdict(t.value <= t.limit)} |`),
        '',
      ].join('\n'),
    );
  } finally {
    rmSync(prepared.root, { recursive: true, force: true });
    for (const schema of prepared.schemas.values()) await dropSchema(schema);
  }
}

await main();
