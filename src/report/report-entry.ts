/**
 * `planwright/report`: the after-action report of one incident and the evaluation of a plan over
 * many, from the plan's bundle (or compiled plan) — without the DSL or the YAML parser (the bundle is checked with zod/mini, as in the runtime). For a
 * service that runs `planwright/runtime` and serves reports: it need not load the plan tooling.
 *
 * @example
 * ```ts
 * import { afterActionReport } from 'planwright/report';
 * const report = afterActionReport(incident, JSON.parse(readFileSync('plan.json', 'utf8')));
 * ```
 * @packageDocumentation
 */
export { afterActionReport, type AfterActionReport, type AfterActionOptions } from './after-action/after-action-report.js';
export type {
  AfterActionJson,
  AfterActionMeasure,
  AfterActionStage,
  AfterActionDeadline,
  AfterActionBreach,
  AfterActionTeam,
  AfterActionSeries,
} from './after-action/after-action-data.js';
export { evaluate, type Evaluation, type EvaluateOptions } from './evaluation/evaluate.js';
export type {
  EvaluationJson,
  EvaluatedIncident,
  DurationStats,
  IncidentMeasureValue,
  TimingValue,
  CountValue,
  ChangeValue,
  MeasureResult,
  TimingResult,
  MetRateResult,
  MetRateRow,
  CountResult,
  ChangeResult,
} from './evaluation/evaluation-data.js';
export type { ReportPlan } from './plan-definition-of.js';
export type { ReportLocale } from './report-labels.js';
export { readBundle } from '../bundle/read-bundle.js';
export { BundleError, type BundleErrorCode } from '../bundle/bundle-error.js';
export type { PlanBundle } from '../bundle/bundle-format.js';
export type { Incident, TimelineEntry, DeadlineInstance, Actor } from '../runtime/incident.js';
