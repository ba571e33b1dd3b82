import type { LintRule } from '../rule.js';
import { ambiguousTransitions } from './ambiguous-transitions.js';
import { byLevelIncomplete } from './by-level-incomplete.js';
import { levelWithoutDuties } from './level-without-duties.js';
import { ownerByLevelIncomplete } from './owner-by-level-incomplete.js';
import { conditionalTargetsWithoutDefault } from './conditional-targets-without-default.js';
import { controlCharactersInText } from './control-characters-in-text.js';
import { deadlineNeverMet } from './deadline-never-met.js';
import { deadlineWithoutBreachAction } from './deadline-without-breach-action.js';
import { finalStageWithTransitions } from './final-stage-with-transitions.js';
import { loopWithoutExit } from './loop-without-exit.js';
import { noPathToFinal } from './no-path-to-final.js';
import { severityMapMissingLevel } from './severity-map-missing-level.js';
import { stageWithoutOwner } from './stage-without-owner.js';
import { teamWithoutLeader } from './team-without-leader.js';
import { transitionNobodyCanFire } from './transition-nobody-can-fire.js';
import { undeclaredResource } from './undeclared-resource.js';
import { unreachableStage } from './unreachable-stage.js';
import { unusedEvent } from './unused-event.js';
import { unusedResource } from './unused-resource.js';
import { unusedRole } from './unused-role.js';
import { unusedTemplate } from './unused-template.js';
import { regradeUpAtTopLevel } from './regrade-up-at-top-level.js';
import { perLevelDeadlineBeforeGrading } from './per-level-deadline-before-grading.js';
import { thresholdUnitMismatch } from './threshold-unit-mismatch.js';
import { suggestionIncomplete } from './suggestion-incomplete.js';

export {
  ambiguousTransitions,
  byLevelIncomplete,
  conditionalTargetsWithoutDefault,
  controlCharactersInText,
  deadlineNeverMet,
  deadlineWithoutBreachAction,
  finalStageWithTransitions,
  loopWithoutExit,
  noPathToFinal,
  severityMapMissingLevel,
  stageWithoutOwner,
  teamWithoutLeader,
  transitionNobodyCanFire,
  undeclaredResource,
  unreachableStage,
  unusedEvent,
  unusedResource,
  unusedRole,
  unusedTemplate,
  regradeUpAtTopLevel,
  perLevelDeadlineBeforeGrading,
  thresholdUnitMismatch,
  suggestionIncomplete,
  levelWithoutDuties,
  ownerByLevelIncomplete,
};

/** Every lint rule, in the order the driver runs them (graphql-js `specifiedRules`). */
export const ALL_RULES: readonly LintRule[] = [
  unreachableStage,
  noPathToFinal,
  loopWithoutExit,
  transitionNobodyCanFire,
  teamWithoutLeader,
  unusedRole,
  stageWithoutOwner,
  deadlineNeverMet,
  deadlineWithoutBreachAction,
  severityMapMissingLevel,
  undeclaredResource,
  unusedResource,
  unusedTemplate,
  unusedEvent,
  conditionalTargetsWithoutDefault,
  ambiguousTransitions,
  finalStageWithTransitions,
  controlCharactersInText,
  regradeUpAtTopLevel,
  perLevelDeadlineBeforeGrading,
  byLevelIncomplete,
  thresholdUnitMismatch,
  suggestionIncomplete,
  levelWithoutDuties,
  ownerByLevelIncomplete,
];
