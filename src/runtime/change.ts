import { produce } from 'immer';
import { canonicalize } from '../compile/canonical-json.js';
import type { CompiledPlan } from '../compile/compiled-plan.js';
import type { Actor, DeadlineInstance, Incident, PendingEffect, TimelineEntry } from './incident.js';
import { chainEntry, type EntryFields } from './timeline.js';

let lastMs = Number.NaN;
let lastIso = '';

/** ISO 8601 (UTC, ms) text of a time in ms (the last one is remembered: changes stamp many entries alike). *
 * @example
 * iso(0); // '1970-01-01T00:00:00.000Z'
 */
export function iso(ms: number): string {
  if (ms !== lastMs) {
    lastIso = new Date(ms).toISOString();
    lastMs = ms;
  }
  return lastIso;
}

/** Incident fields a change may write. */
const FIELDS = ['stage', 'state', 'tracks', 'severity', 'data', 'deadlines', 'outbox', 'timeline', 'version', 'closed', 'closedAt', 'planHash', 'planVersion'] as const;

/**
 * One change to an incident in progress: a plain working copy (`doc`, its arrays copied, their
 * items shared with the frozen base), the plan, the time the change happens at, and helpers that
 * keep every written object in canonical key order. {@link IncidentChange.commit} hands the
 * changed fields to immer's `produce`, which shares what did not change and freezes the result.
 * Working on plain arrays, not on immer drafts, keeps long timelines cheap.
 * @internal
 */
export class IncidentChange {
  /** Time of what is being applied now (ms); moves forward while overdue deadlines fire. */
  now: number;
  /** Entries appended by this change. */
  readonly entries: TimelineEntry[] = [];
  /** The working copy. */
  readonly doc: Incident;

  constructor(
    readonly plan: CompiledPlan,
    readonly base: Incident,
    now: number,
  ) {
    this.now = now;
    this.doc = {
      ...base,
      deadlines: [...base.deadlines],
      outbox: [...base.outbox],
      timeline: [...base.timeline],
      tracks: [...base.tracks],
    };
  }

  /** The next incident: the base with the changed fields (immer `produce`, frozen). */
  commit(): Incident {
    const { base, doc } = this;
    // Freeze what is new before immer sees it, so that its deep freeze stops at frozen nodes
    // instead of walking the whole (long, already frozen) timeline on every change.
    freezeNew(doc.timeline, true);
    freezeNew(doc.deadlines, false);
    freezeNew(doc.outbox, false);
    freezeNew(doc.tracks, false);
    deepFreeze(doc.data);
    deepFreeze(doc.state);
    return produce(base, (draft) => {
      const target = draft as unknown as Record<string, unknown>;
      const source = doc as unknown as Record<string, unknown>;
      const original = base as unknown as Record<string, unknown>;
      for (const key of FIELDS) {
        const value = source[key];
        if (Array.isArray(value) && Array.isArray(original[key]) && sameItems(value, original[key] as unknown[])) continue;
        if (value !== original[key]) target[key] = value;
      }
    });
  }

  /** The time of the last timeline entry (ms), or -Infinity. */
  lastEntryMs(): number {
    const last = this.doc.timeline[this.doc.timeline.length - 1];
    return last === undefined ? Number.NEGATIVE_INFINITY : Date.parse(last.at);
  }

  /** Appends a hash-chained timeline entry stamped `this.now`. */
  append(type: EntryFields['type'], result: EntryFields['result'], data?: Record<string, unknown>, by?: Actor): TimelineEntry {
    const prev = this.doc.timeline[this.doc.timeline.length - 1];
    const fields: EntryFields = { at: iso(this.now), type, result };
    if (data !== undefined) fields.data = canonicalize(data);
    if (by !== undefined) fields.by = by;
    const entry = chainEntry(prev, fields);
    this.doc.timeline.push(entry);
    this.entries.push(entry);
    return entry;
  }

  /** Replaces deadline instance `index` by a canonical copy with `patch` applied. */
  patchInstance(index: number, patch: Partial<DeadlineInstance>): void {
    const current = this.doc.deadlines[index];
    if (current === undefined) return;
    this.doc.deadlines[index] = canonicalize({ ...current, remindersSent: [...current.remindersSent], ...patch });
  }

  /** Queues an effect in the outbox, caused by timeline entry `cause`. */
  queueEffect(name: string, payload: Record<string, unknown>, cause: TimelineEntry): void {
    const index = this.doc.outbox.filter((e) => e.id.startsWith(`${this.doc.id}:${cause.seq}:`)).length;
    const effect: PendingEffect = {
      at: iso(this.now),
      id: `${this.doc.id}:${cause.seq}:${index}`,
      name,
      payload: canonicalize(payload),
    };
    this.doc.outbox.push(effect);
  }

  /** Values conditions read: the incident's field values (with `extra` laid over them). */
  values(extra?: Readonly<Record<string, unknown>>): Record<string, unknown> {
    return extra === undefined ? (this.doc.data as Record<string, unknown>) : { ...this.doc.data, ...extra };
  }

  /** Values templates read: built-in placeholders and field values. */
  templateValues(): Record<string, unknown> {
    return {
      ...this.doc.data,
      title: this.doc.title,
      severity: this.doc.severity ?? '',
      category: this.doc.category,
      openedAt: this.doc.openedAt,
      incidentId: this.doc.id,
      stage: this.doc.stage,
    };
  }
}

function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Deep-freezes the items of `list` not frozen yet, then the list itself. With `appendOnly`, the
 * walk stops at the first frozen item from the end (older items came from the frozen base).
 */
function freezeNew(list: readonly unknown[], appendOnly: boolean): void {
  if (Object.isFrozen(list)) return;
  for (let i = list.length - 1; i >= 0; i--) {
    const item = list[i];
    if (item === null || typeof item !== 'object') continue;
    if (Object.isFrozen(item)) {
      if (appendOnly) break;
      continue;
    }
    deepFreeze(item);
  }
  Object.freeze(list);
}

/** Freezes a plain JSON value and everything in it (stops at parts already frozen). */
function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const item of Array.isArray(value) ? value : Object.values(value)) deepFreeze(item);
}
