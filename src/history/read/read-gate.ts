import type { Readable } from 'node:stream';

/** Why an exclusive section did not run: readers held the gate past the wait. */
export class GateBusyError extends Error {
  constructor(
    readonly readers: number,
    waitedMs: number,
  ) {
    super(`${readers} history read(s) still in progress after ${waitedMs} ms`);
    this.name = 'GateBusyError';
  }
}

/**
 * Reads and deletes of the history archive exclude each other (a readers–writer gate):
 * - a read holds the gate from before it selects its lines until its last byte is produced,
 *   so no file it will read is deleted underneath it (the answer is complete, valid JSON);
 * - a delete waits until the reads in progress are done, up to a bound, and then runs alone;
 * - a read that arrives while a delete waits or runs starts after it (a stream of reads cannot starve a delete).
 * A delete that cannot get the gate within its bound gives up (GateBusyError) and nothing is deleted.
 */
export class ReadGate {
  private readers = 0;
  private writer: Promise<void> | undefined;
  private drained: (() => void) | undefined;

  get activeReaders(): number {
    return this.readers;
  }

  /** Enters as a reader; call the returned function exactly once when the read is over. */
  async enterRead(): Promise<() => void> {
    while (this.writer) await this.writer;
    this.readers++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.readers--;
      if (this.readers === 0) this.drained?.();
    };
  }

  /** Runs `work` with no read in progress, after waiting at most `waitMs` for the current readers. */
  async exclusive<T>(work: () => Promise<T>, waitMs: number): Promise<T> {
    while (this.writer) await this.writer;
    let open!: () => void;
    this.writer = new Promise<void>((resolve) => (open = resolve));
    try {
      if (this.readers > 0) await this.drain(waitMs);
      return await work();
    } finally {
      this.writer = undefined;
      open();
    }
  }

  private async drain(waitMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const drained = new Promise<boolean>((resolve) => (this.drained = () => resolve(true)));
    const timedOut = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), waitMs)));
    const ok = await Promise.race([drained, timedOut]);
    clearTimeout(timer);
    this.drained = undefined;
    if (!ok && this.readers > 0) throw new GateBusyError(this.readers, waitMs);
  }
}

/**
 * Holds a read lease for as long as a streamed body is open: released when it closes (its last byte
 * sent, or the client gone). A stream still open after `maxMs` (a client connected but not reading) is
 * destroyed, so no client can hold deletes off for good.
 */
export function holdWhileOpen(stream: Readable, release: () => void, maxMs: number): void {
  const cap = setTimeout(() => stream.destroy(), maxMs).unref();
  stream.once('close', () => {
    clearTimeout(cap);
    release();
  });
}
