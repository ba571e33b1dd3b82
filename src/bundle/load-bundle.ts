import { compilePlan } from '../compile/compile-plan.js';
import { CompileError } from '../compile/compile-error.js';
import type { CompiledPlan } from '../compile/compiled-plan.js';
import { BundleError } from './bundle-error.js';
import { readBundle } from './read-bundle.js';

/**
 * Reads a bundle (the parsed JSON) back into a {@link CompiledPlan}, without the YAML parser:
 * checks it as {@link readBundle} does (the envelope, the definition, the hash), then compiles.
 * Throws {@link BundleError} naming what is wrong.
 *
 * @example
 * const plan = loadBundle(JSON.parse(readFileSync('public-opinion.json', 'utf8')));
 * const engine = createEngine(plan);
 */
export function loadBundle(json: unknown): CompiledPlan {
  const definition = readBundle(json);
  try {
    return compilePlan(definition);
  } catch (error) {
    if (error instanceof CompileError) {
      throw new BundleError(
        'plan-not-compilable',
        `bundle definition cannot be compiled: ${error.message}`,
        error.problems.map((p) => ({ path: ['definition', ...p.path], message: p.message })),
      );
    }
    throw error;
  }
}
