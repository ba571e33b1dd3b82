// Testing guide samples: drill files run as tests, with coverage.
// #region doc:drills
import { readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadPlan } from '../../../src/index.js';
import { drillCoverage, loadScenario, runDrill, type DrillResult } from '../../../src/testing/index.js';

const plan = loadPlan({ file: 'plans/public-opinion.plan.yaml' });
const folder = 'examples/drills/public-opinion';
const results: DrillResult[] = [];

describe.each(readdirSync(folder).filter((f) => f.endsWith('.drill.yaml')))('drill %s', (file) => {
  test('passes', async () => {
    const result = await runDrill(plan, loadScenario(`${folder}/${file}`, { plan }));
    results.push(result);
    expect(result.failures).toEqual([]);
  });
});

test('the drills together exercise the whole plan', () => {
  const coverage = drillCoverage(plan, results.map((r) => r.exercised));
  expect(coverage.stages.missed).toEqual([]);
  expect(coverage.transitions.missed).toEqual([]);
  expect(coverage.tracks.missed).toEqual([]);
  expect(coverage.deadlines.missed).toEqual([]); // a met and a breached outcome for every deadline
});
// #endregion

test('the drills ran', () => {
  expect(results.map((r) => r.name).length).toBe(readdirSync(folder).filter((f) => f.endsWith('.drill.yaml')).length);
  expect(results.length).toBeGreaterThanOrEqual(10);
});
