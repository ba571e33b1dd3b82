// The declaration files the type tests (test/types/*.test-d.ts) compile against: what
// `planwright types` writes for the seed plan, the city-flood plan, and the TypeScript fixture plan.
// scripts/write-type-fixtures.ts writes them; test/typegen/type-fixtures.test.ts fails when one is stale.
import { compilePlan } from '../src/compile/compile-plan.js';
import { checkPlan } from '../src/dsl/check-plan.js';
import type { PlanSource } from '../src/dsl/plan-input.js';
import { planTypesDeclaration } from '../src/typegen/plan-types-declaration.js';
import { pumpStationPlan } from '../test/types/fixtures/pump-station.plan.js';

/** The command that rewrites the fixtures. */
export const WRITE_TYPE_FIXTURES = 'npx tsx scripts/write-type-fixtures.ts';

/** One declaration file: where its plan comes from, where it is kept, and what it should hold. */
export interface TypeFixture {
  source: string;
  path: string;
  text: string;
}

/**
 * The type fixtures, generated now. `source` is what the header names (the plan file, as
 * `planwright types <source>` run from the repository root would name it).
 */
export function typeFixtures(): TypeFixture[] {
  const inputs: Array<[string, PlanSource]> = [
    ['plans/public-opinion.plan.yaml', { file: 'plans/public-opinion.plan.yaml' }],
    ['plans/city-flood.plan.yaml', { file: 'plans/city-flood.plan.yaml' }],
    ['test/types/fixtures/pump-station.plan.ts', pumpStationPlan],
  ];
  return inputs.map(([source, input]) => {
    const checked = checkPlan(input);
    if (!checked.ok || checked.plan === undefined) throw new Error(`${source} has errors: ${checked.diagnostics.map((d) => d.code).join(', ')}`);
    const plan = compilePlan(checked.plan);
    const text = planTypesDeclaration(plan.definition, { source, hash: plan.hash });
    return { source, path: `test/types/generated/${plan.definition.id}-types.d.ts`, text };
  });
}
