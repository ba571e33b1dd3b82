import type { DeclaredEffectPayload, EffectNameOf, NotifyPayload, TypedPendingEffect } from './effect-payload.js';
import type { IncidentDataOf, IsLoosePlan, LoosePlanTypes, PlanTypes } from './typed-plan.js';

/** The person acting: an id and the plan roles they hold (`Role`: the plan's role ids, when typed). */
export interface Actor<Role extends string = string> {
  id: string;
  roles: readonly Role[];
  /** The principal this person acts for under delegation (委托), when the plan allows it (`delegable`). */
  onBehalfOf?: { id: string; roles: readonly Role[] };
}

/** A deadline instance of an incident. Recurring deadlines have one instance per arming. */
export interface DeadlineInstance<T extends PlanTypes = LoosePlanTypes> {
  /** The plan's deadline id. */
  id: T['deadlines'];
  /** 1 for the first arming of this deadline id, 2 for the next, … */
  instance: number;
  /** The stage the incident was in when the deadline was armed. */
  stage: T['stages'];
  /** When it was armed (ISO 8601, UTC). */
  armedAt: string;
  /**
   * The time the due time is measured from (ISO 8601, UTC): the open time (`from: open`), the
   * stage entry (`from: enter`), the meeting event or the breached due time (recurring). A regrade
   * recomputes `dueAt` from it. Optional for documents written before it existed (then `armedAt`).
   */
  baseAt?: string;
  /** When it is due (ISO 8601, UTC). */
  dueAt: string;
  status: 'pending' | 'met' | 'breached' | 'cancelled';
  metAt?: string;
  breachedAt?: string;
  cancelledAt?: string;
  /** With a deadline's `match`: the triggering event's value of that field; only a meeting event with the same value meets it. */
  key?: string;
  /**
   * `from: condition` (DSL v2): when the condition stopped holding after this instance was met or
   * breached; the condition becoming true again after that arms a new instance.
   */
  conditionEndedAt?: string;
  /** Reminder offsets (ms before due) already sent for this instance. */
  remindersSent: number[];
}

/** What a timeline entry records. */
export type TimelineEntryType =
  | 'opened'
  | 'event'
  | 'rejected'
  | 'stage-entered'
  | 'deadline-armed'
  | 'deadline-met'
  | 'deadline-breached'
  | 'deadline-cancelled'
  | 'deadline-recomputed'
  | 'reminder'
  | 'regraded'
  | 'record'
  | 'effect-delivered'
  | 'effect-failed'
  | 'migrated'
  | 'closed'
  /** DSL v2: a level-gated track added to the active stage (the level rose into its levels). */
  | 'track-added'
  /** DSL v2: a pending level-gated track set aside (the level left its levels). */
  | 'track-withdrawn';

/** One entry of the append-only, hash-chained incident timeline. */
export interface TimelineEntry {
  /** 0-based position in the timeline. */
  seq: number;
  /** When it happened on the engine's clock (ISO 8601, UTC). */
  at: string;
  type: TimelineEntryType;
  /** Who acted, for events and rejections. */
  by?: Actor;
  /** What the entry is about (event type and data, deadline id, effect, …). */
  data?: Record<string, unknown>;
  result: 'accepted' | 'rejected' | 'fired' | 'delivered' | 'failed' | 'recorded';
  /**
   * On the last entry of every save (runtime v2): sha256 over the canonical JSON of the incident
   * that save produced, without `timeline` (its version included). Binds the stored state to the
   * hash chain; absent on entries written before it existed and on entries that are not the last of
   * their save. See docs/semantics.md "State bound to the chain".
   */
  stateDigest?: string;
  /** Hash of the previous entry ('' for the first). */
  prevHash: string;
  /** sha256 over the canonical JSON of this entry without `hash`. */
  hash: string;
}

/**
 * An effect the engine asked for and has not yet recorded as delivered: the incident's outbox.
 * It is saved together with the state change that caused it, delivered after the save, and
 * removed (with an `effect-delivered` or `effect-failed` timeline entry) once handled, so a
 * crash between saving and delivering loses nothing (delivery is at least once; `id` is stable
 * so a host can de-duplicate).
 */
export interface LoosePendingEffect {
  /** Stable id: `<incident id>:<timeline seq that caused it>:<index>`. */
  id: string;
  /** Effect name: `notify` or an effect the plan declares. */
  name: string;
  /** When it was requested (ISO 8601, UTC). */
  at: string;
  /** What the handler needs: roles, rendered template text, deadline id, … */
  payload: Record<string, unknown>;
}

/**
 * A pending effect of a plan (see {@link LoosePendingEffect}). With a plan's types, a union told
 * apart by `name`: `notify` with a {@link NotifyPayload}, each declared effect with a
 * {@link DeclaredEffectPayload}.
 */
export type PendingEffect<T extends PlanTypes = LoosePlanTypes> =
  IsLoosePlan<T> extends true ? LoosePendingEffect : { [Name in EffectNameOf<T>]: TypedPendingEffect<T, Name> }[EffectNameOf<T>];

/**
 * Where an incident's timeline ends: its last entry's position, hash and time. An incident's
 * snapshot carries it, so that the engine can append to the chain without reading the timeline.
 */
export interface TimelineHead {
  /** The last entry's `seq` (the timeline holds `seq + 1` entries). */
  seq: number;
  /** The last entry's `hash`. */
  hash: string;
  /** The last entry's `at`: nothing new is stamped before it. */
  at: string;
}

/**
 * What the engine needs to know about an incident's past, kept with its state so that no event
 * walks the timeline (runtime v2): the last entry of a few kinds. Derived from the timeline
 * (`indexTimeline`), bound to the chain with the rest of the state (`stateDigest`).
 * Documents written before it existed lack it; the engine derives it from their timeline once,
 * when it first reads them, and stores it with their next save.
 */
export interface TimelineIndex {
  /** By stage id: the last `stage-entered` entry into it (its `seq` and `at`). `from: enter` deadlines are measured from it. */
  stageEntered: Record<string, { seq: number; at: string }>;
  /** By deadline id: the `seq` of its last `deadline-armed` entry. */
  deadlineArmed: Record<string, number>;
  /** `from` of the last `regraded` entry (the level before the last regrade); absent before any. Conditions read it as `severity.previous`. */
  regradedFrom?: string;
}

/**
 * An incident's state without its history: everything the engine reads and writes on each event.
 * Bound to the timeline by `stateDigest` (see `state-binding.ts`).
 */
export interface IncidentState<T extends PlanTypes = LoosePlanTypes> {
  id: string;
  planId: string;
  planVersion: string;
  planHash: string;
  title: string;
  category: T['categories'];
  /** Active top-level stage id. */
  stage: T['stages'];
  /** Full XState state value (stage, and track states inside a stage with tracks). */
  state: unknown;
  /** Track ids of the active stage that are pending (not done, and not set aside at this level). */
  tracks: string[];
  /** Severity level id, or null while unknown. */
  severity: T['severities'] | null;
  /** Field values set so far (last value wins). */
  data: IncidentDataOf<T>;
  deadlines: DeadlineInstance<T>[];
  /** Effects saved but not yet delivered. */
  outbox: PendingEffect<T>[];
  /** Optimistic-concurrency version: 1 after open, +1 per saved change. */
  version: number;
  openedAt: string;
  closedAt: string | null;
  closed: boolean;
  /** What the engine keeps of the timeline (runtime v2); absent in documents written before it existed. */
  timelineIndex?: TimelineIndex;
}

/**
 * An incident as the engine works on it (runtime v2): its state and the head of its timeline,
 * without the timeline itself — what `engine.send` returns and effect handlers and change
 * listeners are given. The whole history is read with `engine.get` or paged with `engine.timeline`.
 */
export interface IncidentSnapshot<T extends PlanTypes = LoosePlanTypes> extends IncidentState<T> {
  head: TimelineHead;
  timelineIndex: TimelineIndex;
}

/** An incident: one run of a plan, a plain JSON document: its state and its whole timeline (`T`: the plan's types, see {@link PlanTypes}). */
export interface Incident<T extends PlanTypes = LoosePlanTypes> extends IncidentState<T> {
  timeline: TimelineEntry[];
}
