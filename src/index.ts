/**
 * planwright — emergency response plans as executable software.
 *
 * This entry holds everything for Node: the plan DSL (check, load, define, JSON Schema),
 * diagnostics, the compiler, bundles, lint, diagrams, reports and the engine. Host apps that only
 * run a bundled plan import `planwright/runtime` instead (no YAML parser); tests and trainers
 * import `planwright/testing`.
 *
 * @packageDocumentation
 */

// Plan DSL
export { checkPlan, type CheckPlanResult } from './dsl/check-plan.js';
export { checkPlanBytes } from './dsl/check-plan-bytes.js';
export { readPlanFile, type PlanFileRead, type NotAFileKind } from './dsl/read-plan-file.js';
export { MAX_FILE_BYTES } from './dsl/limits.js';
export { loadPlan } from './dsl/load-plan.js';
export type { CheckPlanOptions, PlanFileInput, PlanSource, PlanTextInput } from './dsl/plan-input.js';
export { createParseCache, type ParseCache } from './dsl/parse-source.js';
export {
  definePlan,
  type Checked,
  type PlanReferences,
  type IdsOf,
  type SectionIds,
  type TransitionRefs,
  type ByEntryOf,
  type EventIdOf,
  type FieldIdOf,
  type RoleIdOf,
  type StageIdOf,
  type TeamIdOf,
} from './dsl/define-plan.js';
export type { PlanTypesOf } from './dsl/plan-types-of.js';
export { planJsonSchema } from './dsl/plan-json-schema.js';
export { referenceSites, type ReferenceSite, type ReferenceKind } from './dsl/reference-sites.js';
export { parseDuration, tryParseDuration, DurationError } from './compile/duration.js';
export { PlanSchema, type PlanDefinition, type PlanInput } from './dsl/schema/plan.js';
export { DSL_VERSION } from './dsl/schema/header.js';
export type { Condition, FieldCondition } from './dsl/schema/condition.js';
export type { Deadline } from './dsl/schema/deadline.js';
export type { Measure, MeasureKind, MeasureStart, MeasureEnd } from './dsl/schema/measure.js';
export type { Stage, Track } from './dsl/schema/stage.js';
export type { Transition, SharedTransition } from './dsl/schema/transition.js';
export type { Field, FieldType } from './dsl/schema/field.js';
export type { Action } from './dsl/schema/action.js';
export type { LocalizedText } from './dsl/schema/common.js';

// Diagnostics
export type { Diagnostic, DiagnosticSeverity, DocumentPath, Position, SourceLocator, SourceRange } from './diagnostics/diagnostic.js';
export { DIAGNOSTIC_CODES, type DiagnosticCode } from './diagnostics/codes.js';
export { LOCALES, isLocale, type Locale } from './diagnostics/locale.js';
export { messagesIn, type MessageTable, type MessageText, type MessageParams, type Translations, type LocalizedMessages } from './messages/message-table.js';
export { REFUSAL_MESSAGES, refusalMeaning, refusalText } from './messages/refusal-messages.js';
export { formatDiagnostic } from './diagnostics/format-diagnostic.js';
export type { CodeFrameOptions } from './diagnostics/code-frame.js';
export { formatDiagnosticLine } from './diagnostics/format-diagnostic-line.js';
export { toJsonDiagnostic, type JsonDiagnostic } from './diagnostics/json-diagnostic.js';
export { PlanError } from './diagnostics/plan-error.js';

// Text for terminals and editors (what the CLI prints plans and diagnostics with)
export { escapeTerminalText, type EscapeTerminalTextOptions } from './diagnostics/terminal-safe-text.js';
export { displayWidth, padToDisplayWidth } from './diagnostics/display-width.js';
export { closestMatch } from './diagnostics/did-you-mean.js';

// Compile and bundle
export { compilePlan } from './compile/compile-plan.js';
export { CompileError, type CompileProblem } from './compile/compile-error.js';
export type {
  AuthorizationTable,
  CompiledDeadline,
  CompiledDue,
  CompiledSuggestion,
  CompiledPlan,
  CompiledStage,
  CompiledTransition,
} from './compile/compiled-plan.js';
export type { FieldValidators } from './compile/field-validators.js';
export type { PlanMachine } from './compile/plan-machine.js';
export type { PlanMachineContext, PlanMachineEvent } from './compile/to-machine.js';
export type { RenderedTemplate, TemplateValues } from './compile/render-template.js';
export { createBundle } from './bundle/create-bundle.js';
export { loadBundle } from './bundle/load-bundle.js';
export { readBundle } from './bundle/read-bundle.js';
export { BundleError, type BundleErrorCode } from './bundle/bundle-error.js';
export { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, type PlanBundle, type BundleJson } from './bundle/bundle-format.js';
export { PLANWRIGHT_VERSION } from './bundle/version.js';

// Plan types for TypeScript hosts (`planwright types`)
export {
  planTypesDeclaration,
  planTypeName,
  isTypeName,
  type PlanTypesDeclarationOptions,
} from './typegen/plan-types-declaration.js';

// Runtime (also available alone as `planwright/runtime`)
export {
  createEngine,
  EngineError,
  SEND_ERROR_CODES,
  systemClock,
  createManualClock,
  verifyTimeline,
  verifyTimelinePage,
  memoryStore,
  fileStore,
  type FileStore,
  VersionConflictError,
  IncidentDataError,
  incidentIssues,
  type Actor,
  type Clock,
  type DeadlineInstance,
  type DueDeadline,
  type EffectContext,
  type EffectHandler,
  type EffectHandlers,
  type LooseEffectHandlers,
  type Engine,
  type EngineChange,
  type EngineEvent,
  type EngineEventOf,
  type EngineInspection,
  type ClaimedItem,
  type EffectOutcome,
  type EngineFailure,
  type PlanTypes,
  type LoosePlanTypes,
  type IsLoosePlan,
  type EventTypeOf,
  type EventDataOf,
  type IncidentDataOf,
  type DeadlineTrigger,
  type DeclaredEffectPayload,
  type EffectNameOf,
  type EffectTrigger,
  type NotifyPayload,
  type PlanText,
  type RenderedText,
  type TypedPendingEffect,
  type LoosePendingEffect,
  type EngineOptions,
  type Incident,
  type IncidentSnapshot,
  type IncidentState,
  type IncidentStore,
  type IncidentListQuery,
  type IncidentListPage,
  type IncidentPage,
  type ListedIncident,
  type IncidentStoreV1,
  type StoredSnapshot,
  type TimelineHead,
  type TimelineIndex,
  type TimelinePage,
  type ListFilter,
  type ListPosition,
  type ListQueryParameter,
  ListQueryError,
  DEFAULT_LIST_LIMIT,
  MAX_LIST_LIMIT,
  type ManualClock,
  type OpenIncidentInput,
  type PendingEffect,
  type SendError,
  type SendErrorCode,
  type SendResult,
  type TimelineEntry,
  type TimelineEntryType,
  type TimelineVerification,
} from './runtime/index.js';
// The PostgreSQL store's layout: the SQL `planwright migrate --print-sql` prints, without the pg
// package (the store itself, which needs pg, is planwright/postgres, where these are exported too).
export { LATEST_SCHEMA_VERSION, migrationScript } from './postgres/migrations.js';
export { SCHEMA_NAME_PATTERN } from './postgres/schema-name.js';
// What an actor may send now (for tools such as the studio; kept out of planwright/runtime's size budget).
export { availableEvents, type AvailableEvent } from './runtime/available-events.js';


// Reports: after-action report, evaluation, drill reports (see src/report/index.ts)
export {
  afterActionReport,
  evaluate,
  drillReport,
  drillSummaryText,
  drillIndex,
  coverageText,
  writeDrillReports,
  type AfterActionReport,
  type AfterActionOptions,
  type AfterActionJson,
  type AfterActionMeasure,
  type AfterActionStage,
  type AfterActionDeadline,
  type AfterActionBreach,
  type AfterActionTeam,
  type AfterActionSeries,
  type Evaluation,
  type EvaluateOptions,
  type EvaluationJson,
  type EvaluatedIncident,
  type DurationStats,
  type IncidentMeasureValue,
  type TimingValue,
  type CountValue,
  type ChangeValue,
  type MeasureResult,
  type TimingResult,
  type MetRateResult,
  type MetRateRow,
  type CountResult,
  type ChangeResult,
  type DrillReport,
  type DrillReportOptions,
  type DrillSummaryTextOptions,
  type DrillIndexOptions,
  type DrillIndexLinks,
  type WriteDrillReportsOptions,
  type ReportPlan,
  type ReportLocale,
} from './report/index.js';

// Lint
export {
  lint,
  ALL_RULES,
  defineRule,
  toSarif,
  parseRuleOption,
  DEFAULT_MAX_DIAGNOSTICS,
  type LintLocale,
  type LintOptions,
  type LintRule,
  type MessageData,
  type RuleContext,
  type RuleLevel,
  type RuleMessage,
  type RuleOptionResult,
  type RuleSetting,
  type SarifLog,
  type SarifResult,
  type SarifRule,
  type StageEdge,
  type StageGraph,
  type TransitionDeclaration,
  type TransitionSite,
  type ToSarifOptions,
} from './analysis/index.js';
export type { SarifLevel, SarifRun } from './analysis/to-sarif.js';

// Diagrams
export {
  planStateDiagram,
  planSwimlaneDiagram,
  planDiagramsMarkdown,
  planGraph,
  deadlineMatrix,
  type PlanGraph,
  type PlanGraphStage,
  type PlanGraphLabel,
  type PlanGraphEdge,
  type DeadlineMatrixRow,
  type DiagramOptions,
  type PlanDiagramsMarkdownOptions,
} from './report/diagram/index.js';

// Readiness
export {
  checkReadiness,
  checkRoster,
  checkInventory,
  RosterSchema,
  InventorySchema,
  type Roster,
  type Inventory,
  type ReadinessReport,
  type ReadinessSummary,
  type CheckReadinessOptions,
  type Located,
  type CheckedDataFile,
  type DataFileInput,
  type DataFileLocator,
  type ReadDataFileOptions,
} from './readiness/index.js';

// Starter files: what `planwright init` writes, and the studio offers in a folder without a plan
export {
  starterFiles,
  STARTER_EXAMPLES,
  STARTER_PATHS,
  type StarterExample,
  type StarterFile,
  type StarterLocale,
  type StarterOptions,
} from './starter/starter-files.js';
