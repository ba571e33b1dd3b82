/** The command did what was asked and found nothing wrong. */
export const EXIT_OK = 0;
/** The command ran and found errors (plan errors, failed drills, …). */
export const EXIT_FAILED = 1;
/** The command could not run as asked: bad arguments, a missing file, an invalid scenario. */
export const EXIT_USAGE = 2;
