import type { CompiledPlan } from '../compile/compiled-plan.js';
import { LEVEL_EVENT, trackRequired } from '../compile/level-duties.js';
import type { EnterStageParams } from '../compile/to-machine.js';
import type { IncidentChange } from './change.js';
import { fireDue, sweepDeadlines } from './deadlines.js';
import { snapshotOf, stateFields } from './machine-state.js';
import { rememberedStep } from './remembered-steps.js';
import { enterStage } from './stage-entry.js';

/** Most level re-judgements one change makes (a stage done by a withdrawal may enter another that regrades). */
const MAX_SETTLES = 8;

const gatedByPlan = new WeakMap<CompiledPlan, boolean>();

/**
 * Whether any stage of the plan has a track present only at some levels (DSL v2 `levels`).
 * @internal
 *
 * @example
 * hasLevelTracks(plan); // true for the city flood plan
 */
export function hasLevelTracks(plan: CompiledPlan): boolean {
  let known = gatedByPlan.get(plan);
  if (known === undefined) {
    known = [...plan.stages.values()].some((stage) => stage.trackLevels !== undefined);
    gatedByPlan.set(plan, known);
  }
  return known;
}

/** The state of each region of the active stage (`pending`, `done`, `absent`), from the incident's state value. */
function regionsOf(state: unknown, stage: string): Record<string, unknown> {
  if (typeof state !== 'object' || state === null) return {};
  const inner = (state as Record<string, unknown>)[stage];
  return typeof inner === 'object' && inner !== null ? (inner as Record<string, unknown>) : {};
}

/**
 * Re-judges the level-gated tracks of the active stage at the incident's level once: a track set
 * aside (`absent`) whose levels now include the level is added (`pending`), a pending one whose
 * levels no longer do is set aside, a done one stays done. The change goes through the plan
 * machine (its `planwright.level` event), is recorded as `track-added` / `track-withdrawn`
 * entries, and a stage left with every track done or set aside goes to its `done` stage.
 * Returns whether anything changed.
 * @internal
 *
 * @example
 * syncLevelTracks(change); // after a regrade from III to II: evacuation added
 */
export function syncLevelTracks(change: IncidentChange): boolean {
  const { plan, doc: draft } = change;
  if (draft.closed) return false;
  const stage = plan.stages.get(draft.stage);
  const gated = stage?.trackLevels;
  if (gated === undefined) return false;
  const level = draft.severity;
  const before = regionsOf(draft.state, draft.stage);
  let differs = false;
  for (const [track, levels] of gated) {
    const required = trackRequired(levels, level);
    if ((before[track] === 'absent' && required) || (before[track] === 'pending' && !required)) differs = true;
  }
  if (!differs) return false;
  const from = draft.stage;
  const { value, actions } = rememberedStep(plan, snapshotOf(plan, draft), `${LEVEL_EVENT}\u0000${draft.tracks.join(',')}`, String(level), () => ({
    type: LEVEL_EVENT,
    by: { id: 'planwright', roles: [] },
    data: {},
    scope: { values: {}, severity: level, level },
  }));
  const fields = stateFields(plan, value);
  const after = fields.stage === from ? regionsOf(fields.state, from) : undefined;
  for (const [track] of gated) {
    // Once the stage is left (all its tracks done or set aside), what was pending is set aside.
    const now = after === undefined ? (before[track] === 'pending' ? 'absent' : before[track]) : after[track];
    if (before[track] === 'absent' && now === 'pending') change.appendCanonical('track-added', 'recorded', { level, stage: from, track });
    else if (before[track] === 'pending' && now === 'absent') change.appendCanonical('track-withdrawn', 'recorded', { level, stage: from, track });
  }
  draft.stage = fields.stage;
  draft.state = fields.state;
  draft.tracks = fields.tracks;
  for (const action of actions) {
    if (action.type === 'enterStage') enterStage(change, (action.params as EnterStageParams).stage);
  }
  return true;
}

/**
 * Re-judges the level-gated tracks until they follow the level (see {@link syncLevelTracks}),
 * arming and firing what a stage entered on the way asks for. Does nothing for a plan without
 * level-gated tracks.
 * @internal
 *
 * @example
 * settleLevelTracks(change);
 */
export function settleLevelTracks(change: IncidentChange): void {
  if (!hasLevelTracks(change.plan)) return;
  for (let round = 0; round < MAX_SETTLES && syncLevelTracks(change); round++) {
    sweepDeadlines(change);
    fireDue(change, change.now);
  }
}
