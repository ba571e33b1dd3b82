import type { Incident } from '../runtime/incident.js';

/** What `GET /incidents` lists per incident. */
export interface IncidentSummary {
  id: string;
  title: string;
  category: string;
  stage: string;
  severity: string | null;
  openedAt: string;
  closed: boolean;
  version: number;
  /** Ids of deadlines breached so far. */
  breached: string[];
  /** Pending deadlines, earliest first. */
  pending: Array<{ id: string; dueAt: string }>;
}

/**
 * The list view of an incident.
 *
 * @example
 * incidentSummary(incident).pending; // [{ id: 'report', dueAt: '2026-03-02T01:30:00.000Z' }]
 */
export function incidentSummary(incident: Incident): IncidentSummary {
  const breached = new Set<string>();
  const pending: Array<{ id: string; dueAt: string }> = [];
  for (const deadline of incident.deadlines) {
    if (deadline.status === 'breached') breached.add(deadline.id);
    else if (deadline.status === 'pending') pending.push({ id: deadline.id, dueAt: deadline.dueAt });
  }
  pending.sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
  return {
    id: incident.id,
    title: incident.title,
    category: incident.category,
    stage: incident.stage,
    severity: incident.severity,
    openedAt: incident.openedAt,
    closed: incident.closed,
    version: incident.version,
    breached: [...breached],
    pending,
  };
}
