/**
 * Runs async critical sections one at a time per key (an in-process lock per incident id).
 * Sections for different keys run concurrently. A failing section does not block the next.
 */
export interface KeyedMutex {
  run<T>(key: string, section: () => Promise<T>): Promise<T>;
  /** Resolves once every section started so far has settled. */
  idle(): Promise<void>;
}

/**
 * Creates a {@link KeyedMutex}.
 *
 * @example
 * ```ts
 * const mutex = keyedMutex();
 * await mutex.run('PO-1', async () => { // read, check version, write
 * });
 * ```
 */
export function keyedMutex(): KeyedMutex {
  const tails = new Map<string, Promise<unknown>>();
  return {
    run<T>(key: string, section: () => Promise<T>): Promise<T> {
      const previous = tails.get(key) ?? Promise.resolve();
      const result = previous.then(section, section);
      const tail = result.then(
        () => undefined,
        () => undefined,
      );
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return result;
    },
    async idle() {
      await Promise.all([...tails.values()]);
    },
  };
}
