import { compiledPlanOf, type TestingPlan } from '../compiled-plan-of.js';
import { formatDuration } from '../duration.js';
import type { DrillScenario, DrillStep } from '../scenario/scenario-schema.js';
import type { PlanPath } from './generate-paths.js';

/** Options of {@link pathToScenario}. */
export interface PathToScenarioOptions {
  name?: string;
  /** Drill start (default 2026-01-01T00:00:00Z, the default of `generatePaths`). */
  start?: string;
}

/**
 * Turns a generated path into a drill scenario: one person per role the path uses (named after
 * the role), a sending step per event, a clock-only step per breach, and a final expectation of
 * the stage, severity and exact breaches the path ends with. Running it with `runDrill` replays
 * the path.
 *
 * @example
 * ```ts
 * const paths = await generatePaths(plan);
 * const scenario = pathToScenario(plan, paths.stages['review']!, { name: 'to review' });
 * (await runDrill(plan, scenario)).passed; // true
 * ```
 */
export function pathToScenario(plan: TestingPlan, path: PlanPath, options: PathToScenarioOptions = {}): DrillScenario {
  const definition = compiledPlanOf(plan).definition;
  const opener = definition.roles[0]?.id ?? 'role';
  const roles = new Set([opener, ...path.steps.flatMap((s) => (s.kind === 'send' ? [s.role] : []))]);
  const steps: DrillStep[] = path.steps.map((s) =>
    s.kind === 'send'
      ? { at: formatDuration(s.atMs), by: s.role, send: s.event, data: s.data }
      : { at: formatDuration(s.atMs) },
  );
  return {
    drill: options.name ?? `path to ${path.stage}`,
    start: options.start ?? '2026-01-01T00:00:00Z',
    people: Object.fromEntries([...roles].map((r) => [r, [r]])),
    open: { by: opener, title: 'generated path', category: definition.categories[0]?.id ?? 'event' },
    steps,
    expect: {
      stage: path.stage,
      breaches: path.breaches,
      closed: path.closed,
      ...(path.severity === null ? {} : { severity: path.severity }),
    },
  };
}
