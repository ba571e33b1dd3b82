import type { IncidentState } from '../incident.js';
import type { DueDeadline } from './store.js';

/**
 * The pending deadline instances of one incident as {@link DueDeadline} items.
 *
 * Note: a store does not know a deadline's reminder offsets (they live in the plan), so
 * `dueAt` is the instance's own due time. The engine fires reminders from the plan when it
 * handles the incident; if reminders must be found by the store, `DeadlineInstance` needs a
 * field carrying the next reminder time.
 *
 * @example
 * ```ts
 * const due = pendingDeadlines(incident).filter((d) => Date.parse(d.dueAt) <= Date.now());
 * ```
 */
export function pendingDeadlines(incident: Pick<IncidentState, 'id' | 'deadlines'>): DueDeadline[] {
  const out: DueDeadline[] = [];
  for (const d of incident.deadlines) {
    if (d.status !== 'pending') continue;
    out.push({ incidentId: incident.id, deadlineId: d.id, instance: d.instance, dueAt: d.dueAt });
  }
  return out;
}

/**
 * Copies of the `items` due at or before `limit` (ms), in {@link compareDue} order.
 *
 * @example
 * ```ts
 * dueBy(parseQueryTime(time), incidents.flatMap(pendingDeadlines));
 * ```
 */
export function dueBy(limit: number, items: readonly DueDeadline[]): DueDeadline[] {
  return items.filter((d) => Date.parse(d.dueAt) <= limit).map((d) => ({ ...d })).sort(compareDue);
}

/**
 * Orders due items by due time (as instants, not strings), then incident id, deadline id, instance.
 *
 * @example
 * ```ts
 * items.sort(compareDue);
 * ```
 */
export function compareDue(a: DueDeadline, b: DueDeadline): number {
  const ta = Date.parse(a.dueAt);
  const tb = Date.parse(b.dueAt);
  if (ta !== tb) return ta < tb ? -1 : 1;
  if (a.incidentId !== b.incidentId) return a.incidentId < b.incidentId ? -1 : 1;
  if (a.deadlineId !== b.deadlineId) return a.deadlineId < b.deadlineId ? -1 : 1;
  return a.instance - b.instance;
}

/**
 * Parses an ISO 8601 time given to a store query, rejecting anything that is not a time.
 *
 * @example
 * ```ts
 * const limit = parseQueryTime('2024-05-01T10:00:00.000Z'); // 1714557600000
 * ```
 */
export function parseQueryTime(time: string): number {
  const ms = Date.parse(time);
  if (Number.isNaN(ms)) throw new TypeError(`not an ISO 8601 time: ${JSON.stringify(time)}`);
  return ms;
}
