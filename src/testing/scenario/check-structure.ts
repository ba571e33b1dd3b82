import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { scenarioDiagnostic, type ScenarioDiagnosticContext } from './scenario-diagnostic.js';
import type { DrillScenario } from './scenario-schema.js';
import { stepTime } from './step-time.js';

/**
 * Checks what the schema alone cannot: steps in time order and not before `start`, `send` with
 * `by`, `by`/`data` only on sending steps, `expect.rejected` only on sending steps.
 *
 * @example
 * ```ts
 * checkScenarioStructure(scenario, { file: 'a.drill.yaml' }); // [] when well formed
 * ```
 */
export function checkScenarioStructure(scenario: DrillScenario, ctx: ScenarioDiagnosticContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const start = Date.parse(scenario.start);
  let previous = start;
  let previousAt = '0m';
  scenario.steps.forEach((step, i) => {
    const t = stepTime(scenario.start, step.at);
    if (t !== undefined) {
      if (t < start) {
        out.push(scenarioDiagnostic(ctx, 'step-before-start', ['steps', i, 'at'], { at: step.at, start: scenario.start }));
      } else if (t < previous) {
        out.push(scenarioDiagnostic(ctx, 'steps-out-of-order', ['steps', i, 'at'], { at: step.at, previous: previousAt }));
      } else {
        previous = t;
        previousAt = step.at;
      }
    }
    if (step.send !== undefined && step.by === undefined) {
      out.push(scenarioDiagnostic(ctx, 'send-without-by', ['steps', i], { event: step.send }, 'send'));
    }
    if (step.send === undefined && step.by !== undefined) {
      out.push(scenarioDiagnostic(ctx, 'by-without-send', ['steps', i], {}, 'by'));
    }
    if (step.send === undefined && step.data !== undefined) {
      out.push(scenarioDiagnostic(ctx, 'data-without-send', ['steps', i], {}, 'data'));
    }
    if (step.send === undefined && step.expect?.rejected !== undefined) {
      out.push(scenarioDiagnostic(ctx, 'rejected-without-send', ['steps', i, 'expect'], {}, 'rejected'));
    }
  });
  if (scenario.expect?.rejected !== undefined) {
    out.push(scenarioDiagnostic(ctx, 'rejected-without-send', ['expect'], {}, 'rejected'));
  }
  return out;
}
