/**
 * Reports: drill reports (terminal text, Markdown, HTML with charts), the after-action report of
 * one incident, and the evaluation of a plan over many incidents. Re-exported by `planwright`.
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
export { drillReport, type DrillReport, type DrillReportOptions } from './drill/drill-report.js';
export { drillSummaryText, type DrillSummaryTextOptions } from './drill/drill-summary-text.js';
export { coverageText } from './drill/coverage-text.js';
export { drillIndex, type DrillIndexOptions, type DrillIndexLinks } from './drill/drill-index.js';
export { writeDrillReports, type WriteDrillReportsOptions } from './drill/write-drill-reports.js';
export type { ReportPlan } from './plan-definition-of.js';
export type { ReportLocale } from './report-labels.js';
