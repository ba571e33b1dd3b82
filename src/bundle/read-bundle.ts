import type { PlanDefinition } from '../dsl/schema/plan.js';
import { hashCanonical } from '../compile/hash.js';
import { checkSchema, describeIssues, type Result } from '../validate/check-schema.js';
import { BundleError } from './bundle-error.js';
import { BUNDLE_FORMAT_VERSION, BundleEnvelope } from './bundle-format.js';
import { PlanDefinitionSchema } from '../plan-format/definition-schema.js';

/**
 * The plan definition of a bundle (the parsed JSON), checked but not compiled: the envelope, the
 * definition (with the plan schema in `zod/mini`: `plan-format/definition-schema.ts`) and the hash.
 * Throws {@link BundleError} naming what is wrong. Reports need only this; `loadBundle` goes on
 * to compile it for the engine.
 *
 * @example
 * ```ts
 * const definition = readBundle(JSON.parse(readFileSync('public-opinion.json', 'utf8')));
 * definition.id; // 'public-opinion'
 * ```
 */
export function readBundle(json: unknown): PlanDefinition {
  const envelope = checkSchema(BundleEnvelope, json);
  if (!envelope.success) {
    throw new BundleError('not-a-bundle', `not a planwright bundle: ${describeIssues(envelope.issues, Infinity)}`, envelope.issues);
  }
  const bundle = envelope.data;
  if (bundle.formatVersion !== BUNDLE_FORMAT_VERSION) {
    throw new BundleError(
      'unsupported-format-version',
      `bundle format version ${bundle.formatVersion} is not supported (this planwright reads version ${BUNDLE_FORMAT_VERSION})`,
    );
  }
  const definition = checkDefinition(bundle.definition);
  if (!definition.success) {
    const issues = definition.issues.map((i) => ({ path: ['definition', ...i.path], message: i.message }));
    throw new BundleError('invalid-definition', `bundle definition is not a valid plan: ${describeIssues(issues, 5)}`, issues);
  }
  const hash = hashCanonical(definition.data);
  if (hash !== bundle.hash || hashCanonical(bundle.definition) !== bundle.hash) {
    throw new BundleError(
      'hash-mismatch',
      `bundle hash ${bundle.hash.slice(0, 12)}… does not match its definition (${hash.slice(0, 12)}…): the bundle was edited or damaged`,
      [{ path: ['hash'], message: 'does not match the definition' }],
    );
  }
  if (definition.data.id !== bundle.planId || definition.data.version !== bundle.planVersion) {
    throw new BundleError('invalid-definition', `bundle says plan ${bundle.planId} ${bundle.planVersion}, its definition is ${definition.data.id} ${definition.data.version}`, [
      { path: ['planId'], message: 'does not match the definition' },
    ]);
  }
  return definition.data;
}

/** The definition check; a definition nested too deeply to walk (conditions thousands of levels deep) is an invalid one. */
function checkDefinition(value: unknown): Result<PlanDefinition> {
  try {
    return checkSchema(PlanDefinitionSchema, value) as Result<PlanDefinition>;
  } catch (error) {
    if (error instanceof RangeError) return { success: false, issues: [{ path: [], message: 'nested too deeply to check' }] };
    throw error;
  }
}
