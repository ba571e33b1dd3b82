import { randomUUID } from 'node:crypto';
import { stringify } from 'yaml';
import { type Actor, afterActionReport, type AvailableEvent, availableEvents, type CompiledPlan, compilePlan, createEngine, createManualClock, type Engine, type Incident, type Locale, type ManualClock, memoryStore, type PendingEffect, type PlanDefinition, refusalMeaning, refusalText } from '../index.js';
import { StudioError } from './studio-error.js';

/** A field of an event's form: its id, title and type as the plan declares them. */
export interface FormField {
  id: string;
  title: string;
  type: string;
  required: boolean;
  /** For `enum` and `severity` fields: the values to choose from. */
  values?: string[];
  min?: number;
  max?: number;
}

/** An event the acting person may send now, with its form. */
export interface OfferedEvent extends AvailableEvent {
  title: string;
  fields: FormField[];
}

/** What the rehearsal panel shows after every action. */
export interface RehearsalView {
  id: string;
  now: string;
  /** Time since the rehearsal opened (ms). */
  elapsedMs: number;
  stage: string;
  severity: string | null;
  closed: boolean;
  pending: Array<{ deadline: string; dueAt: string; leftMs: number }>;
  breaches: string[];
  /** Every notification so far, newest last. */
  notifications: Array<{ at: string; roles: string[]; reason: string; deadline?: string }>;
  /** The timeline, newest last (type, time, who, event; for a refused event its code and what it means). */
  log: Array<{ at: string; type: string; by?: string; event?: string; result: string; refusal?: { code: string; message: string } }>;
}

interface SentStep {
  atMs: number;
  by?: string;
  send?: string;
  data?: Record<string, unknown>;
}

interface Session {
  id: string;
  plan: CompiledPlan;
  engine: Engine;
  clock: ManualClock;
  incidentId: string;
  startMs: number;
  people: Map<string, string[]>;
  steps: SentStep[];
  opener: Actor;
  openTitle: string;
  category: string;
  severity?: string;
  effects: PendingEffect[];
  /** The language refusals are told in: the page's, as of its last request that said. */
  locale: Locale;
}

/** Most rehearsals kept at once (the oldest is dropped). */
const MAX_SESSIONS = 20;

function titleText(title: unknown, locale: string, fallback: string): string {
  if (typeof title === 'string') return title;
  if (title !== null && typeof title === 'object') {
    const texts = title as Record<string, string>;
    return texts[locale] ?? Object.values(texts)[0] ?? fallback;
  }
  return fallback;
}

/** Checks an actor from a request: an id and a list of role ids. */
export function actorOf(value: unknown): Actor {
  const raw = (value ?? {}) as { id?: unknown; roles?: unknown };
  if (typeof raw.id !== 'string' || raw.id.trim() === '' || raw.id.length > 100) throw new StudioError(400, 'bad-actor', 'the acting person needs an id');
  if (!Array.isArray(raw.roles) || raw.roles.length > 100 || !raw.roles.every((r) => typeof r === 'string')) throw new StudioError(400, 'bad-actor', 'the acting person needs a list of role ids');
  return { id: raw.id.trim(), roles: raw.roles as string[] };
}

/**
 * Tabletop exercises: incidents of the page's current plan on a manual clock, run by the real
 * engine (so authorization, field checks and deadlines are exactly what production does), and
 * exported as an after-action report and as a drill file that replays them.
 */
export class Rehearsals {
  readonly #sessions = new Map<string, Session>();

  /** Opens an incident at `start` (default now), acted by `by`. */
  async open(definition: PlanDefinition, input: { by: Actor; title: string; category: string; severity?: string; start?: string; locale?: Locale }): Promise<RehearsalView> {
    const plan = compilePlan(definition);
    const startMs = input.start === undefined ? Date.now() : Date.parse(input.start);
    if (!Number.isFinite(startMs)) throw new StudioError(400, 'bad-time', `"${input.start}" is not a time`);
    const clock = createManualClock(new Date(startMs).toISOString());
    const effects: PendingEffect[] = [];
    const engine = createEngine(plan, { clock, store: memoryStore(), effects: { notify: (effect) => void effects.push(effect) }, newId: () => `rehearsal-${randomUUID().slice(0, 8)}` });
    if (!definition.categories.some((c) => c.id === input.category)) throw new StudioError(400, 'bad-category', `the plan has no category "${input.category}"`);
    const openInput = { by: input.by, title: input.title, category: input.category, ...(input.severity === undefined || input.severity === '' ? {} : { severity: input.severity }) };
    let incident: Incident;
    try {
      incident = await engine.open(openInput);
    } catch (error) {
      throw new StudioError(400, 'open-failed', error instanceof Error ? error.message : String(error));
    }
    const id = incident.id;
    const session: Session = { id, plan, engine, clock, incidentId: id, startMs, people: new Map([[input.by.id, [...input.by.roles]]]), steps: [], opener: input.by, openTitle: input.title, category: input.category, effects, locale: input.locale ?? 'en' };
    if (openInput.severity !== undefined) session.severity = openInput.severity;
    this.#sessions.set(id, session);
    if (this.#sessions.size > MAX_SESSIONS) {
      const oldest = this.#sessions.keys().next().value as string;
      await this.#sessions.get(oldest)?.engine.dispose();
      this.#sessions.delete(oldest);
    }
    return this.view(session);
  }

  #session(id: unknown): Session {
    const session = typeof id === 'string' ? this.#sessions.get(id) : undefined;
    if (session === undefined) throw new StudioError(404, 'no-rehearsal', 'no such rehearsal (open one first)');
    return session;
  }

  async #incident(session: Session): Promise<Incident> {
    const incident = await session.engine.get(session.incidentId);
    if (incident === undefined) throw new StudioError(404, 'no-rehearsal', 'the rehearsal incident is gone');
    return incident;
  }

  /** The events `actor` may send now, with a form per event from the plan's field types. */
  async available(id: unknown, actor: Actor, locale: string): Promise<OfferedEvent[]> {
    const session = this.#session(id);
    const incident = await this.#incident(session);
    const definition = session.plan.definition;
    return availableEvents(session.plan, incident, actor).map((event) => {
      const declaration = definition.events.find((e) => e.id === event.event);
      const field = (fieldId: string, required: boolean): FormField => {
        const declared = definition.fields.find((f) => f.id === fieldId);
        const out: FormField = { id: fieldId, title: titleText(declared?.title, locale, fieldId), type: declared?.type ?? 'text', required };
        if (declared?.type === 'enum') out.values = [...declared.values];
        if (declared?.type === 'severity') out.values = definition.severity.map((s) => s.id);
        if (declared?.type === 'number') {
          if (declared.min !== undefined) out.min = declared.min;
          if (declared.max !== undefined) out.max = declared.max;
        }
        return out;
      };
      return {
        ...event,
        title: titleText(declaration?.title, locale, event.event),
        fields: [...event.requires.map((f) => field(f, true)), ...event.optional.map((f) => field(f, false))],
      };
    });
  }

  /** Sends an event as `actor`; a refusal is returned as the engine's code and its message in `locale` (default: the rehearsal's). */
  async send(id: unknown, actor: Actor, event: string, data: Record<string, unknown>, locale?: Locale): Promise<{ ok: boolean; error?: { code: string; message: string }; view: RehearsalView }> {
    const session = this.#session(id);
    if (locale !== undefined) session.locale = locale;
    const result = await session.engine.send(session.incidentId, { type: event, by: actor, data });
    session.people.set(actor.id, [...actor.roles]);
    if (result.ok) session.steps.push({ atMs: session.clock.now() - session.startMs, by: actor.id, send: event, data });
    const view = await this.view(session);
    return result.ok ? { ok: true, view } : { ok: false, error: { code: result.error.code, message: refusalText(result.error, session.locale) }, view };
  }

  /** Moves the clock forward (`30m`, `2h`) and fires what fell due on the way, in order. */
  async advance(id: unknown, by: unknown): Promise<RehearsalView> {
    const session = this.#session(id);
    if (typeof by !== 'string' || by.length > 20) throw new StudioError(400, 'bad-duration', 'give a duration such as 30m or 2h');
    try {
      session.clock.advance(by);
    } catch (error) {
      throw new StudioError(400, 'bad-duration', error instanceof Error ? error.message : String(error));
    }
    await session.engine.runDue();
    session.steps.push({ atMs: session.clock.now() - session.startMs });
    return this.view(session);
  }

  /** The rehearsal's current state. */
  async view(sessionOrId: Session | unknown): Promise<RehearsalView> {
    const session = typeof sessionOrId === 'object' && sessionOrId !== null && 'engine' in sessionOrId ? (sessionOrId as Session) : this.#session(sessionOrId);
    const incident = await this.#incident(session);
    const now = session.clock.now();
    return {
      id: session.id,
      now: new Date(now).toISOString(),
      elapsedMs: now - session.startMs,
      stage: incident.stage,
      severity: incident.severity,
      closed: incident.closed,
      pending: incident.deadlines.filter((d) => d.status === 'pending').map((d) => ({ deadline: d.id, dueAt: d.dueAt, leftMs: Date.parse(d.dueAt) - now })),
      breaches: [...new Set(incident.deadlines.filter((d) => d.status === 'breached').map((d) => d.id))],
      notifications: session.effects.map((effect) => {
        const payload = effect.payload as { roles?: unknown; reason?: unknown; deadline?: unknown };
        const out: { at: string; roles: string[]; reason: string; deadline?: string } = {
          at: effect.at,
          roles: Array.isArray(payload.roles) ? payload.roles.map(String) : [],
          reason: typeof payload.reason === 'string' ? payload.reason : effect.name,
        };
        if (typeof payload.deadline === 'string') out.deadline = payload.deadline;
        return out;
      }),
      log: incident.timeline.map((entry) => {
        const out: RehearsalView['log'][number] = { at: entry.at, type: entry.type, result: entry.result };
        if (entry.by !== undefined) out.by = entry.by.id;
        const code = entry.type === 'rejected' ? entry.data?.['code'] : undefined;
        if (typeof code === 'string') out.refusal = { code, message: refusalMeaning(code, session.locale) };
        if (typeof entry.data?.['event'] === 'string') out.event = entry.data['event'];
        else if (typeof entry.data?.['deadline'] === 'string') out.event = entry.data['deadline'];
        else if (typeof entry.data?.['stage'] === 'string') out.event = entry.data['stage'];
        return out;
      }),
    };
  }

  /**
   * The rehearsal as an after-action report (Markdown and HTML, the report library's) and as a
   * drill file that replays it: the same people, opening, events at the same offsets, and the
   * stage and breaches reached as expectations.
   */
  async export(id: unknown, locale: string): Promise<{ markdown: string; html: string; drill: string }> {
    const session = this.#session(id);
    const incident = await this.#incident(session);
    const report = afterActionReport(incident, session.plan, { locale });
    const offset = (msValue: number): string => {
      const minutes = Math.round(msValue / 60_000);
      if (minutes === 0) return '0m';
      const days = Math.floor(minutes / 1440);
      const hours = Math.floor((minutes % 1440) / 60);
      const rest = minutes % 60;
      return `${days > 0 ? `${days}d` : ''}${hours > 0 ? `${hours}h` : ''}${rest > 0 ? `${rest}m` : ''}`;
    };
    const steps = session.steps.map((step) => {
      const out: Record<string, unknown> = { at: offset(step.atMs) };
      if (step.send !== undefined) {
        out['by'] = step.by;
        out['send'] = step.send;
        if (step.data !== undefined && Object.keys(step.data).length > 0) out['data'] = step.data;
      }
      return out;
    });
    const breaches = [...new Set(incident.timeline.filter((e) => e.type === 'deadline-breached').map((e) => String(e.data?.['deadline'] ?? '')))];
    const drill = {
      drill: `${session.openTitle} (rehearsal ${new Date(session.startMs).toISOString().slice(0, 16)})`,
      start: new Date(session.startMs).toISOString(),
      people: Object.fromEntries(session.people),
      open: { by: session.opener.id, title: session.openTitle, category: session.category, ...(session.severity === undefined ? {} : { severity: session.severity }) },
      steps: steps.filter((step, index) => step['send'] !== undefined || index === steps.length - 1),
      expect: { stage: incident.stage, breaches },
    };
    if (drill.steps.length === 0) (drill as Record<string, unknown>)['steps'] = [{ at: '0m', expect: { stage: incident.stage } }];
    return { markdown: report.markdown, html: report.html, drill: `# Recorded in planwright studio.\n${stringify(drill)}` };
  }

  /** Stops every rehearsal engine. */
  async dispose(): Promise<void> {
    for (const session of this.#sessions.values()) await session.engine.dispose();
    this.#sessions.clear();
  }
}
