import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, skipWithoutChromium } from '../support/chromium.js';
import { afterActionReport } from '../../src/report/after-action/after-action-report.js';
import { drillReport } from '../../src/report/drill/drill-report.js';
import { evaluate } from '../../src/report/evaluation/evaluate.js';
import type { DrillResult } from '../../src/drill-results/drill-result.js';
import { runSeedDrill, runSeedDrills } from '../testing/seed-drills.js';
import { seedPlanDefinition } from '../testing/seed-plan.js';

const skip = skipWithoutChromium('HTML report rendering');

const OUT = resolve('reports/test');
const plan = seedPlanDefinition();
let browser: Browser;

async function open(name: string, html: string): Promise<{ page: Page; requests: string[] }> {
  mkdirSync(OUT, { recursive: true });
  const file = resolve(OUT, `${name}.html`);
  writeFileSync(file, html);
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(file).href);
  return { page, requests };
}

async function boxes(page: Page, selector: string): Promise<Array<{ width: number; height: number }>> {
  const out = [];
  for (const el of await page.locator(selector).all()) {
    const box = await el.boundingBox();
    out.push({ width: box?.width ?? 0, height: box?.height ?? 0 });
  }
  return out;
}

describe.skipIf(skip)('HTML reports in headless Chromium', () => {
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('renders the drill report charts: stage bars, deadline due and outcome marks, readings', async () => {
    const result: DrillResult = await runSeedDrill('level-i-breaches.drill.yaml');
    const incident = result.incident!;
    const { page, requests } = await open('drill-report', drillReport(result, plan).html);
    const timeline = await boxes(page, 'svg[data-chart="timeline"]');
    expect(timeline).toHaveLength(1);
    expect(timeline[0]!.width).toBeGreaterThan(600);
    expect(timeline[0]!.height).toBeGreaterThan(150);

    const bars = await boxes(page, '[data-kind="stage-bar"] rect');
    expect(bars).toHaveLength(7); // report … closed
    for (const b of bars) expect(b.width * b.height).toBeGreaterThan(0);

    expect(await page.locator('[data-kind="deadline-due"]').count()).toBe(incident.deadlines.length);
    for (const b of await boxes(page, '[data-kind="deadline-due"] path')) expect(b.width).toBeGreaterThan(0);
    expect(await page.locator('[data-kind="deadline-mark"][data-status="breached"]').count()).toBe(5);
    expect(await page.locator('[data-kind="deadline-mark"][data-status="met"]').count()).toBe(2);
    expect(await page.locator('[data-kind="deadline-mark"][data-status="cancelled"]').count()).toBe(1);
    for (const b of await boxes(page, '[data-kind="deadline-mark"] > :not(title)')) expect(b.width).toBeGreaterThan(0);

    // one reading of each field in this drill: a field recorded only once gets no readings panel
    expect(await page.locator('svg[data-chart="readings"]').count()).toBe(0);
    expect(await page.getByText('没有被记录两次及以上的数值字段。').count()).toBe(1);

    expect(requests.every((u) => u.startsWith('file://'))).toBe(true);
    await page.screenshot({ path: resolve(OUT, 'drill-report.png'), fullPage: true });
    expect(statSync(resolve(OUT, 'drill-report.png')).size).toBeGreaterThan(10_000);
  });

  it('draws the readings chart of the drill report for fields recorded more than once, titled by the field', async () => {
    const { page } = await open('drill-report-readings', drillReport(await runSeedDrill('level-i-on-time.drill.yaml'), plan, { locale: 'zh-CN' }).html);
    const readings = await boxes(page, 'svg[data-chart="readings"]');
    expect(readings).toHaveLength(1);
    expect(readings[0]!.height).toBeGreaterThan(100);
    expect(await page.locator('[data-kind="reading-point"][data-series="heat"]').count()).toBe(3);
    expect(await page.locator('[data-kind="reading-point"][data-series="negativeShare"]').count()).toBe(3);
    const panelTitles = await page.locator('svg[data-chart="readings"] > text[font-weight="600"]').allTextContents();
    expect(panelTitles).toEqual(['舆情热度', '负面占比']);
  });

  it('draws one point per reading and a line through them in the after-action report', async () => {
    const incident = (await runSeedDrill('level-i-on-time.drill.yaml')).incident!;
    const { page, requests } = await open('after-action', afterActionReport(incident, plan).html);
    expect(await page.locator('[data-kind="reading-point"][data-series="heat"]').count()).toBe(3);
    expect(await page.locator('[data-kind="reading-point"][data-series="negativeShare"]').count()).toBe(3);
    const lines = await boxes(page, '[data-kind="reading-line"]');
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(l.width).toBeGreaterThan(40);
    // heat falls from 9200 to 2300: the last point sits lower on the screen than the first
    const points = page.locator('[data-kind="reading-point"][data-series="heat"] circle');
    const first = await points.first().boundingBox();
    const last = await points.last().boundingBox();
    expect(last!.y).toBeGreaterThan(first!.y);
    expect(last!.x).toBeGreaterThan(first!.x);
    expect(requests.every((u) => u.startsWith('file://'))).toBe(true);
    await page.screenshot({ path: resolve(OUT, 'after-action.png'), fullPage: true });
  });

  it('renders the evaluation bar charts', async () => {
    const incidents = (await runSeedDrills()).map((r) => r.incident!);
    const { page } = await open('evaluation', evaluate(plan, incidents).html);
    for (const id of ['time-to-first-statement', 'breach-rate', 'on-time-rate-per-team', 'heat-change', 'sentiment-change']) {
      const [svg] = await boxes(page, `svg[data-chart="measure-${id}"]`);
      expect(svg?.width ?? 0).toBeGreaterThan(300);
    }
    const rateBars = await boxes(page, 'svg[data-chart="measure-breach-rate"] [data-kind="bar"] rect');
    expect(rateBars).toHaveLength(7);
    // bars show the on-time rate: first-statement (8 of 10 on time, 80%) is the shortest
    expect(Math.min(...rateBars.map((b) => b.width))).toBe(rateBars[3]!.width);
    await page.screenshot({ path: resolve(OUT, 'evaluation.png'), fullPage: true });
  });
});
