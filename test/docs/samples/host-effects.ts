// Host guide samples: effect handlers that tolerate a repeated delivery.
import type { IncidentSnapshot } from '../../../src/runtime/index.js';
// #region doc:dedupe
import type { EffectHandler } from '../../../src/runtime/index.js';

/** What the handler needs from your systems. */
export interface Messaging {
  /** Has a message for this key gone out? (a unique column in your database) */
  sent(key: string): Promise<boolean>;
  /** Sends a text to everyone holding one of `roles`, recording `key` in the same transaction. */
  sendToRoles(key: string, roles: readonly string[], text: string): Promise<void>;
}

export function notifyHandler(messaging: Messaging): EffectHandler {
  return async (effect, { incident }) => {
    if (await messaging.sent(effect.id)) return; // delivered before a crash: do not send twice
    const roles = effect.payload['roles'] as string[];
    const text = typeof effect.payload['text'] === 'string' ? effect.payload['text'] : describe(effect.payload, incident);
    await messaging.sendToRoles(effect.id, roles, text);
  };
}
// #endregion

function describe(payload: Record<string, unknown>, incident: IncidentSnapshot): string {
  const deadline = typeof payload['deadline'] === 'string' ? payload['deadline'] : undefined;
  const reason = payload['reason'] === 'reminder' ? 'due soon' : payload['reason'] === 'breach' ? 'missed' : 'notice';
  return `${incident.title}: ${deadline === undefined ? reason : `deadline ${deadline} ${reason}`}`;
}
