import type { PlanDefinition } from '../dsl/schema/plan.js';
import { ANY_ROLE, resolveBy as resolveByRoles } from '../plan-format/resolve-by.js';

export { ANY_ROLE };

/**
 * Resolves a transition's `by` list to the sorted role ids it grants (see the DSL's `resolveBy`:
 * role ids stay, positions become the roles holding them, a team id its leader, deputy and members,
 * `any-role` every role; entries naming nothing grant nothing).
 *
 * @example
 * resolveBy(plan, ['command.leader', 'analysis']); // ['department-head', 'info-officer', 'it-head', 'monitor']
 */
export function resolveBy(definition: PlanDefinition, by: readonly string[]): string[] {
  return [...resolveByRoles(definition, by)].sort();
}

/**
 * Whether an actor holding `actorRoles` may act where `allowed` roles are granted.
 *
 * @example
 * isAuthorized(['it-head'], ['info-officer', 'it-head']); // true
 */
export function isAuthorized(actorRoles: readonly string[], allowed: readonly string[]): boolean {
  for (const role of actorRoles) if (allowed.includes(role)) return true;
  return false;
}
