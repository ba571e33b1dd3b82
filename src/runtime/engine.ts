import { randomUUID } from 'node:crypto';
import { loadBundle } from '../bundle/load-bundle.js';
import type { CompiledPlan } from '../compile/compiled-plan.js';
import { applyEvent, catchUp } from './apply-event.js';
import { canonicalFrozen } from './canonical-freeze.js';
import { isEngineIncident } from './deep-freeze.js';
import { recordDeliveries } from './record-deliveries.js';
import { iso, lastEntryMs, msOf, withVersion } from './change.js';
import { systemClock } from './clock.js';
import { parseEventInput, parseOpenInput } from './engine-input.js';
import type { Engine, EngineChange, EngineEvent, EngineOptions, ListFilter, OpenIncidentInput, SendResult } from './engine-types.js';
import type { EngineInspection } from './engine-inspection.js';
import type { LoosePlanTypes, PlanTypes } from './typed-plan.js';
import type { BundleJson, PlanBundle } from '../bundle/bundle-format.js';
import { nextDueMs } from './deadlines.js';
import type { Incident, TimelineEntry } from './incident.js';
import { KeyedQueue } from './keyed-queue.js';
import { WakeTimes } from './wake-times.js';
import { engineInstruments } from './telemetry.js';
import { migrateIncident } from './migrate-incident.js';
import { openIncident } from './open-incident.js';
import { EngineError, sendError, type SendError } from './send-error.js';
import { CorruptIncidentError, parseIncidentDocument } from './stores/incident-document.js';
import { bindState, checkBinding } from './state-binding.js';
import { memoryStore } from './stores/memory-store.js';
import { VersionConflictError, type DueDeadline, type IncidentStore, type StoredChange } from './stores/store.js';
import { isIncidentId } from './stores/incident-id.js';
import { checkEffectHandlers } from './check-effect-handlers.js';
import { incidentLister } from './list-incidents.js';

/** Longest the self-scheduling engine sleeps before looking for due deadlines again (ms). */
const MAX_SLEEP_MS = 60_000;
const FAR_FUTURE = '9999-12-31T23:59:59.999Z';

/** A compiled plan (made in this process by `compilePlan` or `loadBundle`), not a bundle: bundles have no machine. */
function isCompiledPlan(value: unknown): value is CompiledPlan {
  return typeof value === 'object' && value !== null && 'machine' in value && 'deadlineById' in value;
}

/**
 * Creates an engine for one plan, from a bundle (parsed or imported JSON, verified) or a compiled
 * plan (`loadBundle` turns JSON of unknown shape into one, or throws a `BundleError`).
 * Incidents live in `store`; deadlines fire on `clock` (call `runDue()` with a manual clock);
 * effects go to the host's `effects` handlers after each save. Give the plan's types
 * (`createEngine<FloodPlan>(…)`, from `planwright types` or `PlanTypesOf`) to type events,
 * incidents and effect payloads; without them ids are strings and data records.
 *
 * @example
 * const engine = createEngine(bundle, { clock: createManualClock('2024-05-01T08:00:00Z'), effects: { notify } });
 * const incident = await engine.open({ by: { id: 'u1', roles: ['info-officer'] }, title: 'Rumour', category: 'media' });
 * const result = await engine.send(incident.id, { type: 'REPORT', by: { id: 'u1', roles: ['info-officer'] }, data: { summary: '…', source: '…', publicReaction: '…' } });
 */
export function createEngine<T extends PlanTypes = LoosePlanTypes>(source: PlanBundle | BundleJson | CompiledPlan, options: EngineOptions<T> = {}): Engine<T> {
  // The plan's types only narrow what callers pass and see (the handlers of `options` are typed by
  // them, and are handed only effects of this plan); the engine itself runs any plan, untyped.
  return planEngine(source, options as unknown as EngineOptions) as unknown as Engine<T>;
}

function planEngine(source: PlanBundle | BundleJson | CompiledPlan, options: EngineOptions): Engine {
  const plan = isCompiledPlan(source) ? source : loadBundle(source);
  const clock = options.clock ?? systemClock;
  const store: IncidentStore = options.store ?? memoryStore();
  const effects = options.effects ?? {};
  checkEffectHandlers(plan, effects);
  const newId = options.newId ?? (() => randomUUID());
  const maxRetries = options.maxRetries ?? 5;
  const cacheSize = options.cacheSize ?? 1000;
  const leaseMs = options.leaseMs ?? 60_000;
  const owner = `engine-${randomUUID()}`;
  const queue = new KeyedQueue();
  const cache = new Map<string, Incident>();
  const listeners = new Set<(change: EngineChange) => void>();
  const wake = new WakeTimes();
  let disposed = false;
  let timer: { at: number; cancel: () => void } | undefined;

  const instruments = engineInstruments(options.telemetry);
  const inspect = (event: EngineInspection): void => {
    try {
      instruments?.count(event);
      options.inspect?.(event);
    } catch {
      // An inspector (or a meter) never changes what the engine does.
    }
  };

  const remember = (incident: Incident): Incident => {
    cache.delete(incident.id);
    cache.set(incident.id, incident);
    if (cache.size > cacheSize) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
    const next = nextDueMs(incident, plan.deadlineById);
    if (next === undefined) wake.delete(incident.id);
    else wake.set(incident.id, next);
    return incident;
  };

  /** Validates, canonicalizes and freezes a document read from the store. */
  const adopt = (doc: Incident): Incident => {
    // A store that keeps the frozen incidents it was given hands back objects an engine built
    // (valid by construction).
    if (isEngineIncident(doc)) return remember(doc);
    const cached = cache.get(doc.id);
    if (cached !== undefined && cached.version === doc.version && cached.planHash === doc.planHash) return cached;
    // Validated (incident-document.ts); the document itself (a fresh object from the store) is then
    // kept, in canonical key order (copied only where a store reordered keys), and frozen.
    parseIncidentDocument(doc, `store incident ${doc.id}`);
    // The state must match the head of its chain (one hash of the state, no walk of the chain);
    // checked once per (id, version): the cache above answers later reads of the same version.
    const problem = checkBinding(doc);
    if (problem !== undefined) {
      cache.delete(doc.id);
      throw new CorruptIncidentError(`store incident ${doc.id}`, problem.message);
    }
    return remember(canonicalFrozen(doc));
  };

  /** Reports a corrupt incident where no caller is waiting (and rethrows anything else). */
  const skipCorrupt = (id: string, error: unknown): void => {
    if (!(error instanceof CorruptIncidentError)) throw error;
    inspect({ type: 'corrupt', incidentId: id, detail: { message: error.message } });
  };

  const load = async (id: string, fresh: boolean): Promise<Incident | undefined> => {
    if (!fresh) {
      const cached = cache.get(id);
      if (cached !== undefined) return cached;
    }
    const doc = await store.get(id);
    if (doc === undefined) {
      cache.delete(id);
      return undefined;
    }
    return adopt(doc);
  };

  /**
   * A save reported by the store's change feed (`store.watch`, while anybody subscribes): one made
   * elsewhere is read and passed to the listeners with the entries this engine had not seen (the
   * whole timeline for an incident it never read). This engine's own saves are known by version:
   * every save runs in the incident's queue and is cached before the queue moves on.
   */
  const onStoredChange = (change: StoredChange): void => {
    if (disposed || listeners.size === 0) return;
    const known = cache.get(change.incidentId);
    if (known !== undefined && known.version >= change.version) return;
    queue
      .run(change.incidentId, async () => {
        const before = cache.get(change.incidentId);
        if (before !== undefined && before.version >= change.version) return;
        const incident = await load(change.incidentId, true);
        if (incident === undefined || incident.planId !== plan.definition.id) return;
        if (before !== undefined && incident.version <= before.version) return;
        emit(incident, incident.timeline.slice(before?.timeline.length ?? 0));
      })
      .catch((error: unknown) => inspect({ type: 'error', incidentId: change.incidentId, detail: { where: 'change-feed', message: String(error) } }));
  };
  let stopWatching: (() => void) | undefined;
  const listIncidents = incidentLister({ store, cacheSize, cached: (id) => cache.get(id), adopt, skipCorrupt });

  const emit = (incident: Incident, entries: readonly TimelineEntry[]): void => {
    if (listeners.size === 0) return;
    for (const listener of [...listeners]) {
      try {
        listener({ incident, entries });
      } catch (error) {
        inspect({ type: 'error', incidentId: incident.id, detail: { where: 'listener', message: String(error) } });
      }
    }
  };

  /**
   * Saves `next` over `expected`, its last new entry sealed with the state's digest
   * (state-binding.ts); returns the incident as saved, or undefined on a version conflict (the
   * cached copy is dropped).
   */
  const save = async (unsealed: Incident, expected: number, newEntries: readonly TimelineEntry[]): Promise<Incident | undefined> => {
    const { incident: next, entries } = bindState(unsealed, newEntries);
    try {
      await store.save(next, expected);
    } catch (error) {
      if (error instanceof VersionConflictError) {
        cache.delete(next.id);
        inspect({ type: 'conflict', incidentId: next.id, detail: { expected } });
        return undefined;
      }
      throw error;
    }
    remember(next);
    emit(next, entries);
    return next;
  };

  /** The incident under this plan: as loaded, migrated (not yet saved), or a plan-mismatch. */
  const underPlan = (incident: Incident, now: number): { incident: Incident; entries: TimelineEntry[] } | { error: SendError } => {
    if (incident.planHash === plan.hash) return { incident, entries: [] };
    return migrateIncident(plan, incident, now);
  };

  /** Delivers the outbox after a save; records each delivery or failure; returns the saved incident. */
  const deliver = async (incident: Incident): Promise<Incident> => {
    let current = incident;
    if (current.outbox.length === 0) return current;
    /** Effect id → why it failed, or undefined once delivered. */
    const outcomes = new Map<string, string | undefined>();
    for (const effect of current.outbox) {
      const handler = effects[effect.name];
      let error: string | undefined;
      if (handler === undefined) error = `no handler for effect "${effect.name}"`;
      else {
        try {
          await handler(effect, { incident: current, plan });
        } catch (thrown) {
          error = thrown instanceof Error ? thrown.message : String(thrown);
        }
      }
      inspect({
        type: 'effect',
        incidentId: current.id,
        detail: { effect: effect.id, name: effect.name, ok: error === undefined, ...(error === undefined ? {} : { error }) },
      });
      outcomes.set(effect.id, error);
    }
    for (let attempt = 0; attempt <= maxRetries; attempt++) {
      const recorded = recordDeliveries(plan, current, outcomes, Math.max(clock.now(), lastEntryMs(current)));
      if (recorded.entries.length === 0) return current;
      const saved = await save(recorded.incident, current.version, recorded.entries);
      if (saved !== undefined) return saved;
      const reloaded = await load(current.id, true);
      if (reloaded === undefined) return current;
      current = reloaded;
    }
    inspect({ type: 'error', incidentId: current.id, detail: { where: 'deliver', message: 'outbox not cleared after version conflicts' } });
    return current;
  };

  /**
   * Runs `change` on incident `id` as stored and saves what it returns, through the store's
   * `update` (read, decide and save under the incident's lock in the store: no version conflict
   * however many processes share the incident). Returns the incident as it now is (as saved, or as
   * stored when `change` saved nothing), or undefined when there is no such incident.
   * The cached copy is passed in, so the store reads the incident only when it is stale.
   */
  const updateLocked = async (
    update: NonNullable<IncidentStore['update']>,
    id: string,
    change: (current: Incident) => { incident: Incident; entries: readonly TimelineEntry[] } | undefined,
  ): Promise<Incident | undefined> => {
    let sealed: { incident: Incident; entries: readonly TimelineEntry[] } | undefined;
    const stored = await update.call(store, id, cache.get(id), (current) => {
      const changed = change(adopt(current));
      // Sealed with the state's digest (state-binding.ts) before the store writes it, as `save` does.
      sealed = changed === undefined ? undefined : bindState(changed.incident, changed.entries);
      return sealed?.incident;
    });
    if (stored === undefined) {
      cache.delete(id);
      return undefined;
    }
    if (sealed === undefined) return adopt(stored);
    remember(sealed.incident);
    emit(sealed.incident, sealed.entries);
    return sealed.incident;
  };

  /** One attempt at `event` on incident `id`: the decision, saved, or why nothing was saved; `conflict` to retry. */
  type SendAttempt = { applied: ReturnType<typeof applyEvent>; saved: Incident } | { error: SendError } | 'conflict';

  const sendAttempt = async (id: string, event: { type: string; by: { id: string; roles: string[] }; data: unknown }, fresh: boolean): Promise<SendAttempt> => {
    const notFound = { error: sendError('not-found', `no incident "${id}"`, { incidentId: id }) };
    /** A stored incident that fails its checks (state-binding.ts) is refused; no other incident is affected. */
    const corrupt = (error: CorruptIncidentError): { error: SendError } => ({ error: sendError('corrupt', `incident ${id} is refused: ${error.message}`, { incidentId: id }) });
    const decide = (loaded: Incident): { ready: { incident: Incident; entries: TimelineEntry[] } } | { error: SendError } => {
      const ready = underPlan(loaded, clock.now());
      return 'error' in ready ? { error: ready.error } : { ready };
    };
    if (store.update !== undefined) {
      let outcome: SendAttempt = notFound;
      let appliedHere: ReturnType<typeof applyEvent> | undefined;
      try {
        const found = await updateLocked(store.update, id, (current) => {
          const decided = decide(current);
          if ('error' in decided) {
            outcome = decided;
            return undefined;
          }
          const applied = applyEvent(plan, decided.ready.incident, event, clock.now());
          appliedHere = applied;
          return { incident: applied.incident, entries: [...decided.ready.entries, ...applied.entries] };
        });
        if (found === undefined) return notFound;
        return appliedHere === undefined ? outcome : { applied: appliedHere, saved: found };
      } catch (error) {
        if (error instanceof CorruptIncidentError) return corrupt(error);
        if (!(error instanceof VersionConflictError)) throw error;
        cache.delete(id);
        inspect({ type: 'conflict', incidentId: id, detail: { expected: error.expectedVersion } });
        return 'conflict';
      }
    }
    let loaded: Incident | undefined;
    try {
      loaded = (fresh ? undefined : cache.get(id)) ?? (await load(id, fresh));
    } catch (error) {
      if (error instanceof CorruptIncidentError) return corrupt(error);
      throw error;
    }
    if (loaded === undefined) return notFound;
    const decided = decide(loaded);
    if ('error' in decided) return decided;
    const applied = applyEvent(plan, decided.ready.incident, event, clock.now());
    const entries = [...decided.ready.entries, ...applied.entries];
    const saved = await save(applied.incident, loaded.version, entries);
    return saved === undefined ? 'conflict' : { applied, saved };
  };

  const sendNow = async (id: string, event: { type: string; by: { id: string; roles: string[] }; data: unknown }): Promise<SendResult> => {
    let fresh = false;
    for (let attempt = 0; attempt <= maxRetries; attempt++) {
      const outcome = await sendAttempt(id, event, fresh);
      if (outcome === 'conflict') {
        fresh = true;
        continue;
      }
      if ('error' in outcome) return { ok: false, error: outcome.error };
      const { applied, saved } = outcome;
      if (options.inspect !== undefined || instruments !== undefined) {
        inspect(
          applied.error === undefined
            ? { type: 'accepted', incidentId: id, detail: { event: event.type } }
            : { type: 'rejected', incidentId: id, detail: { event: event.type, code: applied.error.code } },
        );
      }
      const delivered = saved.outbox.length === 0 ? saved : await deliver(saved);
      schedule();
      return applied.error === undefined
        ? { ok: true, incident: delivered }
        : { ok: false, error: applied.error, incident: delivered };
    }
    return {
      ok: false,
      error: sendError('conflict', `incident ${id} kept changing elsewhere; gave up after ${maxRetries + 1} attempts`, {
        attempts: maxRetries + 1,
        incidentId: id,
      }),
    };
  };

  /**
   * `fireNow` through the store's `update`: the incident is the stored one, under its lock, so a
   * listed item that leads to no firing is reported as `claim-unfired` at once (no re-read).
   */
  const fireLocked = async (update: NonNullable<IncidentStore['update']>, id: string, now: number, listed: readonly DueDeadline[]): Promise<number> => {
    let fired: { next: Incident; entries: TimelineEntry[] } | undefined;
    let unfired: Incident | undefined;
    const latest = await updateLocked(update, id, (current) => {
      if (current.closed) return undefined;
      const ready = underPlan(current, now);
      if ('error' in ready) {
        inspect({ type: 'error', incidentId: id, detail: { code: ready.error.code, message: ready.error.message } });
        return undefined;
      }
      const entries = [...ready.entries];
      const caught = catchUp(plan, ready.incident, now, entries);
      if (entries.length === 0) {
        unfired = current;
        return undefined;
      }
      fired = { next: withVersion(caught, current.version + 1), entries };
      return { incident: fired.next, entries };
    });
    if (fired === undefined) {
      if (unfired !== undefined && listed.length > 0) {
        inspect({
          type: 'claim-unfired',
          incidentId: id,
          detail: { version: unfired.version, items: listed.map((item) => ({ deadline: item.deadlineId, instance: item.instance, dueAt: item.dueAt })) },
        });
      }
      return 0;
    }
    const { next, entries } = fired;
    const breached = entries.filter((e) => e.type === 'deadline-breached').length;
    const count = breached + entries.filter((e) => e.type === 'reminder').length;
    inspect({ type: 'fired', incidentId: id, detail: { fired: count, breached } });
    await deliver(latest ?? next);
    return count;
  };

  /**
   * Fires what is due on one incident at `now`; returns the number of firings. `listed` are the
   * store's due items for this incident (claimed or found by `dueBefore`): the store says something
   * is due, so when the cached copy has nothing to fire it may predate the arming (another engine
   * armed the deadline) and the incident is read again as stored before concluding there is nothing.
   * A listed item that still leads to no firing is reported as `claim-unfired`.
   */
  const fireNow = async (id: string, now: number, listed: readonly DueDeadline[]): Promise<number> => {
    if (store.update !== undefined) return fireLocked(store.update, id, now, listed);
    let fresh = false;
    for (let attempt = 0; attempt <= maxRetries; attempt++) {
      const loaded = await load(id, fresh);
      if (loaded === undefined || loaded.closed) return 0;
      const ready = underPlan(loaded, now);
      if ('error' in ready) {
        inspect({ type: 'error', incidentId: id, detail: { code: ready.error.code, message: ready.error.message } });
        return 0;
      }
      const entries = [...ready.entries];
      const caught = catchUp(plan, ready.incident, now, entries);
      if (entries.length === 0) {
        if (listed.length === 0) return 0;
        if (!fresh) {
          fresh = true;
          continue;
        }
        inspect({
          type: 'claim-unfired',
          incidentId: id,
          detail: { version: loaded.version, items: listed.map((item) => ({ deadline: item.deadlineId, instance: item.instance, dueAt: item.dueAt })) },
        });
        return 0;
      }
      const saved = await save(withVersion(caught, loaded.version + 1), loaded.version, entries);
      if (saved === undefined) {
        fresh = true;
        continue;
      }
      const breached = entries.filter((e) => e.type === 'deadline-breached').length;
      const fired = breached + entries.filter((e) => e.type === 'reminder').length;
      inspect({ type: 'fired', incidentId: id, detail: { fired, breached } });
      await deliver(saved);
      return fired;
    }
    inspect({ type: 'error', incidentId: id, detail: { where: 'runDue', message: 'version conflicts' } });
    return 0;
  };

  /** Checks the event's envelope and queues it behind the incident's other work. */
  const enqueueSend = (incidentId: string, event: EngineEvent): Promise<SendResult> => {
    const parsed = parseEventInput(event);
    if (!parsed.ok) return Promise.resolve({ ok: false, error: parsed.error });
    return queue.run(incidentId, () => sendNow(incidentId, parsed.event));
  };

  const runDueNow = async (): Promise<number> => {
    const now = clock.now();
    // Stores list instances by due time; a reminder is due up to `maxReminderMs` earlier, so look
    // that far ahead. With a multi-process store, claim only what is due now (a claim leases the
    // item to this engine; claiming early would hold it back from others): reminders are then
    // found with the plain query, and firing stays exactly-once through the version check.
    const horizon = iso(now + plan.maxReminderMs);
    const items = store.claimDue
      ? [
          ...(await store.claimDue(iso(now), owner, leaseMs, 10_000)),
          ...(plan.maxReminderMs > 0 ? await store.dueBefore(horizon) : []),
        ]
      : await store.dueBefore(horizon);
    items.sort((a, b) => msOf(a.dueAt) - msOf(b.dueAt) || (a.incidentId < b.incidentId ? -1 : a.incidentId > b.incidentId ? 1 : 0));
    /** Incident id → the store's due items for it (empty for an incident only this engine's wake times name). */
    const listedById = new Map<string, DueDeadline[]>();
    for (const item of items) {
      const listed = listedById.get(item.incidentId);
      if (listed === undefined) listedById.set(item.incidentId, [item]);
      else listed.push(item);
    }
    for (const id of wake.dueBy(now)) if (!listedById.has(id)) listedById.set(id, []);
    let fired = 0;
    for (const [id, listed] of listedById) {
      const fire = () => queue.run(id, () => fireNow(id, now, listed));
      try {
        fired += instruments === undefined ? await fire() : await instruments.span('planwright.fire', { 'planwright.incident_id': id }, fire, (count) => ({ 'planwright.fired': count }));
      } catch (error) {
        // One incident that cannot be read or saved must not stop the deadlines of the others: a
        // corrupt one is reported as such, anything else as an error, and the run goes on.
        if (error instanceof CorruptIncidentError) skipCorrupt(id, error);
        else inspect({ type: 'error', incidentId: id, detail: { where: 'runDue', message: String(error) } });
      }
    }
    return fired;
  };

  function schedule(): void {
    if (disposed || clock.schedule === undefined) return;
    const now = clock.now();
    const at = Math.min(now + MAX_SLEEP_MS, wake.earliest() ?? Infinity);
    if (timer !== undefined && timer.at <= at) return;
    timer?.cancel();
    const target = Math.max(at, now);
    const cancel = clock.schedule(target, () => {
      timer = undefined;
      if (disposed) return;
      void runDueNow()
        .catch((error: unknown) => inspect({ type: 'error', detail: { where: 'scheduler', message: String(error) } }))
        .finally(schedule);
    });
    timer = { at: target, cancel };
  }

  const started = (async () => {
    try {
      for (const { incidentId, error } of (await store.corrupt?.()) ?? []) {
        inspect({ type: 'error', incidentId, detail: { where: 'start', message: String(error) } });
      }
      const ids = store.withPendingEffects
        ? await store.withPendingEffects()
        : (await store.list()).filter((i) => i.outbox.length > 0).map((i) => i.id);
      for (const id of ids) {
        await queue
          .run(id, async () => {
            const incident = await load(id, true);
            if (incident !== undefined && incident.planHash === plan.hash) await deliver(incident);
          })
          .catch((error: unknown) => {
            if (error instanceof CorruptIncidentError) skipCorrupt(id, error);
            else inspect({ type: 'error', incidentId: id, detail: { where: 'start', message: String(error) } });
          });
      }
      if (clock.schedule !== undefined) {
        for (const item of await store.dueBefore(FAR_FUTURE)) {
          const at = Date.parse(item.dueAt) - plan.maxReminderMs;
          if (!(at >= (wake.get(item.incidentId) ?? Infinity))) wake.set(item.incidentId, at);
        }
        schedule();
      }
    } catch (error) {
      inspect({ type: 'error', detail: { where: 'start', message: String(error) } });
    }
  })();

  let startedDone = false;
  void started.then(() => {
    startedDone = true;
  });
  /** Resolves once start-up is done (at once after that); rejects once disposed. */
  const ready = (): Promise<void> | undefined => {
    if (disposed) throw new EngineError('disposed', 'the engine has been disposed');
    return startedDone ? undefined : started;
  };

  return {
    plan,

    async open(input: OpenIncidentInput) {
      await ready();
      const parsed = parseOpenInput(input, plan);
      const id = newId();
      const opened = openIncident(plan, { ...parsed, id }, clock.now());
      const { incident, entries } = bindState(opened.incident, opened.entries);
      // Saved and cached inside the incident's queue, like every other save: the change feed's
      // handler for this id then runs after it and knows the version as this engine's own.
      await queue.run(id, async () => {
        try {
          await store.save(incident, 0);
        } catch (error) {
          if (error instanceof VersionConflictError) {
            throw new EngineError('conflict', `an incident with id ${id} already exists`, { incidentId: id });
          }
          throw error;
        }
        remember(incident);
      });
      emit(incident, entries);
      inspect({ type: 'opened', incidentId: id });
      // Deliver from the newest version: if anything got in first, its own delivery has already
      // handled (and removed) these effects.
      const delivered = await queue.run(id, () => {
        const latest = cache.get(id);
        return deliver(latest !== undefined && latest.version > incident.version ? latest : incident);
      });
      schedule();
      return delivered;
    },

    async send(incidentId: string, event: EngineEvent) {
      // Always a turn of the event loop before queueing (even once started): a send made from a
      // listener or effect handler while open() runs then queues behind open's own delivery.
      await ready();
      if (!isIncidentId(incidentId)) return { ok: false, error: sendError('not-found', `no incident ${JSON.stringify(incidentId)}: not a valid incident id`, { incidentId }) };
      if (instruments === undefined) return enqueueSend(incidentId, event);
      return instruments.span(
        'planwright.send',
        { 'planwright.incident_id': incidentId, 'planwright.event': String((event as Partial<EngineEvent> | undefined)?.type) },
        () => enqueueSend(incidentId, event),
        (result) => (result.ok ? { 'planwright.outcome': 'accepted' } : { 'planwright.outcome': 'refused', 'planwright.code': result.error.code }),
      );
    },

    async get(incidentId: string) {
      await ready();
      if (!isIncidentId(incidentId)) return undefined;
      const doc = await store.get(incidentId);
      return doc === undefined ? undefined : adopt(doc);
    },

    async list(filter?: ListFilter) {
      await ready();
      return listIncidents(filter, clock.now());
    },

    async ready() {
      await ready();
      await store.ping?.();
    },

    subscribe(listener) {
      listeners.add(listener);
      if (stopWatching === undefined && !disposed) stopWatching = store.watch?.(onStoredChange);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          stopWatching?.();
          stopWatching = undefined;
        }
      };
    },

    async runDue() {
      await ready();
      const fired = await runDueNow();
      schedule();
      return fired;
    },

    async dispose() {
      if (disposed) return;
      disposed = true;
      timer?.cancel();
      timer = undefined;
      await started;
      stopWatching?.();
      stopWatching = undefined;
      await queue.idle();
      listeners.clear();
    },
  };
}

