import type { CompiledPlan } from '../compile/compiled-plan.js';
import type { Clock } from './clock.js';
import type { Actor, Incident, PendingEffect, TimelineEntry } from './incident.js';
import type { SendError } from './send-error.js';
import type { IncidentStore } from './stores/store.js';
import type { EngineTelemetry } from './telemetry.js';

/** What an effect handler is given besides the effect: the incident (as saved) and the plan. */
export interface EffectContext {
  incident: Incident;
  plan: CompiledPlan;
}

/** A host function that carries out an effect (notify, publish, …). A throw is recorded as `effect-failed`. */
export type EffectHandler = (effect: PendingEffect, context: EffectContext) => Promise<void> | void;

/** Effect handlers by effect name: `notify`, and any effect the plan declares. */
export interface EffectHandlers {
  notify?: EffectHandler;
  [name: string]: EffectHandler | undefined;
}

/**
 * Something the engine did, for logging and tracing (`inspect` option). `claim-unfired`: the store
 * listed (or leased to this engine) a due deadline of an incident, but the incident as stored had
 * nothing to fire — a store whose deadline rows disagree with its documents, or a race already
 * settled by another engine; `detail.items` names the listed deadlines.
 */
export interface EngineInspection {
  type: 'opened' | 'accepted' | 'rejected' | 'fired' | 'claim-unfired' | 'effect' | 'conflict' | 'migrated' | 'error';
  incidentId?: string;
  detail?: Record<string, unknown>;
}

/** Options of {@link createEngine}. */
export interface EngineOptions {
  /** Time source; default `systemClock` (the engine then wakes itself for due deadlines). */
  clock?: Clock;
  /** Where incidents live; default a new `memoryStore()`. */
  store?: IncidentStore;
  /** Host effect handlers by name. */
  effects?: EffectHandlers;
  /** Called for everything the engine does (never affects the result). */
  inspect?: (event: EngineInspection) => void;
  /** Makes incident ids; default `crypto.randomUUID()`. */
  newId?: () => string;
  /** Attempts after a version conflict before `conflict` (default 5). */
  maxRetries?: number;
  /** Incidents kept in memory between calls (default 1000). */
  cacheSize?: number;
  /** Lease (ms) asked of `store.claimDue` (default 60 000). */
  leaseMs?: number;
  /** Tracing and metrics: an OpenTelemetry tracer and/or meter (or anything of their shape). */
  telemetry?: EngineTelemetry;
}

/** What `engine.open` takes. */
export interface OpenIncidentInput {
  by: Actor;
  title: string;
  category: string;
  /** Initial field values. */
  data?: Record<string, unknown>;
  /** Severity level, if already known. */
  severity?: string;
}

/** An event for `engine.send` (the engine stamps the time from its clock). */
export interface EngineEvent {
  type: string;
  by: Actor;
  data?: Record<string, unknown>;
}

/** The result of `engine.send`. */
export type SendResult = { ok: true; incident: Incident } | { ok: false; error: SendError; incident?: Incident };

/** Filters of `engine.list`. */
export interface ListFilter {
  /** Only incidents in this stage. */
  stage?: string;
  /** `true`: only open incidents; `false`: only closed ones. */
  open?: boolean;
  /** `true`: only open incidents with a breached or past-due deadline; `false`: only those without. */
  overdue?: boolean;
}

/**
 * A saved change, as listeners see it: made by this engine, or — with a store that has a change
 * feed (`postgresStore`) — by another process.
 */
export interface EngineChange {
  incident: Incident;
  /** Timeline entries the change added (for a change made elsewhere: those this engine had not seen). */
  entries: readonly TimelineEntry[];
}

/** The engine: incidents of one plan, with durable deadlines and effects. */
export interface Engine {
  readonly plan: CompiledPlan;
  open(input: OpenIncidentInput): Promise<Incident>;
  send(incidentId: string, event: EngineEvent): Promise<SendResult>;
  get(incidentId: string): Promise<Incident | undefined>;
  list(filter?: ListFilter): Promise<Incident[]>;
  subscribe(listener: (change: EngineChange) => void): () => void;
  /**
   * For health checks: resolves once start-up (delivery of effects left pending, scheduling of
   * stored deadlines) is done and the store answers (`store.ping()`, where the store has one);
   * rejects with the reason otherwise, or once disposed.
   */
  ready(): Promise<void>;
  /** Fires every deadline and reminder due at the clock's time, in due order; resolves when saved. Returns the number fired. */
  runDue(): Promise<number>;
  dispose(): Promise<void>;
}
