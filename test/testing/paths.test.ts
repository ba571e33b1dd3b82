import { describe, expect, it } from 'vitest';
import { runDrill } from '../../src/testing/drill/run-drill.js';
import { generatePaths, type PathStep } from '../../src/testing/paths/generate-paths.js';
import { pathToScenario } from '../../src/testing/paths/path-to-scenario.js';
import { seedPlanDefinition } from './seed-plan.js';

const plan = seedPlanDefinition();
const names = (steps: PathStep[]): string[] => steps.map((s) => (s.kind === 'send' ? s.event : `breach ${s.deadline}`));

describe('generatePaths', () => {
  it('finds the shortest path to every stage and to every deadline breach of the seed plan', async () => {
    const paths = await generatePaths(plan);
    expect(paths.unreachable).toEqual({ stages: [], breaches: [] });
    expect(Object.fromEntries(Object.entries(paths.stages).map(([k, p]) => [k, names(p.steps)]))).toEqual({
      report: [],
      assess: ['REPORT'],
      strategy: ['REPORT', 'ASSESS'],
      closed: ['REPORT', 'DISMISS'],
      respond: ['REPORT', 'ASSESS', 'APPROVE_STRATEGY'],
      monitor: ['REPORT', 'ASSESS', 'APPROVE_STRATEGY', 'PUBLISH_STATEMENT', 'BRIEF_MEDIA', 'ENGAGE_PUBLIC'],
      review: ['REPORT', 'ASSESS', 'APPROVE_STRATEGY', 'PUBLISH_STATEMENT', 'BRIEF_MEDIA', 'ENGAGE_PUBLIC', 'DECLARE_OVER'],
    });
    const breachPaths = Object.fromEntries(Object.entries(paths.breaches).map(([k, p]) => [k, names(p.steps)]));
    expect(breachPaths['report']).toEqual(['breach report']);
    expect(breachPaths['assess']).toEqual(['REPORT', 'breach assess']);
    expect(breachPaths['strategy']).toEqual(['REPORT', 'ASSESS', 'breach strategy']);
    expect(breachPaths['first-statement']).toEqual(['REPORT', 'ASSESS', 'breach first-statement']);
    expect(breachPaths['press-briefing']).toEqual(['REPORT', 'ASSESS', 'breach press-briefing']);
    expect(breachPaths['monitor-reading']).toHaveLength(7);
    expect(breachPaths['review']).toHaveLength(8);
    // letting a later deadline breach fires the earlier ones on the way
    expect(paths.breaches['first-statement']?.breaches).toEqual(['strategy', 'first-statement']);
    expect(paths.breaches['first-statement']?.steps.at(-1)).toEqual({ kind: 'breach', atMs: 5 * 3_600_000, deadline: 'first-statement' });
    expect(paths.states).toBeGreaterThan(20);
  });

  it('gives paths that replay as passing drills', async () => {
    const paths = await generatePaths(plan, { severity: 'III' });
    const all = [...Object.values(paths.stages), ...Object.values(paths.breaches)];
    expect(all.length).toBe(13);
    for (const path of all) {
      const result = await runDrill(plan, pathToScenario(plan, path));
      expect(result.failures).toEqual([]);
      expect(result.stage).toBe(path.stage);
    }
    // level III: no press briefing is armed, so it cannot breach
    expect(paths.breaches["press-briefing"]).toBeUndefined();
    expect(paths.unreachable.breaches).toEqual(["press-briefing"]);
  });
});
