import { randomUUID } from 'node:crypto';
import { loadBundle } from '../bundle/load-bundle.js';
import type { CompiledPlan } from '../compile/compiled-plan.js';
import { systemClock } from './clock.js';
import { parseEventInput, parseOpenInput } from './engine-input.js';
import type { Engine, EngineEvent, EngineOptions, ListFilter, OpenIncidentInput, SendResult } from './engine-types.js';
import type { LoosePlanTypes, PlanTypes } from './typed-plan.js';
import type { BundleJson, PlanBundle } from '../bundle/bundle-format.js';
import type { Incident, IncidentSnapshot, TimelineEntry } from './incident.js';
import { wholeIncident } from './incident-snapshot.js';
import { KeyedQueue } from './keyed-queue.js';
import { engineInstruments } from './telemetry.js';
import { openIncident } from './open-incident.js';
import { EngineError, sendError } from './send-error.js';
import { CorruptIncidentError } from './stores/incident-document.js';
import { bindState } from './state-binding.js';
import { memoryStore } from './stores/memory-store.js';
import type { IncidentStore } from './stores/store.js';
import { adaptStoreV1, isIncidentStore } from './stores/store-v1-adapter.js';
import { isIncidentId } from './stores/incident-id.js';
import { checkEffectHandlers } from './check-effect-handlers.js';
import { changeFeed } from './engine/change-feed.js';
import { deadlineFiring } from './engine/deadline-firing.js';
import { deadlineScheduler } from './engine/deadline-scheduler.js';
import { effectDelivery } from './engine/effect-delivery.js';
import { IncidentCache } from './engine/incident-cache.js';
import { incidentReader } from './engine/incident-reader.js';
import { incidentWriter } from './engine/incident-writer.js';
import { engineInspector } from './engine/inspector.js';
import { sendPipeline } from './engine/send-pipeline.js';
import { startUp } from './engine/start-up.js';
import { incidentLister } from './list-incidents.js';

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

/**
 * The engine, composed of its parts (src/runtime/engine/, docs/semantics.md "How a send flows"):
 * a cache of incidents, a reader and a writer (the one place that seals and saves a change), the
 * send pipeline, effect delivery, deadline firing and the scheduler that wakes for it, the change
 * feed, and start-up. Every piece of work on an incident runs in that incident's queue, one at a time.
 */
function planEngine(source: PlanBundle | BundleJson | CompiledPlan, options: EngineOptions): Engine {
  const plan = isCompiledPlan(source) ? source : loadBundle(source);
  const clock = options.clock ?? systemClock;
  const given = options.store ?? memoryStore();
  const store: IncidentStore = isIncidentStore(given) ? given : adaptStoreV1(given);
  const effects = options.effects ?? {};
  checkEffectHandlers(plan, effects);
  const newId = options.newId ?? (() => randomUUID());
  const maxRetries = options.maxRetries ?? 5;
  const queue = new KeyedQueue();
  const cacheSize = options.cacheSize ?? 1000;
  const cache = new IncidentCache(cacheSize);
  let disposed = false;

  const instruments = engineInstruments(options.telemetry);
  const inspect = engineInspector(options.inspect, instruments);

  /** Every snapshot the engine saves or reads is cached, and its next due time noted. */
  const remember = (incident: IncidentSnapshot): void => {
    cache.remember(incident);
    scheduler.track(incident);
  };
  const reader = incidentReader(store, cache, remember);
  const feed = changeFeed({ store, planId: plan.definition.id, reader, queue, inspect, isDisposed: () => disposed });
  const writer = incidentWriter({ store, cache, reader, inspect, remember, onSaved: feed.emit });
  const deliver = effectDelivery({ plan, effects, clock, writer, inspect, maxRetries });
  const fire = deadlineFiring({ plan, writer, deliver, inspect, maxRetries });
  const scheduler = deadlineScheduler({ plan, store, clock, queue, fire, inspect, instruments, owner: `engine-${randomUUID()}`, leaseMs: options.leaseMs ?? 60_000 });
  const send = sendPipeline({ plan, clock, writer, deliver, scheduler, inspect, maxRetries });

  /** Reports a corrupt incident where no caller is waiting (and rethrows anything else). */
  const skipCorrupt = (id: string, error: unknown): void => {
    if (!(error instanceof CorruptIncidentError)) throw error;
    inspect({ type: 'corrupt', incidentId: id, detail: { message: error.message } });
  };
  const listIncidents = incidentLister({ store, cacheSize, adopt: (doc) => reader.adoptIncident(doc), skipCorrupt });

  /** Checks the event's envelope and queues it behind the incident's other work. */
  const enqueueSend = (incidentId: string, event: EngineEvent): Promise<SendResult> => {
    const parsed = parseEventInput(event);
    if (!parsed.ok) return Promise.resolve({ ok: false, error: parsed.error });
    return queue.run(incidentId, () => send(incidentId, parsed.event));
  };

  const started = startUp({ plan, store, clock, queue, reader, deliver, scheduler, inspect });
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
      const { snapshot: incident, entries } = bindState(opened.incident, opened.entries);
      // Saved and cached inside the incident's queue, like every other save: the change feed's
      // handler for this id then runs after it and knows the version as this engine's own.
      await queue.run(id, () => writer.create(incident, entries));
      feed.emit(incident, entries);
      inspect({ type: 'opened', incidentId: id });
      // Deliver from the newest version: if anything got in first, its own delivery has already
      // handled (and removed) these effects, and the incident is read whole.
      const delivered = await queue.run(id, async () => {
        const latest = cache.get(id);
        if (latest === undefined || latest.version <= incident.version) return wholeOpened(await deliver(incident));
        await deliver(latest);
        // Changed meanwhile: read whole.
        const stored = await store.get(id);
        if (stored === undefined) throw new EngineError('not-found', `incident ${id} vanished after it was opened`, { incidentId: id });
        return reader.adoptIncident(stored);
      });
      scheduler.schedule();
      return delivered;

      function wholeOpened(done: { incident: IncidentSnapshot; entries: readonly TimelineEntry[] }): Incident {
        return wholeIncident(done.incident, entries.concat(done.entries));
      }
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
      return doc === undefined ? undefined : reader.adoptIncident(doc);
    },

    async snapshot(incidentId: string) {
      await ready();
      if (!isIncidentId(incidentId)) return undefined;
      // Read from the store (another process may have saved since); the cache spares the digest check of a version already seen.
      return reader.load(incidentId, true);
    },

    async timeline(incidentId, page) {
      await ready();
      if (!isIncidentId(incidentId)) return [];
      return store.timeline(incidentId, page);
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
      return feed.subscribe(listener);
    },

    async runDue() {
      await ready();
      const fired = await scheduler.runDue();
      scheduler.schedule();
      return fired;
    },

    async dispose() {
      if (disposed) return;
      disposed = true;
      scheduler.stop();
      await started;
      feed.stopWatching();
      await queue.idle();
      feed.close();
    },
  };
}
