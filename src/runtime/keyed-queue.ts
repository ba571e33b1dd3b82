/**
 * Runs async jobs one at a time per key (jobs on different keys run concurrently).
 * @internal
 *
 * @example
 * const queue = new KeyedQueue();
 * await Promise.all([queue.run('a', job1), queue.run('a', job2)]); // job2 starts after job1 settles
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  /** Number of keys with jobs queued or running. */
  get size(): number {
    return this.tails.size;
  }

  run<T>(key: string, job: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key);
    // With nothing queued on the key, the job starts at once (no extra turn of the event loop).
    const result = previous === undefined ? startNow(job) : previous.then(job, job);
    const done = (): void => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    };
    const tail: Promise<void> = result.then(done, done);
    this.tails.set(key, tail);
    return result;
  }

  /** Resolves when every job queued so far has settled. */
  async idle(): Promise<void> {
    while (this.tails.size > 0) await Promise.all([...this.tails.values()]);
  }
}

/** Calls `job` now; a synchronous throw becomes a rejected promise, as it would inside `then`. */
function startNow<T>(job: () => Promise<T>): Promise<T> {
  try {
    return job();
  } catch (error) {
    return Promise.reject(error);
  }
}
