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

/** The body of `GET /incidents`: one page of summaries, and the cursor of the next page (absent on the last). */
export interface IncidentListBody {
  incidents: IncidentSummary[];
  /** Pass as `?cursor=` (with the same filters) for the next page. */
  next?: string;
}

/**
 * The list view of an incident (a whole incident or a list item: the timeline is not read).
 *
 * @example
 * incidentSummary(incident).pending; // [{ id: 'report', dueAt: '2026-03-02T01:30:00.000Z' }]
 */
export function incidentSummary(incident: Omit<Incident, 'timeline'>): IncidentSummary {
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
