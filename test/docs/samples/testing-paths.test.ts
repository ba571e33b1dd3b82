// Testing guide samples: generated paths.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenario } from '../../../src/testing/index.js';
// #region doc:paths
import { expect, test } from 'vitest';
import { loadPlan } from '../../../src/index.js';
import { generatePaths, pathToScenario, runDrill } from '../../../src/testing/index.js';

const plan = loadPlan({ file: 'plans/public-opinion.plan.yaml' });

test('every stage and every deadline breach can be reached, and each path replays as a drill', async () => {
  const paths = await generatePaths(plan);
  expect(paths.unreachable).toEqual({ stages: [], breaches: [] });

  const toClosed = paths.stages['closed']?.steps.map((s) => (s.kind === 'send' ? `${s.event} by ${s.role}` : `${s.deadline} breaches`));
  expect(toClosed).toEqual(['REPORT by info-officer', 'DISMISS by department-head']);

  for (const path of [...Object.values(paths.stages), ...Object.values(paths.breaches)]) {
    const result = await runDrill(plan, pathToScenario(plan, path));
    expect(result.failures).toEqual([]);
  }
});
// #endregion

test('a generated scenario written to a file is a drill file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'planwright-paths-'));
  try {
    const paths = await generatePaths(plan);
    const review = paths.breaches['review'];
    expect(review).toBeDefined();
    // #region doc:write
    const scenario = pathToScenario(plan, review!, { name: 'written review overdue' });
    writeFileSync(join(dir, 'review-overdue.drill.json'), JSON.stringify(scenario, null, 2));
    // #endregion
    const result = await runDrill(plan, loadScenario(join(dir, 'review-overdue.drill.json'), { plan }));
    expect([result.passed, result.stage, result.breaches]).toEqual([true, 'review', ['review']]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
