/**
 * Listing benchmark (not a test; issues #16 and #19): what one page of incidents costs through
 * `engine.list({ open: true, limit: 50 })`, with 1,000 and with 10,000 incidents in the memory,
 * file and PostgreSQL stores: the first page, and a page from the middle of the list (its cursor
 * found before timing: keyset paging costs the same at any depth, an offset would not). A paged
 * list should cost the same whatever the number of incidents. Writes the "list" section of
 * bench/results.md and bench/list/result.json (before-runtime-v2.json: the figures before paging,
 * when a page was the whole list cut to 50).
 *
 * Run: `npm run bench -- list` (or `npx tsx bench/run.ts list`); `--quick` for fewer processes,
 * `--no-postgres` to leave out PostgreSQL. Each measurement runs alone in a fresh process pinned
 * to one CPU with `taskset`, sizes alternating.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { machineInfo, machineLine, verdict, writeSection } from '../check/results-md.js';

const PG_URL = process.env['PLANWRIGHT_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const T0 = '2024-05-01T08:00:00.000Z';
const PAGE = 50;
/** Untimed pages of each kind before timing, in every process. */
const WARM_UP_ROUNDS = 10;
const REPORTER = { id: 'wang', roles: ['info-officer'] };
const distRuntime = new URL('../../dist/runtime.js', import.meta.url);
const distPostgres = new URL('../../dist/postgres.js', import.meta.url);
if (!existsSync(distRuntime)) throw new Error('bench: dist/runtime.js is missing; run `npm run build` first (`npm run bench` does)');
type Runtime = typeof import('../../src/runtime/index.js');
type Engine = import('../../src/runtime/index.js').Engine;
type Incident = import('../../src/runtime/index.js').Incident;
type IncidentPage = import('../../src/runtime/index.js').IncidentPage;
const runtime = (await import(distRuntime.href)) as Runtime;
const plan = runtime.loadBundle(JSON.parse(readFileSync(new URL('../../dist/plans/public-opinion.json', import.meta.url), 'utf8')));
const EFFECTS = { notify: async () => {}, publish: async () => {} };
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const idOf = (n: number): string => `L-${String(n).padStart(6, '0')}`;
/** Incidents are opened a second apart; the engines list at the time the last was opened. */
const openedAt = (n: number): number => Date.parse(T0) + n * 1000;

/** Opens `count` incidents a second apart (just opened, as most listed ones are young) on an in-memory engine and returns them. */
async function openIncidents(count: number): Promise<Incident[]> {
  let next = 0;
  const clock = runtime.createManualClock(T0);
  const engine = runtime.createEngine(plan, { clock, effects: EFFECTS, newId: () => idOf(next++) });
  const out: Incident[] = [];
  for (let i = 0; i < count; i++) {
    clock.set(openedAt(i));
    out.push(await engine.open({ by: REPORTER, title: `Incident ${i}`, category: 'media' }));
  }
  await engine.dispose();
  return out;
}

/** One page of open incidents: the first, or the one after `cursor`. */
function page(engine: Engine, cursor: string | undefined): Promise<IncidentPage> {
  return engine.list({ open: true, limit: PAGE, ...(cursor === undefined ? {} : { cursor }) });
}

/** The cursor of the page that starts at incident `count / 2` (found with pages of 500). */
async function middleCursor(engine: Engine, count: number): Promise<string> {
  let cursor: string | undefined;
  for (let seen = 0; seen < count / 2; ) {
    const limit = Math.min(500, count / 2 - seen);
    const listed = await engine.list({ open: true, limit, ...(cursor === undefined ? {} : { cursor }) });
    seen += listed.incidents.length;
    cursor = listed.next;
    if (cursor === undefined) throw new Error('bench: the list ended before its middle');
  }
  return cursor as string;
}

interface Measured {
  /** The first page. */
  cpuMs: number;
  wallMs: number;
  /** The page starting at the middle incident. */
  middleCpuMs: number;
  middleWallMs: number;
}

/** Saves a whole incident as a new one (store contract v2: its snapshot, and its timeline as the first save's entries). */
function saveWhole(store: import('../../src/runtime/index.js').IncidentStore, incident: import('../../src/runtime/index.js').Incident): Promise<void> {
  const { timeline, ...state } = incident;
  const last = timeline[timeline.length - 1] as (typeof timeline)[number];
  return store.save({ ...state, head: { at: last.at, hash: last.hash, seq: last.seq } } as import('../../src/runtime/index.js').IncidentSnapshot, timeline, 0);
}

/** Child: pages listed `rounds` times each (first and middle alternating) after warm-up ones, on a fresh engine over the store; CPU and wall ms per page, medians. */
async function measure(kind: string, count: number, location: string, rounds: number): Promise<Measured> {
  let engine: Engine;
  let close = async (): Promise<void> => {};
  const clock = runtime.createManualClock(openedAt(count - 1));
  if (kind === 'memory') {
    const store = runtime.memoryStore();
    for (const incident of await openIncidents(count)) await saveWhole(store, incident);
    engine = runtime.createEngine(plan, { clock, store, effects: EFFECTS });
  } else if (kind === 'file') {
    const store = runtime.fileStore(location);
    engine = runtime.createEngine(plan, { clock, store, effects: EFFECTS });
    close = () => store.close();
  } else {
    const { postgresStore } = (await import(distPostgres.href)) as typeof import('../../src/postgres/index.js');
    const store = postgresStore({ connectionString: PG_URL, schema: location, max: 2, autoMigrate: false });
    engine = runtime.createEngine(plan, { clock, store, effects: EFFECTS });
    close = () => store.close();
  }
  await engine.ready(); // start-up (and, for the file store, opening the folder) before timing
  const first = await page(engine, undefined);
  if (first.incidents.length !== PAGE || first.incidents[0]?.id !== idOf(0)) throw new Error(`bench: the first page is wrong (${first.incidents.length} incidents, first ${first.incidents[0]?.id})`);
  const middle = await middleCursor(engine, count);
  const warm = await page(engine, middle);
  if (warm.incidents[0]?.id !== idOf(count / 2)) throw new Error(`bench: the middle page starts at ${warm.incidents[0]?.id}, not ${idOf(count / 2)}`);
  // The same warm-up at both sizes (finding the middle cursor took more pages at 10,000).
  for (let round = 0; round < WARM_UP_ROUNDS; round++) {
    await page(engine, undefined);
    await page(engine, middle);
  }
  const timed = { first: { cpu: [] as number[], wall: [] as number[] }, middle: { cpu: [] as number[], wall: [] as number[] } };
  for (let round = 0; round < rounds; round++) {
    for (const which of ['first', 'middle'] as const) {
      const cpu0 = process.cpuUsage();
      const wall0 = performance.now();
      const listed = await page(engine, which === 'first' ? undefined : middle);
      const used = process.cpuUsage(cpu0);
      timed[which].wall.push(performance.now() - wall0);
      timed[which].cpu.push((used.user + used.system) / 1000);
      if (listed.incidents.length !== PAGE) throw new Error('bench: a page came back short');
    }
  }
  await engine.dispose();
  await close();
  return { cpuMs: median(timed.first.cpu), wallMs: median(timed.first.wall), middleCpuMs: median(timed.middle.cpu), middleWallMs: median(timed.middle.wall) };
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
 * Writes one file-store folder and, with PostgreSQL, one schema per size, each filled through the
 * store's `save` (8 at a time for PostgreSQL), and EXPLAIN ANALYZE of the middle page's query on
 * the largest schema.
 */
async function prepare(sizes: number[], withPostgres: boolean): Promise<{ root: string; folders: Map<number, string>; schemas: Map<number, string>; explain: string[] }> {
  const root = mkdtempSync(join(os.tmpdir(), 'planwright-bench-list-'));
  const folders = new Map<number, string>();
  const schemas = new Map<number, string>();
  let explain: string[] = [];
  const { postgresStore } = withPostgres ? ((await import(distPostgres.href)) as typeof import('../../src/postgres/index.js')) : { postgresStore: undefined };
  for (const size of sizes) {
    const incidents = await openIncidents(size);
    const folder = join(root, String(size));
    const files = runtime.fileStore(folder);
    for (const incident of incidents) await saveWhole(files, incident);
    await files.close();
    folders.set(size, folder);
    if (postgresStore === undefined) continue;
    const schema = `pw_bench_list_${size}_${Date.now()}`;
    const pool = new pg.Pool({ connectionString: PG_URL, max: 8 });
    const asked: Array<{ text: string; values: unknown[] }> = [];
    const query = pool.query.bind(pool) as (config: unknown, values?: unknown) => unknown;
    // Remember the list queries the store sends, to EXPLAIN one.
    (pool as unknown as { query: typeof query }).query = (config, values) => {
      if (typeof config === 'object' && config !== null && /ORDER BY i\.opened_ms/.test((config as { text: string }).text)) asked.push(config as { text: string; values: unknown[] });
      return query(config, values);
    };
    const store = postgresStore({ pool, schema });
    await store.migrate();
    const started = Date.now();
    for (let i = 0; i < incidents.length; i += 8) await Promise.all(incidents.slice(i, i + 8).map((incident) => saveWhole(store, incident)));
    await pool.query(`ANALYZE "${schema}".incidents`);
    console.log(`prepared ${size} PostgreSQL incidents in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (size === Math.max(...sizes)) {
      const middle = incidents[size / 2 - 1] as Incident;
      await store.listPage({ open: true, at: new Date(openedAt(size - 1)).toISOString(), limit: PAGE, after: { openedMs: Date.parse(middle.openedAt), id: middle.id } });
      const sent = asked.at(-1);
      if (sent === undefined) throw new Error('bench: no list query was seen');
      const plan = await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ${sent.text}`, sent.values);
      explain = plan.rows.map((row) => row['QUERY PLAN']);
    }
    await store.close();
    await pool.end();
    schemas.set(size, schema);
  }
  return { root, folders, schemas, explain };
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
    const rounds: Record<string, number> = { memory: 25, file: 15, postgres: 15 };
    const results = new Map<string, Measured[]>();
    for (let pair = 0; pair < pairs; pair++) {
      for (const kind of kinds) {
        for (const size of sizes) {
          const location = kind === 'file' ? (prepared.folders.get(size) as string) : kind === 'postgres' ? (prepared.schemas.get(size) as string) : '-';
          const measured = inFreshProcess(['--measure', kind, String(size), location, String(rounds[kind])]);
          const key = `${kind}/${size}`;
          results.set(key, [...(results.get(key) ?? []), measured]);
          console.log(
            `pair ${pair + 1}: ${kind}, ${size} incidents, page of ${PAGE}: first ${measured.cpuMs.toFixed(2)} ms CPU, ${measured.wallMs.toFixed(2)} ms wall; middle ${measured.middleCpuMs.toFixed(2)} ms CPU, ${measured.middleWallMs.toFixed(2)} ms wall`,
          );
        }
      }
    }
    const loadAtEnd = os.loadavg()[0] ?? 0;
    const figure = (kind: string, size: number, key: keyof Measured): number => median((results.get(`${kind}/${size}`) ?? []).map((m) => m[key]));
    /** Memory is judged on CPU time (it waits for nothing but the CPU, which other work on this shared machine takes); file and PostgreSQL on wall time. */
    const judged = (kind: string, middle: boolean): keyof Measured => (kind === 'memory' ? (middle ? 'middleCpuMs' : 'cpuMs') : middle ? 'middleWallMs' : 'wallMs');
    const targets = kinds.flatMap((kind) =>
      [false, true].map((middle) => ({
        id: `list-${kind}${middle ? '-middle' : ''}-10000-vs-1000`,
        description: `${kind} store: ${kind === 'memory' ? 'CPU' : 'wall'} ms per ${middle ? 'middle ' : ''}page of ${PAGE} with 10,000 incidents ÷ with 1,000 (flat: at most 1.2×, issues #16, #19)`,
        value: figure(kind, 10_000, judged(kind, middle)) / figure(kind, 1000, judged(kind, middle)),
        limit: 1.2,
        unit: '×',
        better: 'lower' as const,
      })),
    );
    const figures = { date: new Date().toISOString(), machine: { ...machine, loadAtEnd }, page: PAGE, sizes, results: Object.fromEntries(results), explain: prepared.explain, targets };
    console.log(JSON.stringify(figures, null, 2));
    if (process.argv.includes('--no-write')) return;
    const here = fileURLToPath(new URL('.', import.meta.url));
    writeFileSync(join(here, 'result.json'), `${JSON.stringify(figures, null, 2)}\n`);
    const before = JSON.parse(readFileSync(join(here, 'before-runtime-v2.json'), 'utf8')) as { results: Record<string, Array<{ cpuMs: number; wallMs: number }>> };
    const beforeFigure = (kind: string, size: number, key: 'cpuMs' | 'wallMs'): string => {
      const measured = before.results[`${kind}/${size}`];
      return measured === undefined ? '–' : median(measured.map((m) => m[key])).toFixed(2);
    };
    writeSection(
      'list',
      [
        '## list',
        '',
        `Measured ${figures.date.slice(0, 16).replace('T', ' ')} UTC by bench/list/bench.ts (result: bench/list/result.json)${quick ? ', quick mode' : ''}; the built runtime (dist/) and the seed plan's bundle.`,
        machineLine(machine, loadAtEnd),
        '',
        `A page = \`engine.list({ open: true, limit: ${PAGE} })\`: the first page, and the page after a cursor at the middle incident (found before timing). The store filters and pages (\`listPage\`: a range scan of a list index from the cursor; items without timelines), the engine checks each item once per version. Incidents just opened, a second apart (seed plan); a fresh engine over the store. Memory: saved into a \`memoryStore\` in the measuring process. File: a \`fileStore\` folder written through \`save\`. PostgreSQL: \`postgresStore\` (pool of 2) on a schema filled through \`save\`, then \`ANALYZE\`. Each row: ${pairs} fresh processes${PIN_CPU === undefined ? '' : ' pinned to one CPU with `taskset`'}, sizes alternating; per process the engine's start-up is done first, then ${WARM_UP_ROUNDS + 1} untimed pages of each kind, then the median of ${rounds['memory']} (memory) or ${rounds['file']} pages of each kind, alternating. "Before" is bench/list/before-runtime-v2.json: the first page when \`engine.list\` read every incident (with its timeline) and the caller cut the list to ${PAGE}.`,
        '',
        '| store | incidents | first page: ms wall | ms CPU | middle page: ms wall | ms CPU | before: ms wall | ms CPU |',
        '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
        ...kinds.flatMap((kind) =>
          sizes.map(
            (size) =>
              `| ${kind} | ${size.toLocaleString('en')} | ${figure(kind, size, 'wallMs').toFixed(2)} | ${figure(kind, size, 'cpuMs').toFixed(2)} | ${figure(kind, size, 'middleWallMs').toFixed(2)} | ${figure(kind, size, 'middleCpuMs').toFixed(2)} | ${beforeFigure(kind, size, 'wallMs')} | ${beforeFigure(kind, size, 'cpuMs')} |`,
          ),
        ),
        '',
        '| target | value | limit | |',
        '| --- | --- | --- | --- |',
        ...targets.map((t) => `| ${t.description} | ${t.value.toFixed(2)} × | ≤ ${t.limit} × | ${verdict(t.value <= t.limit)} |`),
        '',
        ...(prepared.explain.length === 0
          ? []
          : [
              `PostgreSQL's plan for the middle page at ${Math.max(...sizes).toLocaleString('en')} incidents (\`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF)\` of the store's query): a range scan of a list index from the cursor, stopped by the limit; no sort, no sequential scan (test/stores/postgres-list.test.ts checks every page shape).`,
              '',
              '```',
              ...prepared.explain,
              '```',
              '',
            ]),
      ].join('\n'),
    );
  } finally {
    rmSync(prepared.root, { recursive: true, force: true });
    for (const schema of prepared.schemas.values()) await dropSchema(schema);
  }
}

await main();
