import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { PlanSchema, type PlanDefinition } from '../../src/dsl/schema/index.js';

/** The seed plan's definition, parsed with `yaml` + the zod schema (tests only). */
export function loadSeedDefinition(): PlanDefinition {
  const file = fileURLToPath(new URL('../../plans/public-opinion.plan.yaml', import.meta.url));
  return PlanSchema.parse(parse(readFileSync(file, 'utf8')));
}
