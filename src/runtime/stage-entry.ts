import { iso, type IncidentChange } from './change.js';
import { cancelOnReentry } from './deadlines.js';
import { runActions } from './plan-actions.js';

/**
 * What entering a stage does, whatever made the machine enter it (an event's transition, or a
 * stage whose tracks became done): a `stage-entered` entry, pending deadlines of an earlier visit
 * cancelled, the stage's enter actions run, and on a final stage the incident closed.
 * @internal
 *
 * @example
 * enterStage(change, 'review');
 */
export function enterStage(change: IncidentChange, stage: string): void {
  const draft = change.doc;
  const entered = change.appendCanonical('stage-entered', 'recorded', { stage });
  cancelOnReentry(change, stage);
  const definition = change.plan.stages.get(stage)?.definition;
  if (definition?.enter !== undefined) runActions(change, definition.enter, entered, { stage });
  if (definition?.final === true) {
    draft.closed = true;
    draft.closedAt = iso(change.now);
    change.appendCanonical('closed', 'recorded', { stage });
  }
}
