import type { BundleErrorCode } from '../bundle/bundle-error.js';
import type { CompileError } from '../compile/compile-error.js';
import type { DurationError } from '../compile/duration.js';
import type { PlanError } from '../diagnostics/plan-error.js';
import type { TimelineIntegrityError } from '../postgres/timeline-integrity-error.js';
import type { IncidentDataError } from '../runtime/machine-state.js';
import type { EngineErrorCode } from '../runtime/send-error.js';
import type { CorruptIncidentError } from '../runtime/stores/incident-document.js';
import type { DirectoryLockedError } from '../runtime/stores/directory-lock.js';
import type { InvalidIncidentIdError } from '../runtime/stores/incident-id.js';
import type { VersionConflictError } from '../runtime/stores/store.js';
import type { ListQueryError } from '../runtime/list-query-error.js';
import type { ScenarioError } from '../testing/scenario/scenario-error.js';
import type { AdapterOptionsError } from './adapter-options-error.js';

/** The `code` of every error class planwright throws (each a `PlanwrightError`), besides the engine's. */
export type ThrownErrorCode =
  | InvalidIncidentIdError['code']
  | CorruptIncidentError['code']
  | VersionConflictError['code']
  | ListQueryError['code']
  | DirectoryLockedError['code']
  | IncidentDataError['code']
  | TimelineIntegrityError['code']
  | BundleErrorCode
  | CompileError['code']
  | PlanError['code']
  | DurationError['code']
  | ScenarioError['code']
  | AdapterOptionsError['code'];

/** Codes the HTTP adapters answer with about the request itself. */
export type RequestErrorCode =
  | 'bad-request'
  | 'unauthenticated'
  | 'method-not-allowed'
  | 'payload-too-large'
  | 'unsupported-media-type'
  | 'unavailable'
  | 'internal';

/** Every code an adapter's error body can carry: the engine's, the thrown errors', the request's. */
export type HttpErrorCode = EngineErrorCode | ThrownErrorCode | RequestErrorCode;

/**
 * The HTTP status of every {@link HttpErrorCode}. Exhaustive by type: a new engine or error code
 * does not compile until it has a status here. 5xx codes are the server's problem (a bad bundle,
 * a damaged store): their bodies say only the code, and the error goes to `onError`.
 */
export const HTTP_STATUS: Readonly<Record<HttpErrorCode, number>> = {
  // the engine's refusals (SendErrorCode) and EngineError's own codes
  'unknown-event': 400,
  'invalid-data': 422,
  unauthorized: 403,
  'not-in-stage': 409,
  closed: 409,
  conflict: 409,
  'plan-mismatch': 409,
  // a damaged stored incident: the server's problem, not the request's
  corrupt: 500,
  'not-found': 404,
  disposed: 503,
  'unknown-effect-handler': 500,
  // thrown by stores
  'invalid-incident-id': 404,
  'version-conflict': 409,
  // thrown by engine.list: a limit out of range, a cursor not issued by it (or for other filters)
  'invalid-list-query': 400,
  'directory-locked': 503,
  'corrupt-incident': 500,
  'invalid-incident-data': 500,
  'timeline-integrity': 500,
  // a bundle or plan the server was set up with (never the client's fault)
  'not-a-bundle': 500,
  'unsupported-format-version': 500,
  'invalid-definition': 500,
  'hash-mismatch': 500,
  'plan-not-compilable': 500,
  'not-compilable': 500,
  'plan-has-errors': 500,
  'bad-duration': 500,
  'invalid-scenario': 500,
  'invalid-adapter-options': 500,
  // the request itself
  'bad-request': 400,
  unauthenticated: 401,
  'method-not-allowed': 405,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  unavailable: 503,
  internal: 500,
};

/**
 * Whether `code` is one {@link HTTP_STATUS} knows.
 *
 * @example
 * isHttpErrorCode('not-found'); // true
 */
export function isHttpErrorCode(code: unknown): code is HttpErrorCode {
  return typeof code === 'string' && Object.hasOwn(HTTP_STATUS, code);
}
