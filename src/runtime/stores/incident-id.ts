import { PlanwrightError } from '../../errors/planwright-error.js';
/**
 * What every planwright store accepts as an incident id: 1–128 characters, letters, digits,
 * `.`, `_` and `-`, starting with a letter or digit. The rule keeps ids safe as file names
 * (no `/`, `\`, `..`, NUL) and as keys in every store, so an id works the same in all of them.
 */
export const INCIDENT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** Thrown when an incident id does not match {@link INCIDENT_ID_PATTERN}. */
export class InvalidIncidentIdError extends PlanwrightError {
  override readonly name = 'InvalidIncidentIdError';
  readonly code = 'invalid-incident-id';
  constructor(readonly incidentId: unknown) {
    super(
      `invalid incident id ${JSON.stringify(incidentId)}: use 1-128 letters, digits, ".", "_" or "-", starting with a letter or digit`,
    );
  }
}

/**
 * Throws {@link InvalidIncidentIdError} unless `id` is a valid incident id.
 *
 * @example
 * ```ts
 * assertIncidentId('PO-2024-0001'); // ok
 * assertIncidentId('../etc/passwd'); // throws InvalidIncidentIdError
 * ```
 */
export function assertIncidentId(id: unknown): asserts id is string {
  if (!isIncidentId(id)) throw new InvalidIncidentIdError(id);
}

/**
 * Whether `id` is a valid incident id ({@link INCIDENT_ID_PATTERN}).
 *
 * @example
 * ```ts
 * isIncidentId('PO-2024-0001'); // true
 * isIncidentId('../etc/passwd'); // false
 * ```
 */
export function isIncidentId(id: unknown): id is string {
  return typeof id === 'string' && INCIDENT_ID_PATTERN.test(id);
}
