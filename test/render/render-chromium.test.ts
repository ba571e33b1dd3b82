import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, skipWithoutChromium } from '../support/chromium.js';
import { run } from '../../src/cli/run.js';
import { documentHtml } from '../../src/render/document-html.js';
import { planDocument } from '../../src/render/plan-document.js';
import { captureIo } from '../cli/capture-io.js';
import { loadPlan, SEED_FILE, WATER_FILE } from './render-fixtures.js';

const skip = skipWithoutChromium('plan document rendering');

/** Screenshots and PDFs are kept here (gitignored), beside the other Chromium tests' artifacts. */
const OUT = resolve('reports/test/render');
let browser: Browser;

describe.skipIf(skip)('plan documents in headless Chromium', () => {
  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  for (const [name, file, locale] of [
    ['seed-zh-CN', SEED_FILE, 'zh-CN'],
    ['water-en', WATER_FILE, 'en'],
  ] as const) {
    it(`shows the ${name} document with its tables and both diagrams, and makes no request`, async () => {
      const html = documentHtml(planDocument(loadPlan(file), { locale }));
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      // Every request is routed: the page itself is served from memory, anything else is recorded and aborted.
      const requests: string[] = [];
      await page.route('**/*', async (route) => {
        const url = route.request().url();
        if (url === 'https://plan.test/') await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
        else {
          requests.push(url);
          await route.abort();
        }
      });
      await page.goto('https://plan.test/');
      expect(await page.locator('h1').textContent()).toBe(locale === 'zh-CN' ? '公共服务舆情应急预案' : 'Burst water main emergency plan');
      expect(await page.locator('h2').count()).toBe(10);

      for (const figure of ['state', 'swimlane']) {
        const box = await page.locator(`figure[data-figure="${figure}"] svg`).boundingBox();
        expect(box, figure).not.toBeNull();
        expect(box!.width).toBeGreaterThan(300);
        expect(box!.height).toBeGreaterThan(200);
      }
      // Every stage box of the state diagram is drawn with its title inside it.
      const stages = page.locator('figure[data-figure="state"] [data-kind="stage"]');
      expect(await stages.count()).toBe(loadPlan(file).stages.length);
      for (const stage of await stages.all()) {
        const rect = await stage.locator('rect').first().boundingBox();
        const text = await stage.locator('text').first().boundingBox();
        expect(rect!.width).toBeGreaterThan(0);
        expect(text!.x).toBeGreaterThanOrEqual(rect!.x - 1);
        expect(text!.x + text!.width).toBeLessThanOrEqual(rect!.x + rect!.width + 1);
      }
      const teamCells = await page.locator('table[data-table="teams"] tbody tr td:first-child').allTextContents();
      expect(teamCells).toEqual(locale === 'zh-CN' ? ['舆情应急指挥小组', '信息收集与分析小组', '舆情处理与沟通小组', '后勤保障组'] : ['command', 'dispatch', 'repair', 'communications']);
      const matrixHeader = await page.locator('table[data-table="deadlines"] thead th').allTextContents();
      expect(matrixHeader.slice(0, 3)).toEqual(locale === 'zh-CN' ? ['时限', '起算时点', '完成标志'] : ['Time limit', 'Counted from', 'Met by']);
      // Multi-line cells show as lines (pre-line), not run together.
      const duties = await page.locator('table[data-table="teams"] tbody tr:first-child td:last-child').boundingBox();
      expect(duties!.height).toBeGreaterThan(30);

      await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
      expect(requests).toEqual([]);
      await page.close();
    });
  }

  it('prints the seed plan to PDF through the CLI: pages, and the first page\'s text', async () => {
    const pdf = join(OUT, 'seed.pdf');
    rmSync(pdf, { force: true });
    const io = captureIo({ cwd: resolve('.') });
    const code = await run(['render', SEED_FILE, '--format', 'pdf', '-o', pdf], io);
    expect(io.err()).toBe('');
    expect(code).toBe(0);
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(6);
    expect(pages).toBeLessThanOrEqual(20);
    expect(info).toMatch(/Page size:\s+59\d\.\d+ x 84\d\.\d+ pts \(A4\)/);

    const prefix = join(OUT, 'seed-page');
    for (const f of readdirSync(OUT).filter((f) => f.startsWith('seed-page'))) rmSync(join(OUT, f));
    execFileSync('pdftoppm', ['-r', '60', '-png', pdf, prefix]);
    expect(readdirSync(OUT).filter((f) => f.startsWith('seed-page') && f.endsWith('.png'))).toHaveLength(pages);

    // Reading order without layout, whitespace dropped: a table cell wrapped over two lines reads as one text.
    const first = execFileSync('pdftotext', ['-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(first).toContain('公共服务舆情应急预案');
    expect(first).toContain('一、总则');
    expect(first).toContain('二、组织体系与职责');
    expect(first).toContain('舆情应急指挥小组');
    expect(first).toContain('部门主要负责人');
    const all = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(all).toContain('六、时限要求');
    expect(all).toContain('十、培训与演练');
  }, 120_000);

  it('writes the PDF of a second plan in English', async () => {
    const pdf = join(OUT, 'water-en.pdf');
    const io = captureIo({ cwd: resolve('.') });
    expect(await run(['render', WATER_FILE, '--format', 'pdf', '--locale', 'en', '-o', pdf], io)).toBe(0);
    const first = execFileSync('pdftotext', ['-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' });
    expect(first).toContain('Burst water main emergency plan');
    expect(first).toContain('1 Purpose and scope');
  }, 120_000);
});
