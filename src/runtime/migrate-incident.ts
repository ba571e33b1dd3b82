import type { CompiledPlan } from '../compile/compiled-plan.js';
import { IncidentChange } from './change.js';
import { sweepDeadlines } from './deadlines.js';
import type { IncidentSnapshot, TimelineEntry } from './incident.js';
import { stateFields } from './machine-state.js';
import { sendError, type SendError } from './send-error.js';

/**
 * Brings an incident saved under another plan hash to this plan when the plan declares a
 * migration from the incident's plan version (stage map applied, track states kept where the
 * track still exists, a `migrated` entry recorded; the version is bumped by the change saved with it); otherwise a `plan-mismatch`
 * error naming both versions.
 * @internal
 *
 * @example
 * const migrated = migrateIncident(plan, storedIncident, clock.now());
 * if ('error' in migrated) return { ok: false, error: migrated.error };
 */
export function migrateIncident(
  plan: CompiledPlan,
  incident: IncidentSnapshot,
  now: number,
): { incident: IncidentSnapshot; entries: TimelineEntry[] } | { error: SendError } {
  const definition = plan.definition;
  const details = {
    incidentId: incident.id,
    incidentPlan: { hash: incident.planHash, id: incident.planId, version: incident.planVersion },
    enginePlan: { hash: plan.hash, id: definition.id, version: definition.version },
  };
  const migration =
    incident.planId === definition.id ? definition.migrations.find((m) => m.from === incident.planVersion) : undefined;
  if (migration === undefined) {
    const same = incident.planId === definition.id && incident.planVersion === definition.version;
    return {
      error: sendError(
        'plan-mismatch',
        `incident ${incident.id} was saved under plan ${incident.planId} ${incident.planVersion}` +
          (same ? ` with different content (hash ${incident.planHash.slice(0, 12)})` : '') +
          `; this engine runs ${definition.id} ${definition.version}` +
          (same ? ` (hash ${plan.hash.slice(0, 12)})` : '') +
          ` and declares no migration from ${incident.planVersion}`,
        details,
      ),
    };
  }
  const stage = migration.stages[incident.stage] ?? incident.stage;
  const compiled = plan.stages.get(stage);
  if (compiled === undefined) {
    return {
      error: sendError(
        'plan-mismatch',
        `incident ${incident.id} is in stage "${incident.stage}", which plan ${definition.id} ${definition.version} lacks and its migration from ${migration.from} does not map`,
        { ...details, stage: incident.stage },
      ),
    };
  }
  let value: unknown = stage;
  if (compiled.trackIds.length > 0) {
    // The old track states: the regions under the state's one key (none when the state is a plain stage name).
    const old: unknown = Object.values(Object(incident.state) as object)[0];
    const regions: Record<string, string> = {};
    for (const track of compiled.trackIds) {
      const was = old !== null && typeof old === 'object' ? (old as Record<string, unknown>)[track] : undefined;
      regions[track] = was === 'done' ? 'done' : 'pending';
    }
    value = { [stage]: regions };
  }
  const change = new IncidentChange(plan, incident, now);
  Object.assign(change.doc, stateFields(plan, value), { planHash: plan.hash, planVersion: definition.version });
  change.append('migrated', 'recorded', {
    fromHash: incident.planHash,
    fromStage: incident.stage,
    fromVersion: incident.planVersion,
    toHash: plan.hash,
    toStage: stage,
    toVersion: definition.version,
  });
  sweepDeadlines(change);
  return { incident: change.commit(), entries: change.entries };
}

/**
 * The incident as this plan runs it: as it is when saved under this plan's hash, else migrated
 * ({@link migrateIncident}: the entries to save with the next change), or a `plan-mismatch` error.
 * @internal
 *
 * @example
 * const ready = underPlan(plan, loaded, clock.now());
 * if ('error' in ready) return { ok: false, error: ready.error };
 */
export function underPlan(plan: CompiledPlan, incident: IncidentSnapshot, now: number): { incident: IncidentSnapshot; entries: TimelineEntry[] } | { error: SendError } {
  if (incident.planHash === plan.hash) return { incident, entries: [] };
  return migrateIncident(plan, incident, now);
}
