import { isAuthorized } from './authorization.js';
import type { CompiledTransition } from './compiled-plan.js';

/** The levels a per-level `by` may be judged against, for one event (DSL v2 `authority`). */
export interface JudgedLevels {
  /** The incident's level before the event. */
  current: string | null;
  /** The level the event's data sets, else the current one. */
  requested: string | null;
  /** The more severe of the two. */
  higher: string | null;
}

/** The person acting, possibly for a principal (委托). */
export interface ActingPerson {
  roles: readonly string[];
  onBehalfOf?: { id: string; roles: readonly string[] } | undefined;
}

/**
 * The levels an event is judged at: `requested` is the event's value of the severity field when it
 * is a level of the plan (otherwise the current level); `higher` is whichever of the two comes
 * first in `order` (most severe first).
 *
 * @example
 * judgedLevels(['I', 'II', 'III'], 'III', 'I'); // { current: 'III', requested: 'I', higher: 'I' }
 */
export function judgedLevels(order: readonly string[], current: string | null, requestedValue: unknown): JudgedLevels {
  const requested = typeof requestedValue === 'string' && order.includes(requestedValue) ? requestedValue : current;
  let higher = current;
  if (requested !== null && (current === null || order.indexOf(requested) < order.indexOf(current))) higher = requested;
  return { current, requested, higher };
}

/**
 * The roles that may fire a transition for an event judged at `levels`: its roles, or with a
 * per-level `by` the roles of the level its `authority` names (none when that level is unknown).
 *
 * @example
 * allowedRoles({ roles: ['a', 'b'], rolesByLevel: { I: ['a'], II: ['b'] }, authority: 'higher' }, { current: 'II', requested: 'I', higher: 'I' }); // ['a']
 */
export function allowedRoles(
  t: Pick<CompiledTransition, 'roles' | 'rolesByLevel' | 'authority'>,
  levels: JudgedLevels | undefined,
): readonly string[] {
  if (t.rolesByLevel === undefined) return t.roles;
  const level = levels?.[t.authority ?? 'current'] ?? null;
  return level === null ? [] : (t.rolesByLevel[level] ?? []);
}

/**
 * Whether a person may fire a transition: their own roles are allowed, or the transition is
 * `delegable` and they act for a principal whose roles are.
 *
 * @example
 * mayFire({ roles: ['clerk'], onBehalfOf: { id: 'li', roles: ['chief'] } }, { roles: ['chief'], delegable: true }, undefined); // true
 */
export function mayFire(
  person: ActingPerson,
  t: Pick<CompiledTransition, 'roles' | 'rolesByLevel' | 'authority' | 'delegable'>,
  levels: JudgedLevels | undefined,
): boolean {
  const allowed = allowedRoles(t, levels);
  if (isAuthorized(person.roles, allowed)) return true;
  return t.delegable === true && person.onBehalfOf !== undefined && isAuthorized(person.onBehalfOf.roles, allowed);
}

/**
 * The direction of a change of level: `up` (more severe), `down`, or `same` (also when either is unknown).
 *
 * @example
 * changeDirection(['I', 'II', 'III'], 'III', 'I'); // 'up'
 */
export function changeDirection(order: readonly string[], from: string | null, to: string | null): 'up' | 'down' | 'same' {
  if (from === null || to === null || from === to) return 'same';
  const a = order.indexOf(from);
  const b = order.indexOf(to);
  if (a === -1 || b === -1) return 'same';
  return b < a ? 'up' : 'down';
}
