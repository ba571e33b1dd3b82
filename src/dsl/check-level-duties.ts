import type { ReferencePath, ReferenceScope } from './reference-scope.js';
import type { Action } from './schema/action.js';
import type { Stage } from './schema/stage.js';

/**
 * DSL v2 §4, the references of a stage's level-dependent duties: every level a track's `levels`
 * and `ownerByLevel` name is a severity level, every team `ownerByLevel` names is a team.
 *
 * @example
 * checkStageLevels(checker, stage, ['stages', 1]);
 */
export function checkStageLevels(checker: ReferenceScope, stage: Stage, path: ReferencePath): void {
  for (const [level, team] of Object.entries(stage.ownerByLevel ?? {})) {
    checker.ref('unknown-severity', level, checker.severity, [...path, 'ownerByLevel', level], 'key');
    checker.ref('unknown-team', team, checker.teamIds, [...path, 'ownerByLevel', level]);
  }
  stage.tracks?.forEach((track, k) => {
    track.levels?.forEach((level, n) => checker.ref('unknown-severity', level, checker.severity, [...path, 'tracks', k, 'levels', n]));
  });
}

/**
 * DSL v2 §4, what one action adds: its `when` is a condition over the plan's fields, and an
 * `owner.leader` / `owner.deputy` / `owner.members` it notifies needs an owner. In a stage
 * (`stage` given) the stage must have `owner` or `ownerByLevel`, and each team that may own it
 * must fill the position; elsewhere (a shared transition, a deadline's breach) the owner is the
 * one of the stage the incident is in when the action runs, so nothing is checked here.
 *
 * @example
 * checkActionLevels(checker, { notify: ['owner.leader'] }, ['stages', 1, 'enter', 0], stage);
 */
export function checkActionLevels(checker: ReferenceScope, action: Action, path: ReferencePath, stage: Stage | undefined): void {
  if (action.when !== undefined) checker.checkWhen(action.when, [...path, 'when']);
  if (!('notify' in action) || stage === undefined) return;
  const owners = [...new Set([...(stage.owner === undefined ? [] : [stage.owner]), ...Object.values(stage.ownerByLevel ?? {})])];
  action.notify.forEach((entry, k) => {
    if (!entry.startsWith('owner.')) return;
    if (owners.length === 0) {
      checker.push('notify-owner-without-owner', { stage: stage.id, entry }, [...path, 'notify', k]);
      return;
    }
    const position = entry.slice('owner.'.length) as 'leader' | 'deputy' | 'members';
    for (const id of owners) {
      const team = checker.teams.get(id);
      if (team === undefined) continue;
      const vacant = position === 'members' ? team.members.length === 0 : team[position] === undefined;
      if (vacant) checker.push('vacant-position', { id: `${id}.${position}`, team: id, position }, [...path, 'notify', k]);
    }
  });
}
