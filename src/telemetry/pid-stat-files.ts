// /proc/[pid]/stat descriptors kept open between process scans (see proc-files.ts for why).
import { closeFd, openFd, readFd, readFromStart, readOnce, type ReadBuffer } from './proc-files.js';

/** Never keep more than this many, whatever the limit: beyond it a scan opens and closes. */
const MAX_KEPT = 1024;

/**
 * How many stat descriptors may stay open: a quarter of our soft RLIMIT_NOFILE (from
 * /proc/self/limits), so sockets and files of the engine and its host app keep most of it.
 */
export async function keptDescriptorBudget(procRoot: string): Promise<number> {
  const limits = await readOnce(`${procRoot}/self/limits`);
  const soft = /^Max open files\s+(\S+)/m.exec(limits)?.[1];
  if (soft === undefined) return 64; // unknown limit: stay modest
  return soft === 'unlimited' ? MAX_KEPT : Math.min(MAX_KEPT, Math.floor(Number(soft) / 4) || 0);
}

/**
 * Keeps one descriptor per process, so a steady process costs one read per scan. A
 * descriptor outlives its process: reading it then fails (ESRCH), and a new process that got
 * the same pid is opened afresh.
 */
export class PidStatFiles {
  private readonly fds = new Map<number, number>();
  private budget: number | undefined;

  constructor(
    private readonly procRoot: string,
    maxOpen?: number,
  ) {
    this.budget = maxOpen;
  }

  /** Text of /proc/[pid]/stat, or undefined when the process is gone. */
  async read(pid: number, into: ReadBuffer): Promise<string | undefined> {
    this.budget ??= await keptDescriptorBudget(this.procRoot);
    const kept = this.fds.get(pid);
    if (kept !== undefined) {
      try {
        // Fast path, most pids on most scans: one read, as a stat line is far below 4 KiB.
        const bytesRead = await readFd(kept, into.bytes, 0, 0);
        if (bytesRead < into.bytes.length) return into.bytes.toString('utf8', 0, bytesRead);
        return await readFromStart(kept, into, true);
      } catch {
        this.forget(pid);
      }
    }
    let fd: number;
    try {
      fd = await openFd(`${this.procRoot}/${pid}/stat`);
    } catch (error) {
      // Out of descriptors: keep no more, so the engine's own files and sockets get them back.
      if (isOutOfDescriptors(error)) this.budget = Math.min(this.budget, Math.floor(this.fds.size / 2));
      return undefined; // or the process exited between the listing and this read (ENOENT/ESRCH)
    }
    const keep = this.fds.size < this.budget;
    if (keep) this.fds.set(pid, fd);
    try {
      return await readFromStart(fd, into, true);
    } catch {
      if (keep) this.forget(pid); // closes it
      return undefined;
    } finally {
      if (!keep) closeFd(fd);
    }
  }

  /** Closes the descriptors of processes that are no longer listed, and any beyond the budget. */
  retainOnly(pids: ReadonlySet<number>): void {
    for (const pid of this.fds.keys()) {
      if (!pids.has(pid) || this.fds.size > (this.budget ?? MAX_KEPT)) this.forget(pid);
    }
  }

  /** Closes every kept descriptor. */
  closeAll(): void {
    for (const pid of [...this.fds.keys()]) this.forget(pid);
  }

  get openCount(): number {
    return this.fds.size;
  }

  private forget(pid: number): void {
    const fd = this.fds.get(pid);
    this.fds.delete(pid);
    if (fd !== undefined) closeFd(fd);
  }
}

function isOutOfDescriptors(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'EMFILE' || code === 'ENFILE';
}
