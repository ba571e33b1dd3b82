/** What an attempt returns to be tried again, reading the incident as stored. */
export const RETRY = Symbol('retry');

/**
 * The engine's one retry loop (send, firing, delivery): runs `attempt` up to `1 + maxRetries`
 * times, until it returns something other than {@link RETRY}. The first attempt may start from
 * the engine's cached copy (`fresh` false); every later one reads the incident as stored (`fresh`
 * true), since an attempt retries when a save met a newer version (or its copy looked stale).
 * Resolves to the first settled result, or `undefined` when every attempt asked to retry.
 * @internal
 *
 * @example
 * const result = await retryOnConflict(5, async (fresh) => (await trySave(fresh)) ?? RETRY);
 */
export async function retryOnConflict<T>(maxRetries: number, attempt: (fresh: boolean) => Promise<T | typeof RETRY>): Promise<T | undefined> {
  for (let tried = 0; tried <= maxRetries; tried++) {
    const result = await attempt(tried > 0);
    if (result !== RETRY) return result;
  }
  return undefined;
}
