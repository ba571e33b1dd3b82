import { PlanwrightError } from '../errors/planwright-error.js';
/**
 * Thrown by `postgresStore.save` when the incident's timeline does not continue the stored one:
 * it is shorter, an already stored entry changed, or the new entries break the hash chain.
 * Nothing is written (the whole save is rolled back).
 */
export class TimelineIntegrityError extends PlanwrightError {
  override readonly name = 'TimelineIntegrityError';
  readonly code = 'timeline-integrity';
  constructor(
    readonly incidentId: string,
    readonly detail: string,
  ) {
    super(`incident ${incidentId}: timeline does not continue the stored one: ${detail}`);
  }
}
