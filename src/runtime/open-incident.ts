import { canonicalize } from '../compile/canonical-json.js';
import type { CompiledPlan } from '../compile/compiled-plan.js';
import type { EnterStageParams } from '../compile/to-machine.js';
import { IncidentChange, iso } from './change.js';
import { fireDue, sweepDeadlines } from './deadlines.js';
import { deepFreeze, markEngineIncident } from './deep-freeze.js';
import type { Actor, IncidentSnapshot, TimelineEntry } from './incident.js';
import { EMPTY_TIMELINE_INDEX } from './timeline-index.js';
import { settleLevelTracks } from './level-tracks.js';
import { machineStart, stateFields } from './machine-state.js';
import { runActions } from './plan-actions.js';

/** What a new incident starts from (validated by the engine). */
export interface OpenFields {
  id: string;
  by: Actor;
  title: string;
  category: string;
  data: Record<string, unknown>;
  severity: string | null;
}

/**
 * Creates the snapshot of a new incident (version 1) in the plan's first stage at time `now`: `opened` and
 * `stage-entered` entries, the stage's enter actions, and the deadlines armed at open.
 * @internal
 *
 * @example
 * const { incident } = openIncident(plan, { id: 'PO-1', by, title: 'Rumour', category: 'media', data: {}, severity: null }, clock.now());
 */
export function openIncident(plan: CompiledPlan, fields: OpenFields, now: number): { incident: IncidentSnapshot; entries: TimelineEntry[] } {
  const data = { ...fields.data };
  if (fields.severity !== null && plan.severityField !== undefined) data[plan.severityField] = fields.severity;
  const severity = fields.severity ?? (plan.severityField !== undefined && typeof data[plan.severityField] === 'string' ? (data[plan.severityField] as string) : null);
  const { value, actions } = machineStart(plan, { data, severity });
  const state = stateFields(plan, value);
  const blank: IncidentSnapshot = {
    category: fields.category,
    closed: false,
    closedAt: null,
    data: canonicalize(data),
    deadlines: [],
    // No entry yet: the first one appended is seq 0.
    head: { at: iso(now), hash: '', seq: -1 },
    id: fields.id,
    openedAt: iso(now),
    outbox: [],
    planHash: plan.hash,
    planId: plan.definition.id,
    planVersion: plan.definition.version,
    severity,
    stage: state.stage,
    state: state.state,
    timelineIndex: EMPTY_TIMELINE_INDEX,
    title: fields.title,
    tracks: state.tracks,
    version: 1,
  };
  const change = new IncidentChange(plan, markEngineIncident(deepFreeze(blank)), now);
  const opened: Record<string, unknown> = { category: fields.category, title: fields.title };
  if (Object.keys(fields.data).length > 0) opened['data'] = fields.data;
  if (severity !== null) opened['severity'] = severity;
  change.append('opened', 'recorded', opened, fields.by);
  for (const action of actions) {
    if (action.type !== 'enterStage') continue;
    const stage = (action.params as EnterStageParams).stage;
    const entered = change.appendCanonical('stage-entered', 'recorded', { stage });
    const enter = plan.stages.get(stage)?.definition.enter;
    if (enter !== undefined) runActions(change, enter, entered, { stage });
  }
  sweepDeadlines(change);
  fireDue(change, now);
  settleLevelTracks(change);
  return { incident: change.commit(), entries: change.entries };
}
