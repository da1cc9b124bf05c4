/** Thrown to a caller whose own signal ended its wait (its client went away, or a cancel). */
export class RunCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

interface Flight<T> {
  key: string;
  promise: Promise<T>;
  controller: AbortController;
  callers: number;
}

/**
 * One job at a time. A caller asking for the job already running shares it; a caller asking for a
 * different one waits until the running one has settled. The running job is aborted when every
 * caller that shares it has gone away, or by cancel().
 */
export class SharedRun<T> {
  private current: Flight<T> | null = null;

  get running(): boolean {
    return this.current !== null;
  }

  async run(key: string, signal: AbortSignal | undefined, job: (signal: AbortSignal) => Promise<T>): Promise<T> {
    while (this.current && this.current.key !== key) {
      await waitOrAbort(this.current.promise.then(noop, noop), signal);
    }
    const flight = this.current ?? this.start(key, job);
    flight.callers++;
    try {
      return await waitOrAbort(flight.promise, signal);
    } finally {
      flight.callers--;
      if (flight.callers === 0 && this.current === flight) flight.controller.abort();
    }
  }

  /** Aborts the running job, if any; its callers get its (cancelled) outcome. */
  cancel(): boolean {
    if (!this.current) return false;
    this.current.controller.abort();
    return true;
  }

  private start(key: string, job: (signal: AbortSignal) => Promise<T>): Flight<T> {
    const controller = new AbortController();
    const flight: Flight<T> = { key, controller, callers: 0, promise: Promise.resolve() as Promise<unknown> as Promise<T> };
    flight.promise = job(controller.signal).finally(() => {
      if (this.current === flight) this.current = null;
    });
    this.current = flight;
    return flight;
  }
}

const noop = (): void => undefined;

function waitOrAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(new RunCancelled());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new RunCancelled());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
