import type { Draft } from 'immer';
import { canonicalize } from '../compile/canonical-json.js';
import type { CompiledPlan } from '../compile/compiled-plan.js';
import type { Actor, DeadlineInstance, Incident, PendingEffect, TimelineEntry } from './incident.js';
import { chainEntry, type EntryFields } from './timeline.js';

/** ISO 8601 (UTC, ms) text of a time in ms. */
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * One change to an incident in progress (inside an immer producer): the draft, the plan, the
 * time the change happens at, and helpers that keep every written object in canonical key order.
 * @internal
 */
export class IncidentChange {
  /** Time of what is being applied now (ms); moves forward while overdue deadlines fire. */
  now: number;
  /** Entries appended by this change. */
  readonly entries: TimelineEntry[] = [];

  constructor(
    readonly plan: CompiledPlan,
    readonly draft: Draft<Incident>,
    now: number,
  ) {
    this.now = now;
  }

  /** The time of the last timeline entry (ms), or -Infinity. */
  lastEntryMs(): number {
    const last = this.draft.timeline[this.draft.timeline.length - 1];
    return last === undefined ? Number.NEGATIVE_INFINITY : Date.parse(last.at);
  }

  /** Appends a hash-chained timeline entry stamped `this.now`. */
  append(type: EntryFields['type'], result: EntryFields['result'], data?: Record<string, unknown>, by?: Actor): TimelineEntry {
    const prev = this.draft.timeline[this.draft.timeline.length - 1];
    const fields: EntryFields = { at: iso(this.now), type, result };
    if (data !== undefined) fields.data = canonicalize(data);
    if (by !== undefined) fields.by = by;
    const entry = chainEntry(prev, fields);
    this.draft.timeline.push(entry as Draft<TimelineEntry>);
    this.entries.push(entry);
    return entry;
  }

  /** Replaces deadline instance `index` by a canonical copy with `patch` applied. */
  patchInstance(index: number, patch: Partial<DeadlineInstance>): void {
    const current = this.draft.deadlines[index];
    if (current === undefined) return;
    this.draft.deadlines[index] = canonicalize({ ...current, remindersSent: [...current.remindersSent], ...patch });
  }

  /** Queues an effect in the outbox, caused by timeline entry `cause`. */
  queueEffect(name: string, payload: Record<string, unknown>, cause: TimelineEntry): void {
    const index = this.draft.outbox.filter((e) => e.id.startsWith(`${this.draft.id}:${cause.seq}:`)).length;
    const effect: PendingEffect = {
      at: iso(this.now),
      id: `${this.draft.id}:${cause.seq}:${index}`,
      name,
      payload: canonicalize(payload),
    };
    this.draft.outbox.push(effect as Draft<PendingEffect>);
  }

  /** Values conditions read: the incident's field values (with `extra` laid over them). */
  values(extra?: Readonly<Record<string, unknown>>): Record<string, unknown> {
    return extra === undefined ? (this.draft.data as Record<string, unknown>) : { ...this.draft.data, ...extra };
  }

  /** Values templates read: built-in placeholders and field values. */
  templateValues(): Record<string, unknown> {
    return {
      ...this.draft.data,
      title: this.draft.title,
      severity: this.draft.severity ?? '',
      category: this.draft.category,
      openedAt: this.draft.openedAt,
      incidentId: this.draft.id,
      stage: this.draft.stage,
    };
  }
}
