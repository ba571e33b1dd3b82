import { changeDirection } from '../compile/level-authority.js';
import type { IncidentSnapshot } from './incident.js';

/**
 * `severity.previous` and `severity.change` of the incident's last regrade (`same` before any),
 * from its timeline index (no walk of the timeline): the values a condition of a deadline or an
 * action reads besides the incident's data.
 * @internal
 *
 * @example
 * lastRegradeValues(plan.severityOrder, incident); // { 'severity.change': 'up', 'severity.previous': 'III' }
 */
export function lastRegradeValues(order: readonly string[], incident: Pick<IncidentSnapshot, 'timelineIndex' | 'severity'>): Record<string, unknown> {
  const previous = incident.timelineIndex.regradedFrom;
  if (previous === undefined) return { 'severity.change': 'same', 'severity.previous': incident.severity };
  return { 'severity.change': changeDirection(order, previous, incident.severity), 'severity.previous': previous };
}
