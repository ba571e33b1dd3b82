import type { IncidentState } from '../incident.js';
import { assertIncidentId } from './incident-id.js';

/**
 * Checks what every store requires of a save before touching storage: a valid incident id,
 * an integer `expectedVersion` ≥ 0, and `incident.version` greater than `expectedVersion`
 * (a version that does not move forward would let two writers both pass the next check).
 *
 * @example
 * ```ts
 * assertSavable(incident, 0); // throws unless incident.version >= 1 and the id is valid
 * ```
 */
export function assertSavable(incident: Pick<IncidentState, 'id' | 'version'>, expectedVersion: number): void {
  assertIncidentId(incident.id);
  if (!Number.isSafeInteger(expectedVersion) || expectedVersion < 0) {
    throw new RangeError(`incident ${incident.id}: expectedVersion must be an integer >= 0, got ${expectedVersion}`);
  }
  if (!Number.isSafeInteger(incident.version) || incident.version <= expectedVersion) {
    throw new RangeError(
      `incident ${incident.id}: version ${incident.version} must be greater than the expected version ${expectedVersion}`,
    );
  }
}
