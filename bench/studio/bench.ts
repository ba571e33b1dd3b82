/**
 * Studio benchmark (not a test): in headless Chromium, the time from a keystroke in the editor to
 * the page showing the new diagnostics and the redrawn diagram (p50/p95 over keystrokes, debounce
 * included), on the seed plan and on a generated 1,000-stage plan; the first load of the page
 * (navigation to a checked, drawn plan), with where its time goes on the page's own clock, beside
 * a blank page loaded the same way (what Chromium and Playwright cost by themselves) and beside
 * loads right after the plan changed on disk (no first view worked out ahead); and the size of the
 * studio's assets. Writes bench/studio/result.json (targets for `npm run bench -- --check`) and the
 * "studio" section of bench/results.md. Needs /usr/bin/chromium.
 */
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildStudio } from '../../scripts/build-studio.mjs';
import { startStudio } from '../../src/studio/studio-server.js';
import { generatePlanYaml } from '../../test/fixtures/robustness/generate-plan.js';
import { machineInfo, machineLine, verdict, writeSection } from '../check/results-md.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const quick = process.argv.includes('--quick');
const KEYSTROKES = quick ? 10 : 30;
/**
 * Untimed keystrokes before the timed ones on the seed plan (4 on the 1,000-stage plan and before
 * the retitle series). The server has checked the plan once when the page has loaded (its first
 * view is worked out ahead and reused by every load), so the first checks after the loads run
 * code V8 has not optimised yet; before the first-load change, each load's own check warmed it.
 */
const WARMUP = 10;
/** Page loads per plan; the first (a cold server and browser) is not counted. */
const LOADS = quick ? 3 : 8;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/**
 * One page load, timed from `goto` until Playwright sees the page checked and drawn
 * (`body[data-ready]`: diagnostics in the editor and the Problems list, diagram and deadline
 * matrix drawn): the target's measure. Beside it, on the page's own clock from navigation start,
 * when the HTML arrived, the page's script had run (DOMContentLoaded), the session answered, the
 * editor was built, the first view was drawn (`studio-ready`) and painted (`studio-painted`, the
 * frame after); and the CPU time the bench process (the studio server, plus Playwright's client)
 * and Chromium's processes used meanwhile.
 */
interface LoadTiming {
  wallMs: number;
  /** CPU time of Chromium's processes (browser, renderer, GPU, network) during the load. */
  chromiumCpuMs: number;
  htmlMs: number;
  scriptMs: number;
  sessionMs: number;
  editorMs: number;
  readyMs: number;
  paintedMs: number;
  serverCpuMs: number;
}

/** Clock ticks per second of /proc/<pid>/stat times (`getconf CLK_TCK`: 100 on Linux). */
const CLOCK_TICKS = 100;

/**
 * CPU time (user + system, clock ticks) of every process below this one — Chromium's browser,
 * renderer, GPU and utility processes — by pid, read from /proc (empty where there is none).
 */
function childCpuTicks(): Map<number, number> {
  const parents = new Map<number, number>();
  const ticks = new Map<number, number>();
  if (!existsSync('/proc/self/stat')) return ticks;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue;
    }
    // Fields after the command name (which may hold spaces) in parentheses: state, ppid, …, utime (14th), stime (15th).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    parents.set(Number(entry), Number(fields[1]));
    ticks.set(Number(entry), Number(fields[11]) + Number(fields[12]));
  }
  const below = new Map<number, number>();
  for (const [pid, used] of ticks) {
    for (let up = parents.get(pid); up !== undefined && up > 1; up = parents.get(up)) {
      if (up === process.pid) {
        below.set(pid, used);
        break;
      }
    }
  }
  return below;
}

/** CPU ms Chromium's processes used between two readings (processes started meanwhile count from zero). */
function cpuMsBetween(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, used] of after) total += used - (before.get(pid) ?? 0);
  return (total * 1000) / CLOCK_TICKS;
}

async function loadStudio(browser: Browser, url: string): Promise<{ page: Page; timing: LoadTiming }> {
  const page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
  const cpu = process.cpuUsage();
  const chromiumBefore = childCpuTicks();
  const started = Date.now();
  await page.goto(url);
  await page.locator('body[data-ready="true"]').waitFor({ timeout: 120_000 });
  const wallMs = Date.now() - started;
  const used = process.cpuUsage(cpu);
  const chromiumCpuMs = cpuMsBetween(chromiumBefore, childCpuTicks());
  await page.waitForFunction(() => performance.getEntriesByName('studio-painted').length > 0, undefined, { timeout: 60_000 });
  // (No named functions inside: the page has no `__name`, which tsx would wrap them in.)
  const [htmlMs, scriptMs, sessionMs, editorMs, readyMs, paintedMs] = await page.evaluate(() => {
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return [navigation.responseEnd, navigation.domContentLoadedEventEnd, ...['studio-session', 'studio-editor', 'studio-ready', 'studio-painted'].map((name) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN)];
  });
  const marks = { htmlMs: htmlMs ?? Number.NaN, scriptMs: scriptMs ?? Number.NaN, sessionMs: sessionMs ?? Number.NaN, editorMs: editorMs ?? Number.NaN, readyMs: readyMs ?? Number.NaN, paintedMs: paintedMs ?? Number.NaN };
  return { page, timing: { wallMs, chromiumCpuMs, ...marks, serverCpuMs: (used.user + used.system) / 1000 } };
}

/** The harness by itself: a blank page (already "ready") from a local server, loaded and waited for as the studio is. */
async function loadBlank(browser: Browser, url: string): Promise<{ wallMs: number; chromiumCpuMs: number }> {
  const page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
  const chromiumBefore = childCpuTicks();
  const started = Date.now();
  await page.goto(url);
  await page.locator('body[data-ready="true"]').waitFor({ timeout: 120_000 });
  const wallMs = Date.now() - started;
  const chromiumCpuMs = cpuMsBetween(chromiumBefore, childCpuTicks());
  await page.close();
  return { wallMs, chromiumCpuMs };
}

/** Medians of each timing over loads. */
function medianTiming(timings: LoadTiming[]): LoadTiming {
  const out = {} as Record<keyof LoadTiming, number>;
  for (const key of Object.keys(timings[0] ?? {}) as Array<keyof LoadTiming>) out[key] = percentile(timings.map((t) => t[key]), 50);
  return out;
}

/**
 * Types one character (then deletes it, next time) where the cursor is and waits until a new check
 * has been drawn. On the first line (a comment) nothing drawn changes; in a stage title
 * (`retitle`) every keystroke changes the diagram, which is redrawn. `warmup` keystrokes come
 * first; their times are returned apart.
 */
async function keystrokes(page: Page, count: number, warmup: number, retitle = false): Promise<{ times: number[]; warmup: number[] }> {
  const times: number[] = [];
  const warming: number[] = [];
  if (retitle) {
    // The English title of the seed's strategy stage, with the page in English so the title is drawn.
    await page.locator('#locale').selectOption('en');
    await page.locator('#diagram [data-stage="strategy"] .stage-title', { hasText: 'decide the response strategy' }).waitFor({ timeout: 60_000 });
    // A click on the stage puts the cursor on its `- id:` line; its title is the next line.
    await page.locator('#diagram [data-stage="strategy"]').click();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    const line = await page.locator('.cm-activeLine').textContent();
    if (line?.trim() !== 'title: { zh-CN: 制定应急响应策略, en: decide the response strategy }') throw new Error(`seed: the cursor is not on the strategy stage's title line but on "${line}"`);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
  } else {
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('End');
  }
  // Untimed keystrokes first (an even number, so the text is as it was): the first checks after
  // the page loaded run the server's check code before V8 has optimised it.
  for (let i = 0; i < warmup + count; i++) {
    const before = Number(await page.evaluate(() => document.body.dataset['checked'] ?? '0'));
    const started = await page.evaluate(() => performance.now());
    if (i % 2 === 0) await page.keyboard.type('a');
    else await page.keyboard.press('Backspace');
    await page.waitForFunction((n) => Number(document.body.dataset['checked'] ?? '0') > n, before, { timeout: 60_000, polling: 'raf' });
    (i >= warmup ? times : warming).push((await page.evaluate(() => performance.now())) - started);
  }
  return { times, warmup: warming };
}

async function main(): Promise<void> {
  if (!existsSync('/usr/bin/chromium')) {
    console.log('bench/studio: /usr/bin/chromium not found; skipped');
    return;
  }
  const machine = machineInfo();
  const assets = mkdtempSync(join(tmpdir(), 'studio-bench-assets-'));
  const sizes = await buildStudio(assets);
  const gzip: Record<string, number> = {};
  for (const name of Object.keys(sizes)) gzip[name] = gzipSync(readFileSync(join(assets, name))).length;

  const seedDir = mkdtempSync(join(tmpdir(), 'studio-bench-seed-'));
  cpSync('plans', seedDir, { recursive: true });
  const bigDir = mkdtempSync(join(tmpdir(), 'studio-bench-big-'));
  // A comment line first: the keystrokes edit it, so every check stays valid and redraws the diagram.
  writeFileSync(join(bigDir, 'generated.plan.yaml'), `# bench\n${generatePlanYaml({ stages: 1000 })}`);
  writeFileSync(join(seedDir, 'public-opinion.plan.yaml'), `# bench\n${readFileSync(join(seedDir, 'public-opinion.plan.yaml'), 'utf8')}`);

  const blankServer = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    response.end('<!doctype html><html><head><title>blank</title></head><body data-ready="true"><p>ready</p></body></html>');
  });
  await new Promise<void>((resolve) => blankServer.listen(0, '127.0.0.1', () => resolve()));
  const blankUrl = `http://127.0.0.1:${(blankServer.address() as AddressInfo).port}/`;

  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const results: Array<{ plan: string; stages: number; loads: LoadTiming[]; loadMs: number[]; warmupKeyMs: number[]; keyMs: number[]; retitleMs?: number[]; changedLoads?: LoadTiming[] }> = [];
  const blank: Array<{ wallMs: number; chromiumCpuMs: number }> = [];
  for (const [plan, file, stages] of [
    ['seed', join(seedDir, 'public-opinion.plan.yaml'), 7],
    ['generated-1000', join(bigDir, 'generated.plan.yaml'), 1000],
  ] as const) {
    const studio = await startStudio({ planFile: file, assetsDir: assets });
    const loads: LoadTiming[] = [];
    let page: Page | undefined;
    // Studio and blank page alternate, so both meet the same load on the machine.
    for (let i = 0; i < LOADS; i++) {
      await page?.close();
      const loaded = await loadStudio(browser, studio.url);
      page = loaded.page;
      loads.push(loaded.timing);
      if (plan === 'seed') blank.push(await loadBlank(browser, blankUrl));
    }
    // Keystrokes are timed with the editor complete: schema completion and hover loaded (after the first view).
    await page!.locator('body[data-schema="ready"]').waitFor({ timeout: 120_000 });
    const drawn = await page!.locator('#diagram [data-stage]').count();
    if (drawn !== stages) throw new Error(`${plan}: ${drawn} stages drawn, expected ${stages}`);
    const typed = await keystrokes(page!, plan === 'seed' ? KEYSTROKES : Math.max(6, KEYSTROKES / 3), plan === 'seed' ? WARMUP : 4);
    const keyMs = typed.times;
    const loadMs = loads.map((t) => t.wallMs);
    if (plan === 'seed') {
      const retitleMs = (await keystrokes(page!, KEYSTROKES, 4, true)).times;
      const drawnTitle = await page!.locator('#diagram [data-stage="strategy"] .stage-title').textContent();
      if (drawnTitle !== 'decide the response strategy') throw new Error(`seed: the retitled stage reads "${drawnTitle}" after the keystrokes`);
      await page!.close();
      // Loads right after the plan changed on disk: the first view worked out ahead is stale, so
      // the session request checks the plan (what a reload after an edit in another editor costs).
      const changedLoads: LoadTiming[] = [];
      for (let i = 0; i < LOADS - 1; i++) {
        appendFileSync(file, `# changed on disk before load ${i + 1}\n`);
        const loaded = await loadStudio(browser, studio.url);
        const problems = await loaded.page.locator('#problems li[data-code]').count();
        if (problems !== 0) throw new Error(`seed, changed on disk: ${problems} problems listed`);
        changedLoads.push(loaded.timing);
        await loaded.page.close();
      }
      results.push({ plan, stages, loads, loadMs, warmupKeyMs: typed.warmup, keyMs, retitleMs, changedLoads });
    } else {
      await page!.close();
      results.push({ plan, stages, loads, loadMs, warmupKeyMs: typed.warmup, keyMs });
    }
    await studio.close();
  }
  await browser.close();
  blankServer.close();
  for (const dir of [assets, seedDir, bigDir]) rmSync(dir, { recursive: true, force: true });

  const seed = results[0]!;
  const big = results[1]!;
  const firstLoad = percentile(seed.loadMs.slice(1), 50);
  const targets = [
    { id: 'studio-keystroke-seed-p95-ms', description: 'keystroke → diagnostics + diagram, seed plan, p95', value: Math.round(percentile(seed.keyMs, 95)), limit: 200, unit: 'ms', better: 'lower' as const },
    { id: 'studio-keystroke-1000-p95-ms', description: 'keystroke → diagnostics + diagram, 1,000 stages, p95', value: Math.round(percentile(big.keyMs, 95)), limit: 2000, unit: 'ms', better: 'lower' as const },
    { id: 'studio-keystroke-seed-redraw-p95-ms', description: 'keystroke in a stage title → diagnostics + redrawn diagram, seed plan, p95', value: Math.round(percentile(seed.retitleMs ?? [], 95)), limit: 200, unit: 'ms', better: 'lower' as const },
    { id: 'studio-first-load-ms', description: 'page load to a checked, drawn seed plan (median)', value: Math.round(firstLoad), limit: 1000, unit: 'ms', better: 'lower' as const },
  ].map((t) => ({ ...t, met: t.value <= t.limit }));
  const loadAtEnd = Number((loadavg()[0] ?? 0).toFixed(2));
  const counted = (timings: LoadTiming[]): LoadTiming => medianTiming(timings.slice(1));
  const seedLoad = counted(seed.loads);
  const changedLoad = medianTiming(seed.changedLoads ?? []);
  const blankLoad = percentile(blank.slice(1).map((b) => b.wallMs), 50);
  const blankCpu = percentile(blank.slice(1).map((b) => b.chromiumCpuMs), 50);
  const doc = { date: new Date().toISOString(), machine, loadAtEnd, sizes, gzip, results, blank, firstLoad: { seed: seedLoad, seedChangedOnDisk: changedLoad, generated: counted(big.loads), blankMs: blankLoad, blankChromiumCpuMs: blankCpu }, targets };
  writeFileSync(join(here, 'result.json'), `${JSON.stringify(doc, null, 2)}\n`);
  for (const t of targets) console.log(`${t.description}: ${t.value} ${t.unit} (limit ${t.limit}) ${t.met ? 'met' : 'MISSED'}`);
  const ms = (n: number): string => `${Math.round(n)} ms`;
  const phases = (t: LoadTiming): string => `| ${ms(t.wallMs)} | ${ms(t.htmlMs)} | ${ms(t.scriptMs)} | ${ms(t.sessionMs)} | ${ms(t.editorMs)} | ${ms(t.readyMs)} | ${ms(t.paintedMs)} | ${ms(t.chromiumCpuMs)} | ${ms(t.serverCpuMs)} |`;
  console.log(`first load, seed: ${phases(seedLoad)}; changed on disk: ${phases(changedLoad)}; blank page: ${ms(blankLoad)}, Chromium CPU ${ms(blankCpu)}`);
  console.log(`assets: ${Object.entries(sizes).map(([n, s]) => `${n} ${(s / 1024).toFixed(0)} KiB (${((gzip[n] ?? 0) / 1024).toFixed(0)} KiB gzip)`).join(', ')}`);
  if (process.argv.includes('--no-write')) return;
  const kib = (n: number): string => `${(n / 1024).toFixed(n < 10 * 1024 ? 1 : 0)} KiB`;
  writeSection(
    'studio',
    [
      '## studio',
      '',
      `Measured ${doc.date.slice(0, 16).replace('T', ' ')} UTC by bench/studio/bench.ts (result: bench/studio/result.json)${quick ? ', quick mode' : ''}.`,
      machineLine(machine, loadAtEnd),
      '',
      `Headless Chromium drives the studio page (built by scripts/build-studio.mjs). A keystroke is one character typed into (or deleted from) the first line of the plan (a comment: nothing drawn changes, so the diagram is kept); it is timed until the page has drawn the result of a new check (diagnostics, Problems list, diagram and deadline matrix), the 30 ms debounce included. "Retitle" keystrokes edit the English title of a seed stage with the page in English, so every one redraws the diagram. Keystrokes are timed after the page's loads, once schema completion has loaded, and after ${WARMUP} untimed keystrokes on the seed plan (4 on the 1,000-stage plan and before the retitle series): the loads no longer check the plan on the server (their first view is worked out once, ahead), so without them the first timed checks would run code V8 has not optimised yet.`,
      '',
      `| plan | stages | first load (median of ${LOADS - 1} reloads) | untimed first keystrokes (median, max) | keystroke p50 | keystroke p95 | retitle p50 | retitle p95 |`,
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      ...results.map((r) => {
        const retitle = r.retitleMs === undefined ? '— | —' : `${Math.round(percentile(r.retitleMs, 50))} ms | ${Math.round(percentile(r.retitleMs, 95))} ms`;
        return `| ${r.plan} | ${r.stages} | ${Math.round(percentile(r.loadMs.slice(1), 50))} ms | ${r.warmupKeyMs.length}: ${Math.round(percentile(r.warmupKeyMs, 50))} ms, ${Math.round(percentile(r.warmupKeyMs, 100))} ms | ${Math.round(percentile(r.keyMs, 50))} ms | ${Math.round(percentile(r.keyMs, 95))} ms | ${retitle} |`;
      }),
      '',
      '**First load.** Each load is a new browser context (nothing cached), timed from `goto` until Playwright sees the page checked and drawn (`body[data-ready]`: markers in the editor, Problems list, diagram and deadline matrix), the first load of each plan (cold server and browser) not counted: the target\'s measure. The page\'s own clock (from navigation start, medians) shows where the time goes: HTML received; the page\'s script run (DOMContentLoaded); the session answered (plan, included files and their check, worked out by the server before the page asked; the request is sent by a small boot script while the page\'s script still loads); editor built; first view drawn; and painted (the next frame). "Chromium CPU" is the CPU time of all of Chromium\'s processes (browser, renderer, GPU, network; from /proc, 10 ms ticks) and "server CPU" that of the bench process (the studio server, plus Playwright\'s client) during the load: with the wall time they show how much of a load is work and how much is waiting for a core on the shared machine. A blank page (body already "ready") from a local server, loaded and waited for in the same way, alternating with the studio\'s loads, shows what Chromium and Playwright cost by themselves. "Changed on disk" loads follow a write to the plan file, so the first view worked out ahead is stale and the session request checks the plan (docs/studio.md, "How the first load works").',
      '',
      '| seed plan, first load | wall (goto → Playwright sees it) | HTML | script run | session answered | editor built | drawn | painted | Chromium CPU | server CPU |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      `| as served (median of ${LOADS - 1}) ${phases(seedLoad)}`,
      `| plan changed on disk just before (median of ${LOADS - 1}) ${phases(changedLoad)}`,
      `| blank page, same harness (median of ${LOADS - 1}) | ${ms(blankLoad)} | | | | | | | ${ms(blankCpu)} | |`,
      '',
      `Assets (dist/studio): ${Object.keys(sizes).map((n) => `${n} ${kib(sizes[n] ?? 0)} (${kib(gzip[n] ?? 0)} gzip)`).join(', ')}; served from localhost, no CDN. The first view needs boot.js, studio.js and the chunk studio.js imports; the schema-support chunk (completion and hover from the JSON Schema) is loaded after the first view is painted.`,
      '',
      '| target | value | limit | |',
      '| --- | --- | --- | --- |',
      ...targets.map((t) => `| ${t.description} | ${t.value} ${t.unit} | ≤ ${t.limit} ${t.unit} | ${verdict(t.met)} |`),
      '',
    ].join('\n'),
  );
}

await main();
