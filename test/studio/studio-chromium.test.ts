import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium, skipWithoutChromium } from '../support/chromium.js';
import { tmpdir } from 'node:os';
import { checkPlan, lint, planGraph, starterFiles, STARTER_PATHS } from '../../src/index.js';
import { startStudio, versionOf, type StudioServer } from '../../src/studio/studio-server.js';
import { copyFolder, seedStudio, studioAssets } from './studio-fixture.js';

const skip = skipWithoutChromium('studio in Chromium');

/** Screenshots of each view, kept as test artifacts (reports/ is gitignored). */
const SHOTS = resolve('reports/studio');

let browser: Browser;
let seed: Awaited<ReturnType<typeof seedStudio>>;
let page: Page;
/** Every URL the page asked for. */
const requested: string[] = [];

async function openStudio(studio: StudioServer): Promise<Page> {
  const opened = await browser.newPage({ viewport: { width: 1500, height: 950 } });
  // Route every request: anything not aimed at the studio's own origin is recorded and aborted.
  await opened.route('**/*', (route) => {
    requested.push(route.request().url());
    if (route.request().url().startsWith(`http://127.0.0.1:${studio.port}/`)) return route.continue();
    return route.abort();
  });
  await opened.goto(studio.url);
  await opened.locator('body[data-ready="true"]').waitFor({ timeout: 20_000 });
  return opened;
}

async function shot(name: string, target: Page = page): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await target.screenshot({ path: join(SHOTS, `${name}.png`) });
}

async function cursor(target: Page = page): Promise<{ file: string; line: number; column: number }> {
  const el = target.locator('#cursor');
  return { file: (await el.getAttribute('data-file')) ?? '', line: Number(await el.getAttribute('data-line')), column: Number(await el.getAttribute('data-column')) };
}

let resets = 0;
const ORIGINAL = readFileSync('plans/public-opinion.plan.yaml', 'utf8');

/**
 * Puts the seed plan back as it was (plus a comment at the end), through the page itself: an
 * external write, which the page takes at once, or, over unsaved edits, after "Reload from disk".
 * Keeps one failed test from leaving the editor broken for the next.
 */
async function resetPlan(): Promise<void> {
  const text = `${ORIGINAL}# reset ${++resets}\n`;
  writeFileSync(join(seed.dir, 'public-opinion.plan.yaml'), text);
  const reload = page.locator('#conflict-reload');
  const arrived = page.locator(`#file-tabs button[data-version="${versionOf(text)}"]`);
  await Promise.race([reload.waitFor({ timeout: 15_000 }), arrived.waitFor({ timeout: 15_000 })]).catch(() => undefined);
  if (await reload.isVisible()) await reload.click();
  await page.locator('#problems li.empty').waitFor({ timeout: 15_000 });
}

describe.skipIf(skip)('planner studio in headless Chromium', () => {
  beforeAll(async () => {
    await studioAssets();
    browser = await launchChromium();
    seed = await seedStudio();
    page = await openStudio(seed.studio);
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await seed?.cleanup();
  });
  beforeEach(async (context) => {
    if (context.task.name.startsWith('clicking a problem') || context.task.name.startsWith('runs the seed') || context.task.name.startsWith('the zh-CN')) await resetPlan();
  });

  it('opens the seed plan and draws all 7 stages, titled in the plan\'s first locale (zh-CN)', async () => {
    const stages = page.locator('#diagram svg [data-stage]');
    expect(await stages.count()).toBe(7);
    expect(await page.locator('#diagram [data-stage="strategy"] .stage-title').textContent()).toBe('制定应急响应策略');
    expect(await page.locator('#diagram [data-stage="strategy"] title').textContent()).toContain('(strategy)');
    expect(await page.locator('#problems li.empty').count()).toBe(1);
    await shot('01-diagram-state');
    await page.locator('[data-diagram="swimlane"]').click();
    expect(await page.locator('#diagram svg.diagram-swimlane [data-stage]').count()).toBe(7);
    expect(await page.locator('#diagram .lane').count()).toBeGreaterThanOrEqual(3);
    await shot('02-diagram-swimlane');
    await page.locator('[data-diagram="state"]').click();
  });

  it('clicking a stage puts the cursor at its definition', async () => {
    await page.locator('#diagram [data-stage="strategy"]').click();
    expect(await cursor()).toEqual({ file: 'public-opinion.plan.yaml', line: 207, column: 5 });
  });

  it('a role typo gets an unknown-role marker on its line within 1 s, completion offers role ids, fixing it clears it', async () => {
    // From the stage (line 207) down to its APPROVE_STRATEGY `by:` list (line 216).
    for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    expect((await cursor()).line).toBe(216);
    await page.keyboard.type(', deputy-hed', { delay: 5 });
    const typed = Date.now();
    const problem = page.locator('#problems li[data-code="unknown-role"][data-line="216"]');
    await problem.waitFor({ timeout: 10_000 });
    const latency = Date.now() - typed;
    // Within 1 s on the CI machine; a shared development machine under load only logs it (bench/studio measures the p95).
    if (process.env['CI']) expect(latency).toBeLessThan(1000);
    else if (latency >= 1000) console.warn(`[studio] unknown-role marker after ${latency} ms (machine under load?)`);
    expect(await page.locator('.cm-lintRange-error').count()).toBeGreaterThan(0);
    expect(await problem.textContent()).toContain('public-opinion.plan.yaml:216');
    await shot('03-problem');

    // Completion at the `by:` list offers the plan's role ids and team positions.
    for (let i = 0; i < 'deputy-hed'.length; i++) await page.keyboard.press('Backspace');
    const options = page.locator('.cm-tooltip-autocomplete .cm-completionLabel');
    await page.keyboard.type('dep', { delay: 20 });
    // Typing opens the list; if a check's round trip raced it, ask again (Ctrl+Space).
    for (let attempt = 0; attempt < 3; attempt++) {
      if (await options.first().waitFor({ timeout: 4000 }).then(() => true, () => false)) break;
      await page.keyboard.press('Control+Space');
    }
    const labels = await options.allTextContents();
    expect(labels).toContain('deputy-head');
    expect(labels).toContain('command.deputy');
    await shot('04-completion');
    // Narrowed to one role and accepted, it writes the role id: the list is valid again.
    await page.keyboard.type('uty-h', { delay: 20 });
    await expect.poll(() => options.first().textContent(), { timeout: 5000 }).toBe('deputy-head');
    await options.filter({ hasText: /^deputy-head$/ }).first().click();
    await expect.poll(() => page.locator('.cm-activeLine').textContent(), { timeout: 5000 }).toBe('        by: [command.leader, command.deputy, deputy-head]');
    for (let i = 0; i < 'deputy-head'.length; i++) await page.keyboard.press('Backspace');

    // Remove ", " as well: the list is back to what it was, and the problem goes away.
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.locator('#problems li.empty').waitFor({ timeout: 10_000 });
    expect(await page.locator('#problems li[data-code="unknown-role"]').count()).toBe(0);
    expect(await page.locator('.cm-activeLine').textContent()).toBe('        by: [command.leader, command.deputy]');
  }, 60_000);

  it('clicking a problem moves the cursor to its line:col', async () => {
    // The opening stage's REPORT goes to `assess`; make it an unknown stage.
    await page.locator('#diagram [data-stage="report"]').click();
    await page.locator('.cm-line', { hasText: 'target: assess' }).first().click();
    await page.keyboard.press('End');
    await page.keyboard.type('x');
    const problem = page.locator('#problems li[data-code="unknown-stage"]').first();
    await problem.waitFor({ timeout: 10_000 });
    const line = Number(await problem.getAttribute('data-line'));
    const column = Number(await problem.getAttribute('data-column'));
    expect(line).toBe(190);
    await page.locator('#diagram [data-stage="closed"]').click();
    expect((await cursor()).line).not.toBe(190);
    await problem.click();
    expect(await cursor()).toMatchObject({ line, column });
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await page.locator('#problems li.empty').waitFor({ timeout: 10_000 });
  }, 60_000);

  it('shows the deadline matrix: every deadline × severity level', async () => {
    await page.locator('[data-view="deadlines"]').click();
    const strategyRows = page.locator('#matrix tr[data-deadline="strategy"]');
    expect(await strategyRows.count()).toBe(4);
    expect(await page.locator('#matrix tr[data-deadline="strategy"][data-level="III"]').textContent()).toContain('2小时');
    expect(await page.locator('#matrix tr[data-deadline="report"]').textContent()).toContain('30分钟');
    await shot('05-deadlines');
  });

  it('runs the seed drills (11 pass) and steps through one with breaches', async () => {
    await page.locator('[data-view="drills"]').click();
    await page.locator('#run-drills').click();
    await page.locator('#drill-summary[data-passed="11"]').waitFor({ timeout: 60_000 });
    expect(await page.locator('#drill-table tr.pass').count()).toBe(11);
    expect(await page.locator('#coverage').textContent()).toMatch(/\d+%/);
    await page.locator('#drill-table tr[data-drill$="level-i-breaches.drill.yaml"] button').click();
    // Step 1 (20m): a reminder, no breach; step 2 (30m): the report deadline breaches.
    const slider = page.locator('#step-slider');
    await slider.fill('0');
    expect(await page.locator('#step-info .breach').count()).toBe(0);
    await slider.fill('1');
    await page.locator('#step-info[data-step="1"]').waitFor();
    expect(await page.locator('#step-info .breach').textContent()).toBe('report');
    expect(await page.locator('#step-diagram .stage-current').getAttribute('data-stage')).toBe('report');
    await slider.fill('2');
    await page.locator('#step-info[data-step="2"]').waitFor();
    expect(await page.locator('#step-diagram .stage-current').getAttribute('data-stage')).toBe('assess');
    await shot('06-drill-step');
  }, 90_000);

  it('rehearses: a person without the role does not see APPROVE_STRATEGY; one with it sends it and the stage changes', async () => {
    await page.locator('[data-view="rehearsal"]').click();
    await page.locator('#rehearsal-open input[name="title"]').fill('演练：网传服务中心冲突');
    await page.locator('#rehearsal-open select[name="category"]').selectOption('media');
    await page.locator('#actor-id').fill('wang');
    await page.locator('#actor-roles input[data-role="info-officer"]').check();
    await page.locator('#rehearsal-open button[type="submit"]').click();
    const report = page.locator('#available [data-event="REPORT"]');
    await report.waitFor({ timeout: 5000 });
    await report.locator('input[name="summary"]').fill('网传视频');
    await report.locator('input[name="source"]').fill('短视频平台');
    await report.locator('input[name="publicReaction"]').fill('大量转发');
    await report.locator('button[type="submit"]').click();
    await page.locator('#rehearsal-state[data-stage="assess"]').waitFor({ timeout: 5000 });

    const setRoles = async (id: string, roles: string[]): Promise<void> => {
      await page.locator('#actor-id').fill(id);
      for (const box of await page.locator('#actor-roles input').all()) await box.setChecked(roles.includes((await box.getAttribute('data-role')) ?? ''));
    };
    await setRoles('li', ['it-head']);
    const assess = page.locator('#available [data-event="ASSESS"]');
    await assess.waitFor({ timeout: 5000 });
    await assess.locator('select[name="severity"]').selectOption('II');
    for (const name of ['nature', 'scope', 'risk']) await assess.locator(`input[name="${name}"]`).fill('演练');
    await assess.locator('button[type="submit"]').click();
    await page.locator('#rehearsal-state[data-stage="strategy"]').waitFor({ timeout: 5000 });

    await setRoles('liu', ['customer-service']);
    await page.waitForFunction(() => document.querySelector('#available [data-event="ASSESS"]') === null);
    await page.waitForTimeout(300);
    expect(await page.locator('#available [data-event="APPROVE_STRATEGY"]').count()).toBe(0);

    await setRoles('zhang', ['department-head']);
    const approve = page.locator('#available [data-event="APPROVE_STRATEGY"]');
    await approve.waitFor({ timeout: 5000 });
    for (const name of ['releasePlan', 'mediaPlan', 'publicPlan']) await approve.locator(`input[name="${name}"]`).fill('演练方案');
    await approve.locator('button[type="submit"]').click();
    await page.locator('#rehearsal-state[data-stage="respond"]').waitFor({ timeout: 5000 });

    await page.locator('#advance-by').fill('6h');
    await page.locator('#advance').click();
    await page.locator('#rehearsal-state .rehearsal-breach').waitFor({ timeout: 5000 });
    expect(await page.locator('#rehearsal-state .rehearsal-breach').textContent()).toContain('first-statement');
    // The log speaks the page's language (zh-CN here): what each entry records, not the engine's words.
    const log = (await page.locator('#rehearsal-log li').allTextContents()).join('\n');
    expect(log).toContain('进入阶段');
    expect(log).toContain('超时');
    expect(log).not.toMatch(/stage-entered|deadline-breached|accepted/);
    await shot('07-rehearsal');
  }, 90_000);

  it('saves with Ctrl+S and shows an external write', async () => {
    await page.locator('[data-view="diagram"]').click();
    await page.locator('#diagram [data-stage="report"]').click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('# saved from the studio\n');
    await page.keyboard.press('Control+s');
    const file = join(seed.dir, 'public-opinion.plan.yaml');
    await expect.poll(() => readFileSync(file, 'utf8').startsWith('# saved from the studio\n'), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => page.locator('#file-tabs button.dirty').count(), { timeout: 10_000 }).toBe(0);

    writeFileSync(file, `# written by another editor\n${readFileSync(file, 'utf8')}`);
    await page.locator('.cm-line', { hasText: '# written by another editor' }).waitFor({ timeout: 10_000 });
    expect(await page.locator('#file-tabs button.dirty').count()).toBe(0);
  }, 60_000);

  it('the zh-CN / en switch changes the UI words and the messages', async () => {
    await page.locator('#diagram [data-stage="report"]').click();
    await page.locator('.cm-line', { hasText: 'target: assess' }).first().click();
    await page.keyboard.press('End');
    await page.keyboard.type('x');
    const first = page.locator('#problems li[data-code]').first();
    await first.waitFor({ timeout: 10_000 });
    expect(await first.textContent()).toMatch(/[\u4e00-\u9fff]/);
    expect(await page.locator('[data-view="diagram"]').textContent()).toBe('流程图');
    await page.locator('#locale').selectOption('en');
    await page.waitForFunction(() => document.querySelector('[data-view="diagram"]')?.textContent === 'Diagram');
    await expect.poll(async () => /[\u4e00-\u9fff]/.test((await first.textContent()) ?? ''), { timeout: 10_000 }).toBe(false);
    expect(await first.textContent()).toContain('unknown-stage');
    // Fixed, the plan draws again, titled in English.
    await page.keyboard.press('Backspace');
    await page.locator('#problems li.empty').waitFor({ timeout: 10_000 });
    await expect.poll(() => page.locator('#diagram [data-stage="strategy"] .stage-title').textContent(), { timeout: 10_000 }).toBe('decide the response strategy');
    await shot('08-english');
    await page.locator('#locale').selectOption('zh-CN');
    await page.waitForFunction(() => document.querySelector('[data-view="diagram"]')?.textContent === '流程图');
    await expect.poll(() => page.locator('#diagram [data-stage="strategy"] .stage-title').textContent(), { timeout: 10_000 }).toBe('制定应急响应策略');
  }, 60_000);

  it('a plan with include opens its files in tabs; each diagnostic lands in its own file and line', async () => {
    const dir = copyFolder('docs/tutorial');
    const studio = await startStudio({ planFile: join(dir, 'water-outage.plan.yaml'), assetsDir: await studioAssets() });
    const second = await openStudio(studio);
    try {
      expect(await second.locator('#file-tabs button').allTextContents()).toEqual(['water-outage.plan.yaml', 'people.yaml']);
      expect(await second.locator('#diagram svg [data-stage]').count()).toBeGreaterThan(3);
      await second.locator('#file-tabs button[data-file="people.yaml"]').click();
      const lineText = 'leader: repair-lead';
      const peopleLines = readFileSync(join(dir, 'people.yaml'), 'utf8').split('\n');
      const line = peopleLines.findIndex((l) => l.includes(lineText)) + 1;
      await second.locator('.cm-line', { hasText: lineText }).click();
      await second.keyboard.press('End');
      await second.keyboard.type('x');
      const problem = second.locator(`#problems li[data-file="people.yaml"][data-code="unknown-role"][data-line="${line}"]`);
      await problem.waitFor({ timeout: 10_000 });
      await shot('09-include-tabs', second);
      // Back on the plan tab, a click on the problem opens people.yaml at its line.
      await second.locator('#file-tabs button[data-file="water-outage.plan.yaml"]').click();
      await problem.click();
      expect(await cursor(second)).toMatchObject({ file: 'people.yaml', line });
    } finally {
      await second.close();
      await studio.close();
    }
  }, 60_000);

  it('in a folder without a plan, offers the starter plan in the chosen language; saving it creates a plan that checks clean', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'studio-empty-'));
    const starter = (locale: 'en' | 'zh-CN'): string => starterFiles({ locale, example: 'basic', schemaPath: 'node_modules/planwright/schema.json' }).find((f) => f.path === STARTER_PATHS.plan)!.content;
    const titles = (locale: 'en' | 'zh-CN'): string[] => planGraph(checkPlan({ text: starter(locale) }).plan!, { locale }).stages.map((s) => s.title);
    const studio = await startStudio({ cwd: dir, starterLocale: 'zh-CN', assetsDir: await studioAssets() });
    const fresh = await openStudio(studio);
    const file = join(dir, STARTER_PATHS.plan);
    try {
      // What the planner sees: a notice saying there is no plan yet, the starter text, its diagram, no problems.
      expect(await fresh.locator('#starter-notice').textContent()).toBe('此文件夹中还没有预案。下面是入门预案（与 planwright init 生成的相同）：修改后保存，即新建 emergency.plan.yaml。');
      expect(await fresh.locator('#starter-save').textContent()).toBe('保存为新预案');
      expect(await fresh.locator('.cm-line').nth(9).textContent()).toBe('title: 突发事件应急预案');
      expect(await fresh.locator('#diagram [data-stage] .stage-title').allTextContents()).toEqual(titles('zh-CN'));
      expect(await fresh.locator('#problems li.empty').count()).toBe(1);
      expect(await fresh.locator(`#file-tabs button.dirty[data-file="${STARTER_PATHS.plan}"]`).count()).toBe(1);
      expect(existsSync(file)).toBe(false);
      await shot('10-starter', fresh);

      // Untouched, the starter follows the language switch, notice and diagram included.
      await fresh.locator('#locale').selectOption('en');
      await fresh.locator('.cm-line', { hasText: 'title: Emergency Response Plan' }).waitFor({ timeout: 10_000 });
      expect(await fresh.locator('#starter-notice').textContent()).toBe('There is no plan in this folder yet. This is a starter plan, as planwright init writes it: edit it, and save it to create emergency.plan.yaml.');
      await expect.poll(() => fresh.locator('#diagram [data-stage] .stage-title').allTextContents(), { timeout: 10_000 }).toEqual(titles('en'));
      await fresh.locator('#locale').selectOption('zh-CN');
      await fresh.locator('.cm-line', { hasText: 'title: 突发事件应急预案' }).waitFor({ timeout: 10_000 });

      // Edited, it is the planner's text: a language switch leaves it alone.
      await fresh.locator('.cm-content').click();
      await fresh.keyboard.press('Control+Home');
      await fresh.keyboard.type('# 本单位预案\n');
      await fresh.locator('#locale').selectOption('en');
      await fresh.locator('#starter-notice').waitFor();
      expect(await fresh.locator('.cm-line').first().textContent()).toBe('# 本单位预案');
      await fresh.locator('#locale').selectOption('zh-CN');

      // Saved, it is a plan file that validates and lints clean, and the notice goes.
      await fresh.locator('#starter-save').click();
      await expect.poll(() => existsSync(file), { timeout: 10_000 }).toBe(true);
      expect(readFileSync(file, 'utf8')).toBe(`# 本单位预案\n${starter('zh-CN')}`);
      await fresh.locator('#banner').waitFor({ state: 'hidden', timeout: 10_000 });
      await expect.poll(() => fresh.locator('#file-tabs button.dirty').count(), { timeout: 10_000 }).toBe(0);
      const checked = checkPlan({ file });
      expect(checked.diagnostics).toEqual([]);
      expect(lint(checked.plan!, { locator: checked.source })).toEqual([]);
      expect(readdirSync(dir).filter((name) => !name.startsWith('.'))).toEqual([STARTER_PATHS.plan]);

      // A second save is an ordinary save of the file now on disk (no conflict).
      await fresh.locator('.cm-content').click();
      await fresh.keyboard.press('Control+Home');
      await fresh.keyboard.type('# 第二次保存\n');
      await fresh.keyboard.press('Control+s');
      await expect.poll(() => readFileSync(file, 'utf8').startsWith('# 第二次保存\n# 本单位预案\n'), { timeout: 10_000 }).toBe(true);
      expect(await fresh.locator('#banner').isHidden()).toBe(true);
    } finally {
      await fresh.close();
      await studio.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);

  it('opens on the server\'s check of the plan as on disk: no check request, the same problems a later check lists', async () => {
    const dir = copyFolder('plans');
    const file = join(dir, 'public-opinion.plan.yaml');
    const studio = await startStudio({ planFile: file, assetsDir: await studioAssets() });
    let fresh: Page | undefined;
    try {
      // The server has worked out the first view of the plan; then another editor adds a role no one is given.
      const warmed = await fetch(`http://127.0.0.1:${studio.port}/api/session`, { headers: { 'x-studio-token': studio.token } });
      expect(((await warmed.json()) as { analysis: { diagnostics: unknown[] } }).analysis.diagnostics).toEqual([]);
      const text = readFileSync(file, 'utf8').replace('roles:\n', 'roles:\n  - { id: spare-role, title: { zh-CN: 备用, en: spare } }\n');
      writeFileSync(file, text);
      const line = text.split('\n').findIndex((l) => l.includes('spare-role')) + 1;
      const before = requested.length;
      fresh = await openStudio(studio);
      const asked = requested.slice(before).map((url) => new URL(url).pathname);
      expect(asked.filter((path) => path === '/api/session')).toHaveLength(1);
      expect(asked).not.toContain('/api/check');
      const problems = (): Promise<string[]> => fresh!.locator('#problems li').evaluateAll((items) => items.map((li) => `${(li as HTMLElement).dataset['code']}@${(li as HTMLElement).dataset['file']}:${(li as HTMLElement).dataset['line']}:${(li as HTMLElement).dataset['column']} ${li.textContent}`));
      const opened = await problems();
      expect(opened).toHaveLength(1);
      expect(opened[0]).toMatch(new RegExp(`^unused-role@public-opinion\\.plan\\.yaml:${line}:`));
      expect(await fresh.locator('#diagram svg [data-stage]').count()).toBe(7);
      // Its marker in the editor, on that line (scrolled into view by a click on the problem).
      await fresh.locator('#problems li[data-code="unused-role"]').click();
      await fresh.locator('.cm-activeLine .cm-lintRange-warning').waitFor({ timeout: 10_000 });
      // A later check of the same text (a character typed in the first line's comment and deleted) lists the same.
      const checked = async (): Promise<number> => Number(await fresh!.evaluate(() => document.body.dataset['checked'] ?? '0'));
      await fresh.locator('.cm-content').click();
      await fresh.keyboard.press('Control+Home');
      await fresh.keyboard.press('End');
      let serial = await checked();
      await fresh.keyboard.type('x');
      await expect.poll(checked, { timeout: 10_000 }).toBeGreaterThan(serial);
      serial = await checked();
      await fresh.keyboard.press('Backspace');
      await expect.poll(checked, { timeout: 10_000 }).toBeGreaterThan(serial);
      expect(requested.slice(before).map((url) => new URL(url).pathname)).toContain('/api/check');
      expect(await problems()).toEqual(opened);
    } finally {
      await fresh?.close();
      await studio.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('completes keys and shows hover help from the schema once it has loaded after the first view', async () => {
    const dir = copyFolder('plans');
    const studio = await startStudio({ planFile: join(dir, 'public-opinion.plan.yaml'), assetsDir: await studioAssets() });
    const fresh = await openStudio(studio);
    try {
      await fresh.locator('body[data-schema="ready"]').waitFor({ timeout: 20_000 });
      // A new top-level line above `planwright: 1`: the schema's keys the plan does not use yet.
      await fresh.locator('.cm-line', { hasText: 'planwright: 1' }).click();
      await fresh.keyboard.press('Home');
      await fresh.keyboard.press('Enter');
      await fresh.keyboard.press('ArrowUp');
      await fresh.keyboard.type('sugg', { delay: 20 });
      const options = fresh.locator('.cm-tooltip-autocomplete .cm-completionLabel');
      await options.first().waitFor({ timeout: 10_000 });
      expect(await options.allTextContents()).toContain('suggestions');
      await fresh.keyboard.press('Escape');
      const timezone = await fresh.locator('.cm-line', { hasText: 'timezone: Asia/Shanghai' }).boundingBox();
      await fresh.mouse.move((timezone?.x ?? 0) + 20, (timezone?.y ?? 0) + (timezone?.height ?? 0) / 2);
      await fresh.locator('.cm-tooltip-hover').first().waitFor({ timeout: 10_000 });
      expect(await fresh.locator('.cm-tooltip-hover').first().textContent()).toContain('IANA time zone');
    } finally {
      await fresh.close();
      await studio.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('no request left the studio', () => {
    expect(requested.length).toBeGreaterThan(3);
    const foreign = requested.filter((url) => !/^http:\/\/127\.0\.0\.1:\d+\//.test(url));
    expect(foreign).toEqual([]);
  });
});
