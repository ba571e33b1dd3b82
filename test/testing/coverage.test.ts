import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coverageUniverse, drillCoverage } from '../../src/testing/coverage.js';
import { runDrill } from '../../src/testing/drill/run-drill.js';
import { loadScenario } from '../../src/testing/scenario/load-scenario.js';
import { seedPlanDefinition } from './seed-plan.js';

const plan = seedPlanDefinition();
const DIR = 'examples/drills/public-opinion';

async function exercised(files: string[]) {
  const out = [];
  for (const f of files) out.push((await runDrill(plan, loadScenario(join(DIR, f), { plan }))).exercised);
  return out;
}

describe('drill coverage', () => {
  it('enumerates the seed plan: 7 stages, 27 stage×event transitions, 3 tracks, 14 deadline outcomes', () => {
    const u = coverageUniverse(plan);
    expect(u.stages).toEqual(['report', 'assess', 'strategy', 'respond', 'monitor', 'review', 'closed']);
    expect(u.transitions).toHaveLength(27);
    expect(u.transitions.filter((t) => t.startsWith('respond:')).sort()).toEqual([
      'respond:BRIEF_MEDIA',
      'respond:ENGAGE_PUBLIC',
      'respond:LOG_SUPPORT',
      'respond:NOTE',
      'respond:PUBLISH_STATEMENT',
      'respond:RECORD_READING',
      'respond:REGRADE',
    ]);
    expect(u.tracks).toEqual(['respond/release', 'respond/media', 'respond/public']);
    expect(u.deadlines).toHaveLength(14);
  });

  it('is 100% for stages, transitions, tracks and deadline outcomes over the seed drills', async () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.drill.yaml'));
    const report = drillCoverage(plan, await exercised(files));
    expect(report.stages.missed).toEqual([]);
    expect(report.transitions.missed).toEqual([]);
    expect(report.tracks.missed).toEqual([]);
    expect(report.deadlines.missed).toEqual([]);
    expect([report.stages.percent, report.transitions.percent, report.tracks.percent, report.deadlines.percent]).toEqual([
      100, 100, 100, 100,
    ]);
    expect(report.total).toEqual({ covered: 51, total: 51, percent: 100 });
  });

  it('names what a single dismissal drill misses', async () => {
    const report = drillCoverage(plan, await exercised(['dismissal.drill.yaml']));
    expect(report.stages.covered).toEqual(['report', 'assess', 'closed']);
    expect(report.stages.percent).toBe(42.9);
    expect(report.transitions.covered).toEqual(['report:REPORT', 'report:NOTE', 'assess:DISMISS', 'assess:LOG_SUPPORT']);
    expect(report.tracks).toMatchObject({ covered: [], total: 3, percent: 0 });
    expect(report.deadlines.covered).toEqual(['report:met', 'assess:met']);
    expect(report.deadlines.missed).toContain('review:breached');
  });
});
