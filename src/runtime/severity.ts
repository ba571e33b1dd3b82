import { canonicalize } from '../compile/canonical-json.js';
import type { IncidentChange } from './change.js';
import { recomputeForSeverity } from './recompute-deadlines.js';

/**
 * Sets the incident's severity (and the plan's severity field). A change from one known level
 * to another is a regrade: recorded, and pending severity-dependent deadlines are recomputed.
 * @internal
 *
 * @example
 * setSeverity(change, 'II', { cause: 'event', event: 'REGRADE' });
 */
export function setSeverity(change: IncidentChange, level: string, cause: Record<string, unknown>): void {
  const draft = change.doc;
  const previous = draft.severity;
  const field = change.plan.severityField;
  if (field !== undefined && draft.data[field] !== level) draft.data = canonicalize({ ...draft.data, [field]: level });
  if (previous === level) return;
  draft.severity = level;
  if (previous === null) return;
  change.append('regraded', 'recorded', { ...cause, from: previous, to: level });
  recomputeForSeverity(change);
}
