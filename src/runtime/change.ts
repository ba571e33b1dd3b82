import { canonicalize } from '../compile/canonical-json.js';
import type { CompiledPlan } from '../compile/compiled-plan.js';
import type { Actor, DeadlineInstance, IncidentSnapshot, PendingEffect, TimelineEntry } from './incident.js';
import { indexEntry } from './timeline-index.js';
import { deepFreeze, freezeNew, isDeepFrozen, markEngineIncident } from './deep-freeze.js';
import { chainEntry, type EntryFields } from './timeline.js';

export { iso, msOf } from './iso-time.js';
import { iso, msOf } from './iso-time.js';

/** Incident fields a change may write. */
const FIELDS = ['stage', 'state', 'tracks', 'severity', 'data', 'deadlines', 'outbox', 'head', 'timelineIndex', 'version', 'closed', 'closedAt', 'planHash', 'planVersion'] as const;

/**
 * One change to an incident's snapshot in progress: a plain working copy (`doc`, its arrays
 * copied, their items shared with the frozen base), the plan, the time the change happens at, and
 * helpers that keep every written object in canonical key order. Entries are appended to the chain
 * through the snapshot's `head` and collected in `entries` (the timeline itself is never read or
 * copied: a change costs the same however long the history). {@link IncidentChange.commit} hands
 * the changed fields to a new frozen snapshot that shares everything that did not change with the
 * base (structural sharing, as an immutable-data library would, without its drafts).
 * @internal
 */
export class IncidentChange {
  /** Time of what is being applied now (ms); moves forward while overdue deadlines fire. */
  now: number;
  /** Entries appended by this change. */
  readonly entries: TimelineEntry[] = [];
  /** The working copy. */
  readonly doc: IncidentSnapshot;

  constructor(
    readonly plan: CompiledPlan,
    readonly base: IncidentSnapshot,
    now: number,
  ) {
    this.now = now;
    this.doc = {
      ...base,
      deadlines: [...base.deadlines],
      outbox: [...base.outbox],
      tracks: [...base.tracks],
    };
  }

  /**
   * The next incident: the base with the changed fields, deep-frozen. Unchanged fields (and
   * unchanged arrays, item for item) are the base's own objects; returns the base itself when
   * nothing changed.
   */
  commit(): IncidentSnapshot {
    const { base, doc } = this;
    // Freeze what is new; unchanged items came frozen from the base.
    for (const entry of this.entries) deepFreeze(entry);
    deepFreeze(doc.head);
    deepFreeze(doc.timelineIndex);
    freezeNew(doc.deadlines, false);
    freezeNew(doc.outbox, false);
    freezeNew(doc.tracks, false);
    deepFreeze(doc.data);
    deepFreeze(doc.state);
    // The working copy becomes the next incident: fields that did not change (arrays item for
    // item) are put back to the base's own objects, so the versions share them.
    const source = doc as unknown as Record<string, unknown>;
    const original = base as unknown as Record<string, unknown>;
    let changed = false;
    for (const key of FIELDS) {
      const value = source[key];
      const old = original[key];
      if (value === old) continue;
      if (Array.isArray(value) && Array.isArray(old) && sameItems(value, old)) source[key] = old;
      else changed = true;
    }
    if (!changed) return base;
    Object.freeze(doc);
    // Everything new is frozen above; the rest is the base's, so the result is deep-frozen when the base is.
    return isDeepFrozen(base) ? markEngineIncident(doc) : doc;
  }

  /** Appends a hash-chained timeline entry stamped `this.now` (`data` is made canonical). */
  append(type: EntryFields['type'], result: EntryFields['result'], data?: Record<string, unknown>, by?: Actor): TimelineEntry {
    return this.appendCanonical(type, result, data === undefined ? undefined : canonicalize(data), by);
  }

  /**
   * {@link IncidentChange.append} for data already canonical: an object literal written with its
   * keys in sorted order whose values are primitives or canonical values. (Chains built from
   * anything else would not verify: the model-based tests check every chain with `verifyTimeline`.)
   */
  appendCanonical(type: EntryFields['type'], result: EntryFields['result'], data?: Record<string, unknown>, by?: Actor): TimelineEntry {
    const fields: EntryFields = { at: iso(this.now), type, result };
    if (data !== undefined) fields.data = data;
    if (by !== undefined) fields.by = by;
    const entry = chainEntry(this.doc.head.seq < 0 ? undefined : this.doc.head, fields);
    this.doc.head = { at: entry.at, hash: entry.hash, seq: entry.seq };
    this.doc.timelineIndex = indexEntry(this.doc.timelineIndex, entry);
    this.entries.push(entry);
    return entry;
  }

  /** Replaces deadline instance `index` by a canonical copy with `patch` applied. */
  patchInstance(index: number, patch: Partial<DeadlineInstance>): void {
    const current = this.doc.deadlines[index];
    if (current !== undefined) this.doc.deadlines[index] = canonicalize({ ...current, ...patch });
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

/**
 * `incident` with another version number (a new frozen object sharing everything else).
 * @internal
 *
 * @example
 * const next = withVersion(caught, loaded.version + 1);
 */
export function withVersion(incident: IncidentSnapshot, version: number): IncidentSnapshot {
  const next = Object.freeze({ ...incident, version });
  return isDeepFrozen(incident) ? markEngineIncident(next) : next;
}

/**
 * The time (ms) of an incident's last timeline entry (its head), or -Infinity before the first:
 * nothing new is stamped before it.
 * @internal
 *
 * @example
 * const now = Math.max(clock.now(), lastEntryMs(incident));
 */
export function lastEntryMs(incident: Pick<IncidentSnapshot, 'head'>): number {
  return incident.head.seq < 0 ? -Infinity : msOf(incident.head.at);
}

function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
