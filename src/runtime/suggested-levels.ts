import type { CompiledPlan } from '../compile/compiled-plan.js';
import type { DataIssue } from '../compile/field-validators.js';

/** What the engine recorded about a suggested level on an accepted event (timeline entry `data.suggestions`). */
export interface SuggestionOutcome {
  /** The plan's suggestion id. */
  id: string;
  /** The field read and its value, e.g. `warningColour` = `red`. */
  from: string;
  value: string;
  /** The level the plan's mapping suggests for that value. */
  suggested: string;
  /** The level the event proposed, when it proposed one. */
  chosen?: string;
  /** The proposed level differs from the suggested one (then `reason` holds the override field's text). */
  overridden?: boolean;
  reason?: string;
}

/**
 * Judges an event against the plan's suggested levels (DSL v2): for each suggestion whose `from`
 * value is known (the event's data over the incident's) and that the event concerns (it carries
 * `from` or `to`), the suggested level; when the event proposes another level in `to`, the
 * `override` field must hold a non-blank reason, else the issue that refuses it. Pure.
 * @internal
 *
 * @example
 * judgeSuggestions(plan, { warningColour: 'red' }, { responseLevel: 'II' });
 * // { issues: [{ field: 'reason', problem: 'override-reason-missing', … }], outcomes: [...] }
 */
export function judgeSuggestions(
  plan: Pick<CompiledPlan, 'suggestions'>,
  incidentData: Readonly<Record<string, unknown>>,
  data: Readonly<Record<string, unknown>>,
): { outcomes: SuggestionOutcome[]; issues: DataIssue[] } {
  const outcomes: SuggestionOutcome[] = [];
  const issues: DataIssue[] = [];
  for (const s of plan.suggestions) {
    const carriesFrom = Object.hasOwn(data, s.from);
    const chosen = Object.hasOwn(data, s.to) ? data[s.to] : undefined;
    if (!carriesFrom && chosen === undefined) continue;
    const value = carriesFrom ? data[s.from] : incidentData[s.from];
    if (typeof value !== 'string' || !Object.hasOwn(s.map, value)) continue;
    const suggested = s.map[value] as string;
    const outcome: SuggestionOutcome = { id: s.id, from: s.from, value, suggested };
    if (typeof chosen === 'string') {
      outcome.chosen = chosen;
      outcome.overridden = chosen !== suggested;
      if (outcome.overridden) {
        const reason = data[s.override];
        if (typeof reason === 'string' && reason.trim() !== '') outcome.reason = reason;
        else {
          issues.push({
            field: s.override,
            problem: 'override-reason-missing',
            message: `level ${chosen} differs from the suggested level ${suggested} (${s.from} ${value}): field "${s.override}" must give the reason`,
          });
        }
      }
    }
    outcomes.push(outcome);
  }
  return { outcomes, issues };
}
