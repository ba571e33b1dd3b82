import type { Locale } from '../../diagnostics/locale.js';
import { DRILL_MESSAGES } from '../../messages/drill-messages.js';
import { messagesIn } from '../../messages/message-table.js';
import { refusalMeaning } from '../../messages/refusal-messages.js';

/** What a refusal is explained from: the engine's code and the step that was refused. */
export interface RefusalFacts {
  code: string;
  event: string;
  /** The person who sent it and the roles the drill gives them. */
  by: string;
  roles: readonly string[];
  /** The stage the incident was in. */
  stage: string;
}

/**
 * The reason behind an engine refusal in words, by its code (`unknown-event`, `not-in-stage`,
 * `unauthorized`, `invalid-data`; any other code by its meaning), as one `why: …` line.
 *
 * @example
 * refusalReason({ code: 'unauthorized', event: 'APPROVE', by: 'liu', roles: ['clerk'], stage: 'strategy' }, 'en');
 * // 'why: liu (roles: clerk) holds none of the roles allowed to send APPROVE here'
 */
export function refusalReason(facts: RefusalFacts, locale: Locale): string {
  const t = messagesIn(DRILL_MESSAGES, locale);
  const { event, stage, by } = facts;
  const reason =
    facts.code === 'unknown-event'
      ? t.refusalUnknownEvent({ event })
      : facts.code === 'not-in-stage'
        ? t.refusalNotInStage({ event, stage })
        : facts.code === 'unauthorized'
          ? t.refusalUnauthorized({ event, by, roles: facts.roles.length === 0 ? t.noRoles() : facts.roles.join(', ') })
          : facts.code === 'invalid-data'
            ? t.refusalInvalidData({ event })
            : refusalMeaning(facts.code, locale);
  return t.refusalReason({ reason });
}
