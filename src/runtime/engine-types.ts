import type { CompiledPlan } from '../compile/compiled-plan.js';
import type { Clock } from './clock.js';
import type { EngineInspection } from './engine-inspection.js';
import type { Actor, Incident, IncidentSnapshot, PendingEffect, TimelineEntry } from './incident.js';
import type { SendError } from './send-error.js';
import type { ListedIncident } from './listed-incident.js';
import type { IncidentStore, IncidentStoreV1, TimelinePage } from './stores/store.js';
import type { EngineTelemetry } from './telemetry.js';
import type { EventDataOf, EventTypeOf, IncidentDataOf, IsLoosePlan, LoosePlanTypes, PlanTypes } from './typed-plan.js';
import type { EffectNameOf } from './effect-payload.js';

/** What an effect handler is given besides the effect: the incident's snapshot (as saved; no timeline) and the plan. */
export interface EffectContext<T extends PlanTypes = LoosePlanTypes> {
  incident: IncidentSnapshot<T>;
  plan: CompiledPlan;
}

/**
 * A host function that carries out an effect (notify, publish, …). A throw is recorded as
 * `effect-failed`. With a plan's types, `Name` narrows the effect (and its payload) to one name.
 */
export type EffectHandler<T extends PlanTypes = LoosePlanTypes, Name extends string = string> = (
  effect: IsLoosePlan<T> extends true ? PendingEffect : Extract<PendingEffect<T>, { name: Name }>,
  context: EffectContext<T>,
) => Promise<void> | void;

/** Effect handlers by effect name, for any plan: `notify`, and any effect the plan declares. */
export interface LooseEffectHandlers {
  notify?: EffectHandler;
  [name: string]: EffectHandler | undefined;
}

/**
 * Effect handlers by effect name: `notify`, and any effect the plan declares. With a plan's types,
 * only those names, each handler given its own effect's payload.
 */
export type EffectHandlers<T extends PlanTypes = LoosePlanTypes> =
  IsLoosePlan<T> extends true ? LooseEffectHandlers : { [Name in EffectNameOf<T>]?: EffectHandler<T, Name> };

/** Options of {@link createEngine}. */
export interface EngineOptions<T extends PlanTypes = LoosePlanTypes> {
  /** Time source; default `systemClock` (the engine then wakes itself for due deadlines). */
  clock?: Clock;
  /** Where incidents live; default a new `memoryStore()`. A store written for the contract before runtime v2 ({@link IncidentStoreV1}) is adapted. */
  store?: IncidentStore | IncidentStoreV1;
  /** Host effect handlers by name. */
  effects?: EffectHandlers<T>;
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
export interface OpenIncidentInput<T extends PlanTypes = LoosePlanTypes> {
  by: Actor<T['roles']>;
  title: string;
  category: T['categories'];
  /** Initial field values. */
  data?: IncidentDataOf<T>;
  /** Severity level, if already known. */
  severity?: T['severities'];
}

/**
 * An event of type `E` for `engine.send`: who sends it and its data (optional when the event
 * requires no field).
 */
export type EngineEventOf<T extends PlanTypes, E extends EventTypeOf<T>> = {} extends EventDataOf<T, E>
  ? { type: E; by: Actor<T['roles']>; data?: EventDataOf<T, E> }
  : { type: E; by: Actor<T['roles']>; data: EventDataOf<T, E> };

/**
 * An event for `engine.send` (the engine stamps the time from its clock). With a plan's types, a
 * union told apart by `type`: only the plan's events, each with its own data fields.
 */
export type EngineEvent<T extends PlanTypes = LoosePlanTypes> = { [E in EventTypeOf<T>]: EngineEventOf<T, E> }[EventTypeOf<T>];

/**
 * The result of `engine.send`: the incident's snapshot after the send (runtime v2: its state and
 * timeline head, not its timeline — `engine.get` or `engine.timeline` read that) and the timeline
 * entries the send added (what fell due before the event, the event or its refusal, and the
 * deliveries of the effects it queued). A refusal recorded in the timeline has both; one refused
 * before anything was saved (unknown incident, corrupt, conflict) has neither.
 */
export type SendResult<T extends PlanTypes = LoosePlanTypes> =
  | { ok: true; incident: IncidentSnapshot<T>; entries: readonly TimelineEntry[] }
  | { ok: false; error: SendError; incident?: IncidentSnapshot<T>; entries?: readonly TimelineEntry[] };

/**
 * What `engine.list` is asked for: filters (all must hold), a page size and where to continue.
 * Invalid values throw `ListQueryError` naming the parameter.
 */
export interface ListFilter<T extends PlanTypes = LoosePlanTypes> {
  /** Only incidents in this stage. */
  stage?: T['stages'];
  /** `true`: only open incidents; `false`: only closed ones. */
  open?: boolean;
  /**
   * `true`: only open incidents with a breached or past-due deadline; `false`: only those without.
   * Judged at the clock's time of the listing's first page (a cursor keeps that time).
   */
  overdue?: boolean;
  /** Page size: an integer from 1 to 500 (`MAX_LIST_LIMIT`); default 50 (`DEFAULT_LIST_LIMIT`). */
  limit?: number;
  /** The `next` of the previous page, to continue the listing (with the same filters). */
  cursor?: string;
}

/**
 * One page of `engine.list`: incidents in list order — opened time, then id — and the cursor of
 * the next page. Follow `next` until it is absent to see every matching incident once: paging is
 * by position (keyset), so incidents opened, changed or closed meanwhile never make a page repeat
 * or skip one that still matches (new incidents come at the end).
 */
export interface IncidentPage<T extends PlanTypes = LoosePlanTypes> {
  /** The page's incidents, without their timelines (deep-frozen; `engine.get` for the whole incident). */
  incidents: ListedIncident<T>[];
  /** Pass as `cursor` for the next page; absent on the last page. */
  next?: string;
}

/**
 * A saved change, as listeners see it: made by this engine, or — with a store that has a change
 * feed (`postgresStore`) — by another process.
 */
export interface EngineChange<T extends PlanTypes = LoosePlanTypes> {
  /** The incident's snapshot as saved (no timeline). */
  incident: IncidentSnapshot<T>;
  /** Timeline entries the change added (for a change made elsewhere: those this engine had not seen). */
  entries: readonly TimelineEntry[];
}

/** The engine: incidents of one plan, with durable deadlines and effects (`T`: the plan's types, see {@link PlanTypes}). */
export interface Engine<T extends PlanTypes = LoosePlanTypes> {
  readonly plan: CompiledPlan;
  /** Opens an incident; resolves to it whole (its few first timeline entries included). */
  open(input: OpenIncidentInput<T>): Promise<Incident<T>>;
  send(incidentId: string, event: EngineEvent<T>): Promise<SendResult<T>>;
  /** The whole incident, its timeline read from the store (its cost grows with the history: not for every event). */
  get(incidentId: string): Promise<Incident<T> | undefined>;
  /** The incident's snapshot as stored (state and timeline `head`, no timeline: its cost does not grow with the history), or `undefined`. */
  snapshot(incidentId: string): Promise<IncidentSnapshot<T> | undefined>;
  /** One page of incidents, filtered and paged in the store (see {@link ListFilter}, {@link IncidentPage}). */
  list(filter?: ListFilter<T>): Promise<IncidentPage<T>>;
  /** A page of an incident's timeline: entries with `seq > after` (default: from the first), at most `limit`, in order; empty for an unknown incident. */
  timeline(incidentId: string, page?: TimelinePage): Promise<TimelineEntry[]>;
  subscribe(listener: (change: EngineChange<T>) => void): () => void;
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
