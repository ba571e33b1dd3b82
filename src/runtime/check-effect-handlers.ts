import type { CompiledPlan } from '../compile/compiled-plan.js';
import { closestMatch } from '../diagnostics/did-you-mean.js';
import type { EffectHandlers } from './engine-types.js';
import { EngineError } from './send-error.js';

/**
 * Throws `EngineError('unknown-effect-handler')` when `effects` names a handler the plan never asks
 * for: the built-in `notify` and the effects the plan declares (`effects:`) are the only names an
 * engine calls, so any other name is a typo (`pubish`) whose effect would otherwise fail later, on
 * the first incident that needs it.
 *
 * @example
 * checkEffectHandlers(plan, { notify, publish }); // ok for a plan that declares `publish`
 * checkEffectHandlers(plan, { pubish }); // throws: unknown effect handler "pubish" (did you mean "publish"?)
 */
export function checkEffectHandlers(plan: CompiledPlan, effects: EffectHandlers): void {
  const known = ['notify', ...(plan.definition.effects ?? []).map((effect) => effect.id)];
  for (const [name, handler] of Object.entries(effects)) {
    if (handler === undefined || known.includes(name)) continue;
    const suggestion = closestMatch(name, known);
    throw new EngineError(
      'unknown-effect-handler',
      `unknown effect handler "${name}"${suggestion === undefined ? '' : ` (did you mean "${suggestion}"?)`}: plan ${plan.definition.id} asks for ${known.map((k) => `"${k}"`).join(', ')}`,
      { name, known, ...(suggestion === undefined ? {} : { suggestion }) },
    );
  }
}
