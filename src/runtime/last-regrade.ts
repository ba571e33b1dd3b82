import { changeDirection } from '../compile/level-authority.js';
import type { Incident, TimelineEntry } from './incident.js';

/**
 * `severity.previous` and `severity.change` of the incident's last regrade (`same` before any):
 * the values a condition of a deadline or an action reads besides the incident's data.
 * @internal
 *
 * @example
 * lastRegradeValues(plan.severityOrder, incident); // { 'severity.change': 'up', 'severity.previous': 'III' }
 */
export function lastRegradeValues(order: readonly string[], incident: Pick<Incident, 'timeline' | 'severity'>): Record<string, unknown> {
  for (let index = incident.timeline.length - 1; index >= 0; index--) {
    const entry = incident.timeline[index] as TimelineEntry;
    if (entry.type === 'regraded') {
      const { from: previous } = entry.data ?? {};
      return { 'severity.change': changeDirection(order, typeof previous === 'string' ? previous : null, incident.severity), 'severity.previous': previous };
    }
  }
  return { 'severity.change': 'same', 'severity.previous': incident.severity };
}
