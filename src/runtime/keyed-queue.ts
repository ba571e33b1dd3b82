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

  run<T>(key: string, job: () => Promise<T>): Promise<T> {
    // Even on an idle key the job starts in a later turn, never inside this call: a run() made
    // while another job on the key is starting (from an effect handler or a listener) then
    // queues behind that job instead of running beside it.
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(job, job);
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
