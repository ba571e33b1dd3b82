// Host guide samples: what to do with each refusal.
// #region doc:errors
import type { SendError } from '../../../src/runtime/index.js';

/** The HTTP status for a refused event, and what the caller should do about it. */
export function statusFor(error: SendError): number {
  switch (error.code) {
    case 'unknown-event': // the plan has no such event: a bug in the caller (details.event)
      return 400;
    case 'unauthorized': // the person's roles may not fire it here (details.allowed lists the roles that may)
      return 403;
    case 'not-found': // no incident with that id
      return 404;
    case 'not-in-stage': // not accepted in the current stage, or its `when` does not hold (details.acceptedIn)
    case 'closed': // the incident is closed: nothing more is accepted
      return 409;
    case 'conflict': // other writers kept changing the incident (after maxRetries); try again
      return 409;
    case 'plan-mismatch': // saved under another plan version with no migration: deploy one (see below)
      return 409;
    case 'invalid-data': // details.issues: [{ field, problem: 'missing' | 'unknown' | 'invalid', message }]
      return 422;
    case 'corrupt': // the stored incident failed its integrity check (edited outside the engine): repair it from a backup
      return 500;
  }
}
// #endregion
