import { PlanwrightError } from '../errors/planwright-error.js';
/**
 * Thrown by `postgresStore.save` when a save does not continue the stored timeline: its entries
 * do not follow the stored head (seq, prevHash), break the hash chain among themselves, or the
 * snapshot's head is not their last. Nothing is written (the whole save is rolled back).
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
