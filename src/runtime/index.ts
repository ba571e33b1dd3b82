/**
 * planwright/runtime: run incidents of a bundled plan. No YAML parser, no plan sources.
 * @packageDocumentation
 */
export { createEngine } from './engine.js';
export type {
  EffectContext,
  EffectHandler,
  EffectHandlers,
  Engine,
  EngineChange,
  EngineEvent,
  EngineInspection,
  EngineOptions,
  ListFilter,
  OpenIncidentInput,
  SendResult,
} from './engine-types.js';
export { EngineError, SEND_ERROR_CODES, type SendError, type SendErrorCode } from './send-error.js';
export { systemClock, createManualClock, type Clock, type ManualClock } from './clock.js';
export { verifyTimeline, type TimelineVerification } from './timeline.js';
export { IncidentDataError } from './machine-state.js';
export type {
  Actor,
  DeadlineInstance,
  Incident,
  PendingEffect,
  TimelineEntry,
  TimelineEntryType,
} from './incident.js';
export { VersionConflictError, type DueDeadline, type IncidentStore } from './stores/store.js';
export { memoryStore } from './stores/memory-store.js';
export { fileStore, type FileStore } from './stores/file-store.js';
export { loadBundle, BundleError, type BundleErrorCode, type PlanBundle } from '../bundle/index.js';
export type { CompiledPlan } from '../compile/compiled-plan.js';
