import type { PlanDefinition } from '../dsl/schema/plan.js';

/** A team position that can be held and backed up. */
export interface TeamPosition {
  /** `<team>.leader` or `<team>.deputy`. */
  readonly position: string;
  /** The role that holds it. */
  readonly role: string;
  readonly team: string;
}

/**
 * The positions of a plan that need a backup: `<team>.leader` and `<team>.deputy` of each team
 * that names one, in plan order.
 *
 * @example
 * teamPositions(plan).map((p) => p.position); // ['command.leader', 'command.deputy', 'analysis.leader', …]
 */
export function teamPositions(plan: PlanDefinition): TeamPosition[] {
  return plan.teams.flatMap((team) => [
    ...(team.leader === undefined ? [] : [{ position: `${team.id}.leader`, role: team.leader, team: team.id }]),
    ...(team.deputy === undefined ? [] : [{ position: `${team.id}.deputy`, role: team.deputy, team: team.id }]),
  ]);
}
