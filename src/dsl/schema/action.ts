import * as z from 'zod';
import { Id, LocalizedText } from './common.js';
import { Condition } from './condition.js';
import { ID_MAX_LENGTH, NOTIFY_TARGET_MESSAGE, NOTIFY_TARGET_PATTERN } from './patterns.js';

/** DSL v2: an action runs only when this holds (a level, a data field); omitted, it always runs. */
const when = Condition.optional().meta({ description: 'Run the action only when this holds (read when it runs: the incident data and level).' });

/** A role to notify: a role id, or `owner.leader` / `owner.deputy` / `owner.members` (DSL v2). */
export const NotifyTarget = z
  .string()
  .regex(NOTIFY_TARGET_PATTERN, NOTIFY_TARGET_MESSAGE)
  .max(ID_MAX_LENGTH)
  .meta({ description: 'A role id, or owner.leader / owner.deputy / owner.members: that position of the team owning the stage at the incident\'s level.' });

/** Notify roles (the host's `notify` effect handler delivers it), optionally with a template. */
export const NotifyAction = z.strictObject({
  notify: z.array(NotifyTarget).min(1).meta({ description: 'Role ids to notify (or owner.leader / owner.deputy / owner.members).' }),
  template: Id.optional(),
  message: LocalizedText.optional(),
  when,
});
/** Change the incident's severity: one level up, or to a named level. */
export const RegradeAction = z.strictObject({
  regrade: z.union([z.literal('up'), z.literal('down'), Id]).meta({ description: '`up` (one level more severe), `down` (one level less severe) or a severity level id.' }),
  when,
});
/** Write a line into the incident timeline. */
export const RecordAction = z.strictObject({ record: LocalizedText, when });
/** Run a host effect by name (declared under `effects`), optionally with a template. */
export const EffectAction = z.strictObject({
  effect: Id,
  template: Id.optional(),
  to: z.array(Id).optional().meta({ description: 'Role ids the effect addresses, if any.' }),
  when,
});

/** Something the engine does: notify, regrade, record, or a named host effect. */
export const Action = z
  .union([NotifyAction, RegradeAction, RecordAction, EffectAction])
  .meta({ description: 'An action: {notify: [roles]}, {regrade: up|down|level}, {record: text} or {effect: id}; each may have a `when` condition.' });
export type Action = z.infer<typeof Action>;

/** A host effect the plan may ask for (besides the built-in `notify`). */
export const EffectDeclaration = z
  .strictObject({ id: Id, title: LocalizedText.optional(), description: LocalizedText.optional() })
  .meta({ description: 'A named effect the host app implements (e.g. publish).' });
export type EffectDeclaration = z.infer<typeof EffectDeclaration>;
