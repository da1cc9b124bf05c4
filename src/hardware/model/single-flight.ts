/**
 * At most one run per key in flight: callers that arrive while it runs share its promise, and the
 * next caller after it settles starts a new run.
 */
export class SingleFlight<K, V> {
  private readonly running = new Map<K, Promise<V>>();

  /** The run in flight for `key`, if any. */
  current(key: K): Promise<V> | undefined {
    return this.running.get(key);
  }

  /** Registers `run` as the flight of `key`, until it settles. */
  track(key: K, run: Promise<V>): Promise<V> {
    this.running.set(key, run);
    const clear = () => {
      if (this.running.get(key) === run) this.running.delete(key);
    };
    run.then(clear, clear);
    return run;
  }

  get size(): number {
    return this.running.size;
  }
}
