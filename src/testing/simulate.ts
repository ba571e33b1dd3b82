import type { CompiledPlan } from '../compile/compiled-plan.js';
import { createManualClock, type ManualClock } from '../runtime/clock.js';
import { createEngine } from '../runtime/index.js';
import type { Actor, Incident, IncidentSnapshot, PendingEffect, TimelineEntry } from '../runtime/incident.js';
import { wholeIncident } from '../runtime/incident-snapshot.js';
import type { Engine, EngineInspection, SendResult } from '../runtime/index.js';
import { compiledPlanOf, type TestingPlan } from './compiled-plan-of.js';
import { durationToMs } from './duration.js';
import { simulationStore } from './simulation-store.js';

/** Options of {@link simulate}. */
export interface SimulateOptions {
  /** The simulated clock's start (ISO 8601 text, ms or Date); the incident opens at this time. */
  start: string | number | Date;
  /** People taking part and the roles each holds, e.g. `{ wang: ['info-officer'] }`. */
  people?: Readonly<Record<string, readonly string[]>>;
  /** Id of the incident (default `sim-1`). */
  incidentId?: string;
  /** Receives everything the engine does (see the engine's `inspect` option). */
  inspect?: (event: EngineInspection) => void;
}

/** How a simulated incident is opened. `by` is a person of the simulation or an actor. */
export interface SimulationOpenInput {
  by: string | Actor;
  title: string;
  category: string;
  data?: Record<string, unknown>;
  severity?: string;
}

/** An effect the engine delivered during the simulation (every `notify`, `publish`, …). */
export type CapturedEffect = PendingEffect;

/** A running simulation of one incident over a manual clock and a memory store. */
export interface Simulation {
  readonly plan: CompiledPlan;
  readonly engine: Engine;
  readonly clock: ManualClock;
  /** The clock's time (ISO 8601, UTC). */
  readonly now: string;
  /** The incident as last saved. Throws before `open`. */
  readonly incident: Incident;
  /** The active top-level stage. Throws before `open`. */
  readonly stage: string;
  /** Every effect delivered so far, in order. */
  readonly effects: readonly CapturedEffect[];
  /** Ids of the deadlines breached so far, in the order they first breached. */
  readonly breaches: readonly string[];
  /** Role ids that have been sent at least one `notify` effect, in first-notified order. */
  readonly notified: readonly string[];
  /** Opens the incident at the clock's time. */
  open(input: SimulationOpenInput): Promise<Incident>;
  /** Sends an event as a person of the simulation (or an actor) at the clock's time. */
  send(person: string | Actor, type: string, data?: Record<string, unknown>): Promise<SendResult>;
  /** Moves the clock forward (`30m`, `PT2H`, or ms); deadlines due on the way fire at their own due time, in order. */
  advance(duration: string | number): Promise<void>;
  /** Moves the clock to a time (ISO 8601 text, ms or Date), firing what is due on the way. */
  advanceTo(time: string | number | Date): Promise<void>;
  /** Releases the engine. */
  dispose(): Promise<void>;
}

/**
 * Runs one incident of a plan on a simulated clock: a manual clock, an in-memory store
 * (one that keeps the engine's frozen incidents without copying them), and effect handlers that capture every effect. Deadlines fire as the clock is advanced.
 *
 * @example
 * ```ts
 * const sim = simulate(plan, { start: '2026-03-02T09:00:00+08:00', people: { wang: ['info-officer'], li: ['it-head'] } });
 * await sim.open({ by: 'wang', title: '网传某服务大厅拒绝办理业务', category: 'media' });
 * await sim.advance('45m');
 * sim.breaches; // ['report']
 * sim.notified; // ['info-officer', 'it-head']
 * ```
 */
export function simulate(plan: TestingPlan, options: SimulateOptions): Simulation {
  const compiled = compiledPlanOf(plan);
  const clock = createManualClock(options.start);
  const effects: CapturedEffect[] = [];
  const capture = (effect: PendingEffect): void => {
    effects.push(effect);
  };
  const handlers: Record<string, (effect: PendingEffect) => void> = { notify: capture };
  for (const e of compiled.definition.effects) handlers[e.id] = capture;
  const engine = createEngine(compiled, {
    clock,
    store: simulationStore(),
    effects: handlers,
    newId: () => options.incidentId ?? 'sim-1',
    ...(options.inspect === undefined ? {} : { inspect: options.inspect }),
  });
  const people = options.people ?? {};
  const reminders = new Map(compiled.deadlines.map((d) => [d.id, d.reminders.map((r) => r.beforeMs)]));
  /** The incident's latest snapshot and its timeline, both kept from the engine's changes; `whole` built from them when asked. */
  let current: IncidentSnapshot | undefined;
  const timeline: TimelineEntry[] = [];
  let whole: Incident | undefined;

  const actor = (person: string | Actor): Actor => {
    if (typeof person !== 'string') return person;
    const roles = people[person];
    if (roles === undefined) throw new Error(`simulate: unknown person "${person}" (people: ${Object.keys(people).join(', ') || 'none'})`);
    return { id: person, roles: [...roles] };
  };
  // Every saved change (event, firing, effect delivery) comes through here with its entries: no re-reading.
  engine.subscribe(({ incident, entries }) => {
    if (current !== undefined && incident.id !== current.id) return;
    current = incident;
    for (const entry of entries) timeline.push(entry);
    whole = undefined;
  });
  const requireIncident = (): Incident => {
    if (current === undefined) throw new Error('simulate: no incident yet; call open() first');
    return (whole ??= Object.freeze(wholeIncident(current, Object.freeze(timeline.slice()) as TimelineEntry[])));
  };

  const advanceTo = async (target: number): Promise<void> => {
    if (target < clock.now()) throw new RangeError(`simulate: cannot move the clock back to ${new Date(target).toISOString()}`);
    clock.set(target);
    // Only this incident lives in the store: ask the engine to fire only when something is due.
    const next = current === undefined ? undefined : nextDueMs(current, reminders);
    if (next !== undefined && next <= target) await engine.runDue();
  };

  return {
    plan: compiled,
    engine,
    clock,
    get now() {
      return new Date(clock.now()).toISOString();
    },
    get incident() {
      return requireIncident();
    },
    get stage() {
      return requireIncident().stage;
    },
    get effects() {
      return effects;
    },
    get breaches() {
      return breachedIds(current);
    },
    get notified() {
      return notifiedRoles(effects);
    },
    async open(input) {
      if (current !== undefined) throw new Error('simulate: the incident is already open');
      await engine.open({
        by: actor(input.by),
        title: input.title,
        category: input.category,
        ...(input.data === undefined ? {} : { data: input.data }),
        ...(input.severity === undefined ? {} : { severity: input.severity }),
      });
      return requireIncident();
    },
    async send(person, type, data) {
      const incident = requireIncident();
      return engine.send(incident.id, { type, by: actor(person), ...(data === undefined ? {} : { data }) });
    },
    async advance(duration) {
      const ms = typeof duration === 'number' ? duration : durationToMs(duration);
      if (ms === undefined || !Number.isFinite(ms) || ms < 0) throw new RangeError(`simulate: not a duration: ${String(duration)}`);
      await advanceTo(clock.now() + ms);
    },
    async advanceTo(time) {
      const ms = typeof time === 'number' ? time : typeof time === 'string' ? Date.parse(time) : time.getTime();
      if (!Number.isFinite(ms)) throw new RangeError(`simulate: not a time: ${String(time)}`);
      await advanceTo(ms);
    },
    async dispose() {
      await engine.dispose();
    },
  };
}

/**
 * The earliest time (ms) a pending deadline of the incident is due or one of its reminders is,
 * or undefined when nothing is pending (or the incident is closed).
 */
function nextDueMs(incident: Pick<Incident, 'closed' | 'deadlines'>, reminders: ReadonlyMap<string, readonly number[]>): number | undefined {
  if (incident.closed) return undefined;
  let best = Number.POSITIVE_INFINITY;
  for (const d of incident.deadlines) {
    if (d.status !== 'pending') continue;
    const due = Date.parse(d.dueAt);
    if (due < best) best = due;
    for (const before of reminders.get(d.id) ?? []) if (!d.remindersSent.includes(before) && due - before < best) best = due - before;
  }
  return best === Number.POSITIVE_INFINITY ? undefined : best;
}

/**
 * Ids of the deadlines an incident has breached, in the order they first breached.
 *
 * @example
 * ```ts
 * breachedIds(incident); // ['report', 'assess']
 * ```
 */
export function breachedIds(incident: Pick<Incident, 'deadlines'> | undefined): string[] {
  if (incident === undefined) return [];
  const breached = incident.deadlines
    .filter((d) => d.status === 'breached')
    .sort((a, b) => (a.breachedAt ?? '').localeCompare(b.breachedAt ?? ''));
  return [...new Set(breached.map((d) => d.id))];
}

/**
 * Role ids reached by at least one `notify` effect, in first-notified order.
 *
 * @example
 * ```ts
 * notifiedRoles(sim.effects); // ['info-officer', 'it-head']
 * ```
 */
export function notifiedRoles(effects: readonly Pick<PendingEffect, 'name' | 'payload'>[]): string[] {
  const out = new Set<string>();
  for (const e of effects) {
    if (e.name !== 'notify') continue;
    const roles = e.payload['roles'];
    if (Array.isArray(roles)) for (const r of roles) out.add(String(r));
  }
  return [...out];
}
