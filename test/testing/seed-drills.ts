import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DrillResult } from '../../src/drill-results/drill-result.js';
import { runDrill } from '../../src/testing/drill/run-drill.js';
import { loadScenario } from '../../src/testing/scenario/load-scenario.js';
import { seedPlanDefinition } from './seed-plan.js';

/** Folder of the seed plan's drills. */
export const SEED_DRILLS = 'examples/drills/public-opinion';

/** Runs one seed drill by file name (tests only). */
export async function runSeedDrill(file: string): Promise<DrillResult> {
  const plan = seedPlanDefinition();
  return runDrill(plan, loadScenario(join(SEED_DRILLS, file), { plan }));
}

/** Runs every seed drill, in file order (tests only). */
export async function runSeedDrills(): Promise<DrillResult[]> {
  const out: DrillResult[] = [];
  for (const f of readdirSync(SEED_DRILLS).filter((x) => x.endsWith('.drill.yaml')).sort()) out.push(await runSeedDrill(f));
  return out;
}
