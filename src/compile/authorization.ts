import type { PlanDefinition } from '../dsl/schema/plan.js';

/** `by` entry granting every role of the plan. */
export const ANY_ROLE = 'any-role';

/**
 * Resolves a transition's `by` list to the sorted role ids it grants: role ids stay, positions
 * `<team>.leader|deputy|members` become the roles holding them, a team id becomes its leader,
 * deputy and members, `any-role` becomes every role of the plan. Entries naming nothing the plan
 * declares grant nothing.
 *
 * @example
 * resolveBy(plan, ['command.leader', 'analysis']); // ['department-head', 'info-officer', 'it-head', 'monitor']
 */
export function resolveBy(definition: PlanDefinition, by: readonly string[]): string[] {
  const roles = new Set(definition.roles.map((r) => r.id));
  const out = new Set<string>();
  const add = (role: string | undefined): void => {
    if (role !== undefined && roles.has(role)) out.add(role);
  };
  for (const entry of by) {
    if (entry === ANY_ROLE) {
      for (const r of roles) out.add(r);
      continue;
    }
    if (roles.has(entry)) {
      out.add(entry);
      continue;
    }
    const dot = entry.indexOf('.');
    const teamId = dot < 0 ? entry : entry.slice(0, dot);
    const position = dot < 0 ? undefined : entry.slice(dot + 1);
    const team = definition.teams.find((t) => t.id === teamId);
    if (team === undefined) continue;
    if (position === undefined || position === 'leader') add(team.leader);
    if (position === undefined || position === 'deputy') add(team.deputy);
    if (position === undefined || position === 'members') for (const m of team.members) add(m);
  }
  return [...out].sort();
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
