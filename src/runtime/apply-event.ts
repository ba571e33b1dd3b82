import { canonicalize, canonicalJson } from '../compile/canonical-json.js';
import type { CompiledPlan } from '../compile/compiled-plan.js';
import type { EnterStageParams, TakenParams } from '../compile/to-machine.js';
import { IncidentChange, lastEntryMs } from './change.js';
import { armOnEvent, fireDue, meetDeadlines, nextDueMs, sweepDeadlines } from './deadlines.js';
import { decideEvent, type AcceptedEvent, type ValidEvent } from './decide-event.js';
import type { IncidentSnapshot, TimelineEntry } from './incident.js';
import { stateFields } from './machine-state.js';
import { settleLevelTracks } from './level-tracks.js';
import { enterStage } from './stage-entry.js';
import { runActions } from './plan-actions.js';
import type { SendError } from './send-error.js';
import { setSeverity } from './severity.js';

export type { ValidEvent } from './decide-event.js';

/** What applying an event produced: the next incident (version + 1) and the new entries. */
export interface Applied {
  incident: IncidentSnapshot;
  entries: TimelineEntry[];
  error?: SendError;
}

/** Largest rejected data (canonical JSON characters) copied into a `rejected` entry. */
const MAX_REJECTED_DATA = 10_000;

/**
 * Fires whatever is due on the incident up to `now` (reminders, breaches) without bumping the
 * version. Returns the same object when nothing was due.
 * @internal
 *
 * @example
 * const caught = catchUp(plan, incident, clock.now(), entries); // fires overdue reminders and breaches
 */
export function catchUp(plan: CompiledPlan, incident: IncidentSnapshot, now: number, entries: TimelineEntry[]): IncidentSnapshot {
  const due = nextDueMs(incident, plan.deadlineById);
  if (due === undefined || due > now) return incident;
  const change = new IncidentChange(plan, incident, now);
  fireDue(change, now);
  settleLevelTracks(change);
  for (const entry of change.entries) entries.push(entry);
  return change.commit();
}

/**
 * Applies one event at time `now`: first whatever was due before it ({@link catchUp}), then the
 * decision on the event ({@link decideEvent}) through {@link applyDecision}. Pure: returns the
 * next incident (version + 1) and every entry, those of the catch-up first.
 * @internal
 *
 * @example
 * const { incident: next, error } = applyEvent(plan, incident, { type: 'REPORT', by, data }, clock.now());
 */
export function applyEvent(plan: CompiledPlan, incident: IncidentSnapshot, event: ValidEvent, now: number): Applied {
  const entries: TimelineEntry[] = [];
  const base = catchUp(plan, incident, now, entries);
  const applied = applyDecision(plan, base, event, decideEvent(plan, base, event), now);
  for (const entry of applied.entries) entries.push(entry);
  return applied.error === undefined ? { incident: applied.incident, entries } : { incident: applied.incident, entries, error: applied.error };
}

/**
 * Applies a decision on `event` to `incident` at time `now` (never before its last entry): an
 * accepted event changes data, severity, stage and deadlines, runs the transition's actions and
 * queues their effects, each step recorded as a timeline entry; a refusal is recorded as a
 * `rejected` entry (who tried what). Pure: returns the next incident (version + 1) and the new entries.
 * @internal
 *
 * @example
 * const applied = applyDecision(plan, incident, event, decideEvent(plan, incident, event), clock.now());
 */
export function applyDecision(plan: CompiledPlan, incident: IncidentSnapshot, event: ValidEvent, decision: AcceptedEvent | { error: SendError }, now: number): Applied {
  const change = new IncidentChange(plan, incident, Math.max(now, lastEntryMs(incident)));
  if ('error' in decision) {
    const data: Record<string, unknown> = { code: decision.error.code, event: event.type };
    const raw = event.data;
    if (raw !== undefined && raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
      // Data that cannot be written as JSON (too deep for the stack, cyclic, a BigInt) is only named.
      let text: string | undefined;
      try {
        text = canonicalJson(raw);
      } catch {
        // listed by its keys below
      }
      if (text !== undefined && text.length <= MAX_REJECTED_DATA) data['data'] = JSON.parse(text) as unknown;
      else data['dataKeys'] = Object.keys(raw).sort().slice(0, 100);
    }
    change.append('rejected', 'rejected', data, event.by);
  } else {
    accept(change, decision, event);
  }
  change.doc.version += 1;
  const next = change.commit();
  return 'error' in decision ? { incident: next, entries: change.entries, error: decision.error } : { incident: next, entries: change.entries };
}

/** Applies an accepted event to the draft. */
function accept(change: IncidentChange, chosen: AcceptedEvent, event: ValidEvent): void {
  const { plan, doc: draft } = change;
  const entry = change.appendCanonical(
    'event',
    'accepted',
    chosen.suggestions === undefined
      ? { data: chosen.data, event: event.type, transition: chosen.transition.key }
      : { data: chosen.data, event: event.type, suggestions: canonicalize(chosen.suggestions), transition: chosen.transition.key },
    event.by,
  );
  const field = plan.severityField;
  const level = field === undefined ? undefined : chosen.data[field];
  let fieldData = chosen.data;
  if (field !== undefined && field in fieldData) {
    fieldData = { ...fieldData };
    delete fieldData[field];
  }
  if (Object.keys(fieldData).length > 0) draft.data = canonicalize({ ...draft.data, ...fieldData });
  if (field !== undefined && typeof level === 'string') setSeverity(change, level, { cause: 'event', causeSeq: entry.seq, event: event.type });
  meetDeadlines(change, event.type, chosen.data);
  const fields = stateFields(plan, chosen.value);
  draft.stage = fields.stage;
  draft.state = fields.state;
  draft.tracks = fields.tracks;
  for (const action of chosen.actions) {
    if (action.type === 'taken') {
      const params = action.params as TakenParams;
      const t = plan.transitions.get(params.key);
      if (t !== undefined) {
        // Conditional actions (DSL v2 `when`) read what the transition's conditions read; `owner.*` the transition's stage.
        const view = { stage: t.stage, values: chosen.view };
        runActions(change, t.actions, entry, { event: event.type }, view);
        const branch = params.branch === undefined ? undefined : t.targets?.[params.branch];
        if (branch?.do !== undefined) runActions(change, branch.do, entry, { event: event.type }, view);
      }
    } else if (action.type === 'enterStage') {
      enterStage(change, (action.params as EnterStageParams).stage);
    }
  }
  armOnEvent(change, event.type, chosen.data);
  sweepDeadlines(change);
  fireDue(change, change.now);
  settleLevelTracks(change);
}
