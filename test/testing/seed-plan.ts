import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { PlanSchema, type PlanDefinition } from '../../src/dsl/schema/index.js';

/** The seed plan's definition, read straight through the schema (tests only). */
export function seedPlanDefinition(): PlanDefinition {
  return PlanSchema.parse(parse(readFileSync('plans/public-opinion.plan.yaml', 'utf8')));
}
