import { readFileSync } from 'node:fs';
import { checkScenario, type CheckScenarioOptions, type ScenarioCheck } from './check-scenario.js';
import { scenarioDiagnostic } from './scenario-diagnostic.js';
import { ScenarioError } from './scenario-error.js';
import type { DrillScenario } from './scenario-schema.js';

/**
 * Reads a drill scenario file (YAML or JSON) and checks it like {@link checkScenario}. A file
 * that cannot be read gives a `file-not-found` diagnostic instead of throwing.
 *
 * @example
 * ```ts
 * const check = checkScenarioFile('examples/drills/public-opinion/level-ii-rumour.drill.yaml', { plan });
 * ```
 */
export function checkScenarioFile(file: string, options: Omit<CheckScenarioOptions, 'file'> = {}): ScenarioCheck {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? String(e);
    const d = scenarioDiagnostic({ file, ...(options.locale ? { locale: options.locale } : {}) }, 'file-not-found', [], { reason });
    return { ok: false, diagnostics: [d] };
  }
  return checkScenario(text, { ...options, file });
}

/**
 * Reads and checks a scenario file, throwing a {@link ScenarioError} with every diagnostic when it
 * is not valid.
 *
 * @example
 * ```ts
 * const scenario = loadScenario('level-ii-rumour.drill.yaml', { plan });
 * const result = await runDrill(plan, scenario);
 * ```
 */
export function loadScenario(file: string, options: Omit<CheckScenarioOptions, 'file'> = {}): DrillScenario {
  const check = checkScenarioFile(file, options);
  if (!check.ok || !check.scenario) throw new ScenarioError(check.diagnostics);
  return check.scenario;
}
