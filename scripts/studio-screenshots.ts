// Takes the planner guide's studio screenshots (docs/images/studio-*.png) in headless Chromium and
// writes them as 256-colour palette PNGs (upng-js), a fraction of the size of Chromium's truecolour
// ones and as readable: the page is flat colours and text. Run after a change to the page:
//   npx tsx scripts/studio-screenshots.ts
// Needs /usr/bin/chromium. Works on copies of the plans in a temporary folder; writes only docs/images.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import UPNG from 'upng-js';
import { buildStudio } from './build-studio.mjs';
import { startStudio, type StudioServer } from '../src/studio/studio-server.js';

const OUT = resolve('docs/images');
const VIEWPORT = { width: 1280, height: 800 };
/** Colours kept per image: enough for anti-aliased text on the page's few flat colours. */
const COLOURS = 256;

function copy(from: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'studio-shots-'));
  cpSync(resolve(from), dir, { recursive: true });
  return dir;
}

async function shoot(page: Page, name: string): Promise<void> {
  const png = await page.screenshot();
  const decoded = UPNG.decode(png.buffer.slice(png.byteOffset, png.byteOffset + png.byteLength));
  const frames = UPNG.toRGBA8(decoded);
  const small = Buffer.from(UPNG.encode(frames, decoded.width, decoded.height, COLOURS));
  writeFileSync(join(OUT, `${name}.png`), small);
  console.log(`docs/images/${name}.png: ${(png.length / 1024).toFixed(0)} KiB → ${(small.length / 1024).toFixed(0)} KiB`);
}

async function open(studio: StudioServer): Promise<Page> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  await page.goto(studio.url);
  await page.locator('body[data-ready="true"]').waitFor({ timeout: 60_000 });
  return page;
}

const assets = mkdtempSync(join(tmpdir(), 'studio-shots-assets-'));
await buildStudio(assets);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const folders: string[] = [assets];
try {
  // The guide's tutorial plan: the diagram, and a role typo in its included people.yaml.
  const tutorial = copy('docs/tutorial');
  folders.push(tutorial);
  let studio = await startStudio({ planFile: join(tutorial, 'water-outage.plan.yaml'), assetsDir: assets });
  let page = await open(studio);
  await page.locator('#locale').selectOption('en');
  await page.locator('#diagram [data-stage]').first().waitFor();
  await shoot(page, 'studio-diagram');
  await page.locator('#file-tabs button[data-file="people.yaml"]').click();
  await page.locator('.cm-line', { hasText: 'leader: repair-lead' }).click();
  await page.keyboard.press('End');
  await page.keyboard.type('x');
  await page.locator('#problems li[data-code="unknown-role"]').waitFor({ timeout: 60_000 });
  await shoot(page, 'studio-problem');
  await page.close();
  await studio.close();

  // The seed plan and its drills: stepping through a drill with breaches, and a rehearsal.
  const plans = copy('plans');
  const drills = copy('examples/drills/public-opinion');
  folders.push(plans, drills);
  studio = await startStudio({ planFile: join(plans, 'public-opinion.plan.yaml'), drillFolders: [drills], assetsDir: assets });
  page = await open(studio);
  await page.locator('[data-view="drills"]').click();
  await page.locator('#run-drills').click();
  await page.locator('#drill-summary[data-passed]').waitFor({ timeout: 120_000 });
  await page.locator('#drill-table tr[data-drill$="level-i-breaches.drill.yaml"] button').click();
  await page.locator('#step-slider').fill('1');
  await page.locator('#step-info[data-step="1"]').waitFor();
  await shoot(page, 'studio-drill-step');

  await page.locator('[data-view="rehearsal"]').click();
  await page.locator('#rehearsal-open input[name="title"]').fill('演练：网传服务中心冲突');
  await page.locator('#rehearsal-open select[name="category"]').selectOption('media');
  const actAs = async (id: string, roles: string[]): Promise<void> => {
    await page.locator('#actor-id').fill(id);
    for (const box of await page.locator('#actor-roles input').all()) await box.setChecked(roles.includes((await box.getAttribute('data-role')) ?? ''));
  };
  await actAs('wang', ['info-officer']);
  await page.locator('#rehearsal-open button[type="submit"]').click();
  const send = async (event: string, fields: Record<string, string>, stage: string): Promise<void> => {
    const form = page.locator(`#available [data-event="${event}"]`);
    await form.waitFor({ timeout: 10_000 });
    for (const [name, value] of Object.entries(fields)) {
      const input = form.locator(`[name="${name}"]`);
      if ((await input.evaluate((el) => el.tagName)) === 'SELECT') await input.selectOption(value);
      else await input.fill(value);
    }
    await form.locator('button[type="submit"]').click();
    await page.locator(`#rehearsal-state[data-stage="${stage}"]`).waitFor({ timeout: 10_000 });
  };
  await send('REPORT', { summary: '网传视频', source: '短视频平台', publicReaction: '大量转发' }, 'assess');
  await actAs('li', ['it-head']);
  await send('ASSESS', { severity: 'II', nature: '演练', scope: '演练', risk: '演练' }, 'strategy');
  await actAs('zhang', ['department-head']);
  await send('APPROVE_STRATEGY', { releasePlan: '演练方案', mediaPlan: '演练方案', publicPlan: '演练方案' }, 'respond');
  await page.locator('#advance-by').fill('6h');
  await page.locator('#advance').click();
  await page.locator('#rehearsal-state .rehearsal-breach').waitFor({ timeout: 10_000 });
  await shoot(page, 'studio-rehearsal');
  await page.close();
  await studio.close();

  // A folder without a plan: the starter plan, in Chinese.
  const empty = mkdtempSync(join(tmpdir(), 'studio-shots-empty-'));
  folders.push(empty);
  studio = await startStudio({ cwd: empty, starterLocale: 'zh-CN', assetsDir: assets });
  page = await open(studio);
  await page.locator('#starter-notice').waitFor();
  await shoot(page, 'studio-starter');
  await page.close();
  await studio.close();
} finally {
  await browser.close();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
}
