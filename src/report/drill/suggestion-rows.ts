import type { Incident } from '../../runtime/incident.js';
import type { ReportLabels } from '../report-labels.js';

/**
 * The rows of a report's "suggested levels" table (DSL v2 `suggestions`): one per accepted event
 * whose timeline entry records a suggestion — when, event, who, what it was based on
 * (`warningColour = red`), the suggested level, the chosen one, and whether it was chosen as
 * suggested or overridden with its reason.
 *
 * @example
 * suggestionRows(incident, labels, (iso) => iso);
 * // [['+5m (14:05)', 'WARNING_ISSUED', 'ma', 'warningColour = red', 'I', '—', '—'], …]
 */
export function suggestionRows(incident: Pick<Incident, 'timeline'>, labels: ReportLabels, when: (iso: string) => string): string[][] {
  const rows: string[][] = [];
  for (const entry of incident.timeline) {
    if (entry.type !== 'event' || entry.result !== 'accepted') continue;
    const recorded = entry.data?.['suggestions'];
    if (!Array.isArray(recorded)) continue;
    for (const item of recorded as unknown[]) {
      if (item === null || typeof item !== 'object') continue;
      const s = item as Record<string, unknown>;
      const chosen = typeof s['chosen'] === 'string' ? s['chosen'] : labels.none;
      const verdict = s['chosen'] === undefined ? labels.none : s['overridden'] === true ? `${labels.overriddenBecause}: ${String(s['reason'] ?? '')}` : labels.asSuggested;
      rows.push([when(entry.at), String(entry.data?.['event'] ?? ''), entry.by?.id ?? labels.none, `${String(s['from'])} = ${String(s['value'])}`, String(s['suggested']), chosen, verdict]);
    }
  }
  return rows;
}
