/**
 * Studio benchmark (not a test): in headless Chromium, the time from a keystroke in the editor to
 * the page showing the new diagnostics and the redrawn diagram (p50/p95 over keystrokes, debounce
 * included), on the seed plan and on a generated 1,000-stage plan; the first load of the page
 * (navigation to a checked, drawn plan); and the size of the studio's assets. Writes
 * bench/studio/result.json (targets for `npm run bench -- --check`) and the "studio" section of
 * bench/results.md. Needs /usr/bin/chromium.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { buildStudio } from '../../scripts/build-studio.mjs';
import { startStudio } from '../../src/studio/studio-server.js';
import { generatePlanYaml } from '../../test/fixtures/robustness/generate-plan.js';
import { machineInfo, machineLine, verdict, writeSection } from '../check/results-md.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const quick = process.argv.includes('--quick');
const KEYSTROKES = quick ? 10 : 30;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/**
 * Types one character (then deletes it, next time) where the cursor is and waits until a new check
 * has been drawn. On the first line (a comment) nothing drawn changes; in a stage title
 * (`retitle`) every keystroke changes the diagram, which is redrawn.
 */
async function keystrokes(page: Page, count: number, retitle = false): Promise<number[]> {
  const times: number[] = [];
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
  for (let i = 0; i < count; i++) {
    const before = Number(await page.evaluate(() => document.body.dataset['checked'] ?? '0'));
    const started = await page.evaluate(() => performance.now());
    if (i % 2 === 0) await page.keyboard.type('a');
    else await page.keyboard.press('Backspace');
    await page.waitForFunction((n) => Number(document.body.dataset['checked'] ?? '0') > n, before, { timeout: 60_000, polling: 'raf' });
    times.push((await page.evaluate(() => performance.now())) - started);
  }
  return times;
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

  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const results: Array<{ plan: string; stages: number; loadMs: number[]; keyMs: number[]; retitleMs?: number[] }> = [];
  for (const [plan, file, stages] of [
    ['seed', join(seedDir, 'public-opinion.plan.yaml'), 7],
    ['generated-1000', join(bigDir, 'generated.plan.yaml'), 1000],
  ] as const) {
    const studio = await startStudio({ planFile: file, assetsDir: assets });
    const loadMs: number[] = [];
    let page: Page | undefined;
    for (let i = 0; i < (quick ? 2 : 4); i++) {
      await page?.close();
      page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
      const started = Date.now();
      await page.goto(studio.url);
      await page.locator('body[data-ready="true"]').waitFor({ timeout: 120_000 });
      loadMs.push(Date.now() - started);
    }
    const drawn = await page!.locator('#diagram [data-stage]').count();
    if (drawn !== stages) throw new Error(`${plan}: ${drawn} stages drawn, expected ${stages}`);
    const keyMs = await keystrokes(page!, plan === 'seed' ? KEYSTROKES : Math.max(6, KEYSTROKES / 3));
    if (plan === 'seed') {
      const retitleMs = await keystrokes(page!, KEYSTROKES, true);
      const drawnTitle = await page!.locator('#diagram [data-stage="strategy"] .stage-title').textContent();
      if (drawnTitle !== 'decide the response strategy') throw new Error(`seed: the retitled stage reads "${drawnTitle}" after the keystrokes`);
      results.push({ plan, stages, loadMs, keyMs, retitleMs });
    } else results.push({ plan, stages, loadMs, keyMs });
    await page!.close();
    await studio.close();
  }
  await browser.close();
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
  const doc = { date: new Date().toISOString(), machine, loadAtEnd, sizes, gzip, results, targets };
  writeFileSync(join(here, 'result.json'), `${JSON.stringify(doc, null, 2)}\n`);
  for (const t of targets) console.log(`${t.description}: ${t.value} ${t.unit} (limit ${t.limit}) ${t.met ? 'met' : 'MISSED'}`);
  console.log(`assets: ${Object.entries(sizes).map(([n, s]) => `${n} ${(s / 1024).toFixed(0)} KiB (${((gzip[n] ?? 0) / 1024).toFixed(0)} KiB gzip)`).join(', ')}`);
  if (process.argv.includes('--no-write')) return;
  const kib = (n: number): string => `${(n / 1024).toFixed(0)} KiB`;
  writeSection(
    'studio',
    [
      '## studio',
      '',
      `Measured ${doc.date.slice(0, 16).replace('T', ' ')} UTC by bench/studio/bench.ts (result: bench/studio/result.json)${quick ? ', quick mode' : ''}.`,
      machineLine(machine, loadAtEnd),
      '',
      'Headless Chromium drives the studio page (built by scripts/build-studio.mjs). A keystroke is one character typed into (or deleted from) the first line of the plan (a comment: nothing drawn changes, so the diagram is kept); it is timed until the page has drawn the result of a new check (diagnostics, Problems list, diagram and deadline matrix), the 30 ms debounce included. "Retitle" keystrokes edit the English title of a seed stage with the page in English, so every one redraws the diagram.',
      '',
      '| plan | stages | first load (median of reloads) | keystroke p50 | keystroke p95 | retitle p50 | retitle p95 |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      ...results.map((r) => {
        const retitle = r.retitleMs === undefined ? '— | —' : `${Math.round(percentile(r.retitleMs, 50))} ms | ${Math.round(percentile(r.retitleMs, 95))} ms`;
        return `| ${r.plan} | ${r.stages} | ${Math.round(percentile(r.loadMs.slice(1), 50))} ms | ${Math.round(percentile(r.keyMs, 50))} ms | ${Math.round(percentile(r.keyMs, 95))} ms | ${retitle} |`;
      }),
      '',
      `Assets (dist/studio): ${Object.keys(sizes).map((n) => `${n} ${kib(sizes[n] ?? 0)} (${kib(gzip[n] ?? 0)} gzip)`).join(', ')}; served from localhost, no CDN.`,
      '',
      '| target | value | limit | |',
      '| --- | --- | --- | --- |',
      ...targets.map((t) => `| ${t.description} | ${t.value} ${t.unit} | ≤ ${t.limit} ${t.unit} | ${verdict(t.met)} |`),
      '',
    ].join('\n'),
  );
}

await main();
