import type { PlanDefinition } from '../dsl/schema/plan.js';
import type { Team } from '../dsl/schema/team.js';

/** The `by` entry that grants every role of the plan. */
export const ANY_ROLE = 'any-role';

interface PlanIndex {
  roles: ReadonlySet<string>;
  teams: ReadonlyMap<string, Team>;
}

/** Role and team lookups per definition, built once (plans are not mutated after checking). */
const indexes = new WeakMap<PlanDefinition, PlanIndex>();

function indexOf(plan: PlanDefinition): PlanIndex {
  let index = indexes.get(plan);
  if (index === undefined) {
    index = { roles: new Set(plan.roles.map((r) => r.id)), teams: new Map(plan.teams.map((t) => [t.id, t])) };
    indexes.set(plan, index);
  }
  return index;
}

/**
 * Resolves the entries of a transition's `by` to the declared roles they grant — the one rule the
 * engine authorizes with and lint reasons about: a role id stays; `<team>.leader`, `<team>.deputy`,
 * `<team>.members` become the roles holding those positions; a team id becomes its leader, deputy
 * and members; `any-role` is every role. Entries that name nothing the plan declares grant nothing.
 *
 * @example
 * resolveBy(plan, ['command.leader', 'analysis.deputy']); // Set { 'department-head' }
 */
export function resolveBy(plan: PlanDefinition, by: readonly string[]): Set<string> {
  const { roles, teams } = indexOf(plan);
  const out = new Set<string>();
  const add = (role: string | undefined): void => {
    if (role !== undefined && roles.has(role)) out.add(role);
  };
  for (const entry of by) {
    if (entry === ANY_ROLE) {
      for (const role of roles) out.add(role);
      continue;
    }
    if (roles.has(entry)) {
      out.add(entry);
      continue;
    }
    const dot = entry.indexOf('.');
    const team = teams.get(dot < 0 ? entry : entry.slice(0, dot));
    if (team === undefined) continue;
    const position = dot < 0 ? undefined : entry.slice(dot + 1);
    if (position === undefined || position === 'leader') add(team.leader);
    if (position === undefined || position === 'deputy') add(team.deputy);
    if (position === undefined || position === 'members') team.members.forEach(add);
  }
  return out;
}
