import { canonicalize } from '../compile/canonical-json.js';
import { hashCanonical } from '../compile/hash.js';
import type { PlanDefinition } from '../dsl/schema/plan.js';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, type PlanBundle } from './bundle-format.js';
import { PLANWRIGHT_VERSION } from './version.js';

/**
 * Makes the bundle of a plan: a plain JSON object with the normalized definition (keys in
 * canonical order), its content hash and the format version. Write it with `JSON.stringify`.
 *
 * @example
 * const bundle = createBundle(definition);
 * writeFileSync('public-opinion.json', JSON.stringify(bundle));
 */
export function createBundle(definition: PlanDefinition): PlanBundle {
  return {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    planwright: PLANWRIGHT_VERSION,
    planId: definition.id,
    planVersion: definition.version,
    hash: hashCanonical(definition),
    definition: canonicalize(definition),
  };
}
