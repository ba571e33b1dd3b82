import type { PlanDefinition } from '../dsl/schema/plan.js';
import type { Stage } from '../dsl/schema/stage.js';

/**
 * The type of the engine's own machine event that re-judges the level-gated tracks of the active
 * stage after the level changed (DSL v2 §4). A plan event id cannot contain a dot, so it never
 * clashes with one.
 */
export const LEVEL_EVENT = 'planwright.level';

/**
 * Whether a track with `levels` is required at `level`: a track without `levels` always is; a
 * gated track is not while the level is unknown.
 *
 * @example
 * trackRequired(['I', 'II'], 'III'); // false
 * trackRequired(undefined, null); // true
 */
export function trackRequired(levels: readonly string[] | undefined, level: string | null): boolean {
  return levels === undefined || (level !== null && levels.includes(level));
}

/**
 * The team owning a stage at a level: its `ownerByLevel` entry for the level, else its `owner`.
 *
 * @example
 * stageOwnerAt({ owner: 'city-hq', ownerByLevel: { I: 'flood-hq' } }, 'I'); // 'flood-hq'
 */
export function stageOwnerAt(stage: Pick<Stage, 'owner' | 'ownerByLevel'>, level: string | null): string | undefined {
  if (level !== null && stage.ownerByLevel !== undefined && Object.hasOwn(stage.ownerByLevel, level)) return stage.ownerByLevel[level];
  return stage.owner;
}

/**
 * The role ids a `notify` entry names at run time: a role id stays; `owner.leader`,
 * `owner.deputy`, `owner.members` become that position of `team` (none when the team or the
 * position is missing).
 *
 * @example
 * notifiedRoles(plan, ['owner.leader', 'flood-office'], 'flood-hq'); // ['flood-hq-commander', 'flood-office']
 */
export function notifiedRoles(definition: Pick<PlanDefinition, 'teams'>, entries: readonly string[], team: string | undefined): string[] {
  const out: string[] = [];
  const add = (role: string | undefined): void => {
    if (role !== undefined && !out.includes(role)) out.push(role);
  };
  for (const entry of entries) {
    if (!entry.startsWith('owner.')) {
      add(entry);
      continue;
    }
    const owning = team === undefined ? undefined : definition.teams.find((t) => t.id === team);
    if (owning === undefined) continue;
    if (entry === 'owner.leader') add(owning.leader);
    else if (entry === 'owner.deputy') add(owning.deputy);
    else for (const member of owning.members) add(member);
  }
  return out;
}
