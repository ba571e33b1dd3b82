import { msOf } from './change.js';
import type { DeadlineInstance } from './incident.js';

/**
 * The instant (ms) a deadline instance is measured from: its base (stage entry, a datetime field,
 * the previous due time of a recurring deadline), else the time it was armed.
 * @internal
 *
 * @example
 * instanceBaseMs({ armedAt: '2024-05-01T08:00:00.000Z' }); // Date.parse('2024-05-01T08:00:00.000Z')
 */
export function instanceBaseMs(instance: Pick<DeadlineInstance, 'baseAt' | 'armedAt'>): number {
  return msOf(instance.baseAt ?? instance.armedAt);
}
