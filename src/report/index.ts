/**
 * Reports: drill reports (terminal text, Markdown, HTML with charts), the after-action report of
 * one incident, and the evaluation of a plan over many incidents. Re-exported by `planwright`.
 * @packageDocumentation
 */
// The after-action report and the evaluation: the light `planwright/report` entry, which this
// module (and so `planwright`) re-exports rather than lists again.
export * from './report-entry.js';
export { drillReport, type DrillReport, type DrillReportOptions } from './drill/drill-report.js';
export { drillSummaryText, type DrillSummaryTextOptions } from './drill/drill-summary-text.js';
export { coverageText } from './drill/coverage-text.js';
export { drillIndex, type DrillIndexOptions, type DrillIndexLinks } from './drill/drill-index.js';
export { writeDrillReports, type WriteDrillReportsOptions } from './drill/write-drill-reports.js';
