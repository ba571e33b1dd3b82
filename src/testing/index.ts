/**
 * planwright/testing: simulations on a manual clock, Vitest/Jest matchers, drill scenario files,
 * the drill runner, coverage and path generation.
 * @packageDocumentation
 */
export { simulate, breachedIds, notifiedRoles } from './simulate.js';
export type { Simulation, SimulateOptions, SimulationOpenInput, CapturedEffect } from './simulate.js';
export { planwrightMatchers, toBeInStage, toHaveBreached, toHaveNotified } from './matchers.js';
export type { PlanwrightMatchers, MatcherResult, MatcherSubject } from './matchers.js';
export type { TestingPlan } from './compiled-plan-of.js';
export { durationToMs, formatDuration } from './duration.js';

export {
  DrillScenarioSchema,
  DrillStepSchema,
  DrillOpenSchema,
  DrillExpectationSchema,
  REJECTION_CODES,
} from './scenario/scenario-schema.js';
export type {
  DrillScenario,
  DrillScenarioInput,
  DrillStep,
  DrillOpen,
  DrillExpectation,
  RejectionCode,
} from './scenario/scenario-schema.js';
export { checkScenario, checkScenarioValue } from './scenario/check-scenario.js';
export type { ScenarioCheck, CheckScenarioOptions } from './scenario/check-scenario.js';
export { scenarioDiagnostic, type ScenarioDiagnosticContext } from './scenario/scenario-diagnostic.js';
export { checkScenarioFile, loadScenario } from './scenario/load-scenario.js';
export { ScenarioError } from './scenario/scenario-error.js';
export { SCENARIO_CODES, scenarioMessage } from './scenario/scenario-codes.js';
export type { ScenarioCode, ScenarioLocale } from './scenario/scenario-codes.js';

export { runDrill } from './drill/run-drill.js';
export type { RunDrillOptions } from './drill/run-drill.js';
export { drillRunJson } from '../drill-results/drill-result.js';
export type {
  DrillResult,
  DrillFailure,
  DrillStepOutcome,
  DrillExercised,
  DrillJson,
  DrillRunJson,
} from '../drill-results/drill-result.js';
export { drillCoverage, coverageUniverse } from './coverage.js';
export type { CoverageReport, CoverageSection } from '../drill-results/coverage-report.js';
export { generatePaths } from './paths/generate-paths.js';
export type { GeneratePathsOptions, GeneratedPaths, PlanPath, PathStep } from './paths/generate-paths.js';
export { pathToScenario, type PathToScenarioOptions } from './paths/path-to-scenario.js';
