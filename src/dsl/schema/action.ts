import * as z from 'zod';
import { Id, LocalizedText } from './common.js';

/** Notify roles (the host's `notify` effect handler delivers it), optionally with a template. */
export const NotifyAction = z.strictObject({
  notify: z.array(Id).min(1).meta({ description: 'Role ids to notify.' }),
  template: Id.optional(),
  message: LocalizedText.optional(),
});
/** Change the incident's severity: one level up, or to a named level. */
export const RegradeAction = z.strictObject({
  regrade: z.union([z.literal('up'), z.literal('down'), Id]).meta({ description: '`up` (one level more severe), `down` (one level less severe) or a severity level id.' }),
});
/** Write a line into the incident timeline. */
export const RecordAction = z.strictObject({ record: LocalizedText });
/** Run a host effect by name (declared under `effects`), optionally with a template. */
export const EffectAction = z.strictObject({
  effect: Id,
  template: Id.optional(),
  to: z.array(Id).optional().meta({ description: 'Role ids the effect addresses, if any.' }),
});

/** Something the engine does: notify, regrade, record, or a named host effect. */
export const Action = z
  .union([NotifyAction, RegradeAction, RecordAction, EffectAction])
  .meta({ description: 'An action: {notify: [roles]}, {regrade: up|down|level}, {record: text} or {effect: id}.' });
export type Action = z.infer<typeof Action>;

/** A host effect the plan may ask for (besides the built-in `notify`). */
export const EffectDeclaration = z
  .strictObject({ id: Id, title: LocalizedText.optional(), description: LocalizedText.optional() })
  .meta({ description: 'A named effect the host app implements (e.g. publish).' });
export type EffectDeclaration = z.infer<typeof EffectDeclaration>;
