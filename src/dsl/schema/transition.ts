import * as z from 'zod';
import { Action } from './action.js';
import { Id } from './common.js';
import { Condition } from './condition.js';
import { AUTHORITY_AT } from './patterns.js';

/** Who may fire a transition: role ids, team positions (`command.leader`, `analysis.members`), a team id, or `any-role`. */
export const By = z
  .array(z.string().min(1))
  .min(1)
  .meta({ description: 'Role ids, positions such as command.leader / command.deputy / analysis.members, a team id (everyone in it), or any-role.' });

/** A per-level `by`: each severity level id maps to the usual `by` list (DSL v2). */
export const ByLevel = z
  .record(Id, By)
  .meta({ description: 'Who may fire it at each severity level: level id → by list. Judged against the level `authority` names.' });

/** One branch of a conditional transition. The last branch without `when` is the default. */
export const TargetBranch = z.strictObject({
  when: Condition.optional(),
  target: Id,
  do: z.array(Action).optional().meta({ description: 'Actions run when this branch is taken (after the transition\'s own `do`).' }),
});
export type TargetBranch = z.infer<typeof TargetBranch>;

const transitionShape = {
  event: Id.meta({ description: 'The event id (declared under events).' }),
  by: z.union([By, ByLevel]).meta({ description: 'Who may fire it: a by list, or a map from severity level to a by list.' }),
  authority: z
    .enum(AUTHORITY_AT)
    .optional()
    .meta({ description: 'With a per-level by: judge the current level (default), the requested one (the event data\'s severity), or the higher of the two.' }),
  delegable: z.boolean().optional().meta({ description: 'A delegate may act for an authorized principal (actor.onBehalfOf); recorded on the timeline.' }),
  when: Condition.optional().meta({ description: 'The transition is taken only when this holds.' }),
  requires: z.array(Id).optional().meta({ description: 'Extra field ids the event data must carry here.' }),
  target: Id.optional().meta({ description: 'The stage to go to. Omit to stay (the event is recorded).' }),
  targets: z.array(TargetBranch).min(1).optional().meta({ description: 'Conditional targets, first match wins.' }),
  do: z.array(Action).optional().meta({ description: 'Actions run when the transition is taken.' }),
};

/** A transition inside a stage (or a track of a stage). */
export const Transition = z.strictObject(transitionShape).meta({ description: 'A transition: event, who may fire it, conditions and where it goes.' });
export type Transition = z.infer<typeof Transition>;

/** A transition accepted in several stages (`in`), declared once at the top level. */
export const SharedTransition = z
  .strictObject({
    ...transitionShape,
    in: z.union([z.array(Id).min(1), z.literal('*')]).meta({ description: 'Stage ids, or "*" for every stage that is not final.' }),
  })
  .meta({ description: 'A transition accepted in several stages.' });
export type SharedTransition = z.infer<typeof SharedTransition>;
