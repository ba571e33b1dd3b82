// Host guide samples: the timeline as an audit trail, and the after-action report.
import type { Engine } from '../../../src/runtime/index.js';
// #region doc:audit
import { verifyTimeline, type TimelineEntry } from '../../../src/runtime/index.js';
// #endregion
// #region doc:report
import { afterActionReport } from '../../../src/report/report-entry.js';
// #endregion

export interface AuditLog {
  append(incidentId: string, entry: TimelineEntry): void;
}

export function streamToAudit(engine: Engine, auditLog: AuditLog): () => void {
  // #region doc:audit
  // Every saved change, with the timeline entries it added, in order:
  const unsubscribe = engine.subscribe(({ incident, entries }) => {
    for (const entry of entries) auditLog.append(incident.id, entry);
  });
  // #endregion
  return unsubscribe;
}

export async function audit(engine: Engine, id: string) {
  // #region doc:audit
  // Later, for a review: has anything in the stored incident been edited?
  const incident = await engine.get(id);
  const check = incident === undefined ? undefined : verifyTimeline(incident);
  // { ok: true }, or { ok: false, brokenAt: 12, reason: 'hash' }
  // #endregion
  return check;
}

export async function report(engine: Engine, id: string) {
  const incident = await engine.get(id);
  if (incident === undefined) return undefined;
  // #region doc:report
  const report = afterActionReport(incident, engine.plan, { locale: 'zh-CN' });
  report.json; // measures in order, time per stage, deadlines, breaches and who was notified, …
  report.markdown; // the same as Markdown
  report.html; // a self-contained page with the timeline and readings charts
  // #endregion
  return report;
}
