/**
 * planwright/runtime: run incidents of a bundled plan. No YAML parser, no plan sources.
 * @packageDocumentation
 */
export { createEngine } from './engine.js';
export type {
  EffectContext,
  EffectHandler,
  EffectHandlers,
  LooseEffectHandlers,
  Engine,
  EngineChange,
  EngineEvent,
  EngineEventOf,
  EngineOptions,
  IncidentPage,
  ListFilter,
  OpenIncidentInput,
  SendResult,
} from './engine-types.js';
export type { EngineInspection, ClaimedItem, EffectOutcome, EngineFailure } from './engine-inspection.js';
export type { PlanTypes, LoosePlanTypes, IsLoosePlan, EventTypeOf, EventDataOf, IncidentDataOf } from './typed-plan.js';
export type {
  DeadlineTrigger,
  DeclaredEffectPayload,
  EffectNameOf,
  EffectTrigger,
  NotifyPayload,
  PlanText,
  RenderedText,
  TypedPendingEffect,
} from './effect-payload.js';
export { EngineError, SEND_ERROR_CODES, type EngineErrorCode, type SendError, type SendErrorCode } from './send-error.js';
export { PlanwrightError, isPlanwrightError } from '../errors/planwright-error.js';
export { InvalidIncidentIdError, INCIDENT_ID_PATTERN } from './stores/incident-id.js';
export { CorruptIncidentError, incidentIssues } from './stores/incident-document.js';
export { DirectoryLockedError } from './stores/directory-lock.js';
export type { EngineTelemetry, TelemetryAttributes, TelemetryMeter, TelemetrySpan, TelemetryTracer } from './telemetry.js';
export { systemClock, createManualClock, type Clock, type ManualClock } from './clock.js';
export { verifyTimeline, verifyTimelinePage, type TimelineVerification } from './timeline.js';
export { verifyIncident, type IncidentVerification } from './verify-incident.js';
export { stateDigest } from './state-binding.js';
export { IncidentDataError } from './machine-state.js';
export type {
  Actor,
  DeadlineInstance,
  Incident,
  IncidentSnapshot,
  IncidentState,
  TimelineHead,
  TimelineIndex,
  LoosePendingEffect,
  PendingEffect,
  TimelineEntry,
  TimelineEntryType,
} from './incident.js';
export {
  VersionConflictError,
  type CorruptIncident,
  type DueDeadline,
  type IncidentListPage,
  type IncidentListQuery,
  type IncidentStore,
  type IncidentStoreV1,
  type ListPosition,
  type StoredChange,
  type StoredSnapshot,
  type TimelinePage,
} from './stores/store.js';
export type { ListedIncident } from './listed-incident.js';
export { ListQueryError, type ListQueryParameter } from './list-query-error.js';
export { DEFAULT_LIST_LIMIT, MAX_LIST_LIMIT } from './stores/list-limits.js';
export { memoryStore } from './stores/memory-store.js';
export { fileStore, type FileStore } from './stores/file-store.js';
export { loadBundle, BundleError, type BundleErrorCode, type PlanBundle, type BundleJson } from '../bundle/index.js';
export type { CompiledPlan } from '../compile/compiled-plan.js';
