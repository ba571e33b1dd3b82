import type { LintRule } from '../rule.js';
import { ambiguousTransitions } from './ambiguous-transitions.js';
import { byLevelIncomplete } from './by-level-incomplete.js';
import { conditionalTargetsWithoutDefault } from './conditional-targets-without-default.js';
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

export {
  ambiguousTransitions,
  byLevelIncomplete,
  conditionalTargetsWithoutDefault,
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
  byLevelIncomplete,
];
