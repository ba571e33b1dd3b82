import * as z from 'zod';
import { Id, LocalizedText } from './common.js';

/**
 * A declared mapping from a field's value to a severity level, offered as a suggestion (DSL v2),
 * e.g. rainstorm warning colour → response level. The engine records the suggested level; a
 * proposer may choose another only by filling `override` (a reason).
 */
export const Suggestion = z
  .strictObject({
    id: Id,
    title: LocalizedText.optional(),
    from: Id.meta({ description: 'The enum field whose value the suggestion reads, e.g. the warning colour.' }),
    to: Id.meta({ description: 'The severity field an event proposes a level in.' }),
    map: z.record(z.string().min(1), Id).meta({ description: 'Each value of the from field → the suggested severity level.' }),
    override: Id.meta({ description: 'The field a proposer who chooses another level must fill (the reason); without it the event is refused.' }),
  })
  .meta({ description: 'A suggested severity level for each value of a field; choosing another needs a reason.' });
export type Suggestion = z.infer<typeof Suggestion>;
