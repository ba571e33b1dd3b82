import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { drillCoverage } from '../../src/testing/coverage.js';
import { runDrill } from '../../src/testing/drill/run-drill.js';
import { loadScenario } from '../../src/testing/scenario/load-scenario.js';
import { planFile } from './support.js';

const plan = planFile('plans/city-flood.plan.yaml');
const dir = 'examples/drills/city-flood';
const files = readdirSync(dir).filter((f) => f.endsWith('.drill.yaml')).sort();

describe('the city flood plan\'s drills', () => {
  it('all pass, and cover the plan fully, level-gated tracks added and set aside included', async () => {
    const results = [];
    for (const file of files) results.push(await runDrill(plan, loadScenario(`${dir}/${file}`, { plan: plan.definition })));
    expect(results.filter((r) => !r.passed).map((r) => [r.name, r.failures.map((f) => f.message)])).toEqual([]);
    const coverage = drillCoverage(plan, results.map((r) => r.exercised));
    expect(coverage.tracks.covered).toEqual([
      'response/patrols',
      'response/rescue-preset',
      'response/rescue-preset:added',
      'response/rescue-preset:set-aside',
      'response/transfer',
      'response/transfer:added',
      'response/transfer:set-aside',
    ]);
    expect(coverage.total).toEqual({ covered: 53, total: 53, percent: 100 });
  });

  it('duties by level: the level III and I duties are refused while absent, and the timeline shows them added and set aside', async () => {
    const result = await runDrill(plan, loadScenario(`${dir}/duties-by-level.drill.yaml`, { plan: plan.definition }));
    expect(result.passed).toBe(true);
    const changes = (result.incident?.timeline ?? []).filter((e) => e.type === 'track-added' || e.type === 'track-withdrawn').map((e) => `${e.type} ${e.data?.['track']} ${e.data?.['level']}`);
    expect(changes).toEqual(['track-added rescue-preset III', 'track-added transfer I', 'track-withdrawn transfer II']);
    expect(result.steps.filter((s) => s.error !== undefined).map((s) => s.error?.code)).toEqual(['not-in-stage', 'not-in-stage']);
    // the start notice went to the commander of level IV's owning body, the city-district HQ
    expect(result.effects.find((e) => e.name === 'notify')?.payload).toMatchObject({ owner: 'city-hq', roles: ['city-hq-commander', 'flood-office'] });
  });
});
