// The only file I/O of the Linux source: small asynchronous reads of /proc and /sys, so a
// slow /proc never blocks the event loop.
//
// Measured cost drove the shape (bench/overhead.mjs): every async fs call is a round trip
// through the libuv pool, and open + read + close per file per cycle cost about three times a
// single read. procfs regenerates a file on every read from offset 0, so files stay open and
// are re-read in place (as top does). The callback API is used because it is plainly cheaper
// than FileHandle for a few hundred tiny reads; it is just as non-blocking.
import { close, open, read } from 'node:fs';
import { readdir } from 'node:fs/promises';

export const openFd = (path: string): Promise<number> =>
  new Promise((resolve, reject) => open(path, 'r', (error, fd) => (error ? reject(error) : resolve(fd))));

export const readFd = (fd: number, buffer: Buffer, offset: number, position: number): Promise<number> =>
  new Promise((resolve, reject) =>
    read(fd, buffer, offset, buffer.length - offset, position, (error, bytesRead) => (error ? reject(error) : resolve(bytesRead))),
  );

/** Closing never fails a reading: errors (an fd already gone) are ignored. */
export const closeFd = (fd: number): void => close(fd, () => undefined);

/** A reusable read buffer; one per concurrent reader. */
export class ReadBuffer {
  bytes = Buffer.allocUnsafe(4096);
}

/**
 * Reads an open procfs file from offset 0 to its end. A read returns at most one page of
 * records for seq files (e.g. diskstats), so a short read ends the file only when the file is
 * one record (`singleRecord`: stat, meminfo, uptime, pid stat, built in one piece by the
 * kernel) or when less than half a page came back; otherwise read on until 0 bytes.
 */
export async function readFromStart(fd: number, into: ReadBuffer, singleRecord: boolean): Promise<string> {
  let length = 0;
  for (;;) {
    if (length === into.bytes.length) {
      const bigger = Buffer.allocUnsafe(into.bytes.length * 2);
      into.bytes.copy(bigger);
      into.bytes = bigger;
    }
    const room = into.bytes.length - length;
    const bytesRead = await readFd(fd, into.bytes, length, length);
    length += bytesRead;
    if (bytesRead === 0 || (bytesRead < room && (singleRecord || bytesRead < 2048))) break;
  }
  return into.bytes.toString('utf8', 0, length);
}

/** One /proc file kept open across cycles; reopened once if its descriptor stops working. */
export class ProcFile {
  private fd: Promise<number> | undefined;

  constructor(
    readonly path: string,
    private readonly singleRecord: boolean,
  ) {}

  /** The file's text, or '' when it cannot be read (its figures then become zeros). */
  async readOrEmpty(into: ReadBuffer): Promise<string> {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        this.fd ??= openFd(this.path);
        return await readFromStart(await this.fd, into, this.singleRecord);
      } catch {
        const stale = this.fd;
        this.fd = undefined;
        void stale?.then(closeFd, () => undefined);
      }
    }
    return '';
  }

  /** Closes the descriptor; a later read opens the file again. */
  close(): void {
    const fd = this.fd;
    this.fd = undefined;
    void fd?.then(closeFd, () => undefined);
  }
}

/** Numeric entries of /proc (one per process; threads are not listed at the top level). */
export async function listPids(procRoot: string): Promise<number[]> {
  const names = await readdir(procRoot).catch(() => [] as string[]);
  const pids: number[] = [];
  for (const name of names) {
    const code = name.charCodeAt(0);
    if (code >= 48 && code <= 57) pids.push(Number(name));
  }
  return pids;
}

/** Names listed in /sys/block (whole disks); empty when /sys is not mounted. */
export async function listBlockDevices(sysBlockDir: string): Promise<Set<string>> {
  return new Set(await readdir(sysBlockDir).catch(() => [] as string[]));
}

/** Reads a small file once (no descriptor kept); '' when it cannot be read. */
export async function readOnce(path: string, into: ReadBuffer = new ReadBuffer()): Promise<string> {
  const fd = await openFd(path).catch(() => undefined);
  if (fd === undefined) return '';
  try {
    return await readFromStart(fd, into, false);
  } catch {
    return '';
  } finally {
    closeFd(fd);
  }
}

/**
 * Runs `task` over `items` with at most `concurrency` in flight, so a scan of hundreds of pids
 * never queues hundreds of jobs ahead of the engine's own file writes in the libuv pool.
 * `task` gets the worker's index so each worker can own a buffer.
 */
export async function mapPool<T, R>(items: readonly T[], concurrency: number, task: (item: T, worker: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (_: unknown, workerIndex: number): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index], workerIndex);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

/**
 * Page size in bytes, for turning rss pages into bytes. Node has no sysconf, so it is the
 * ratio of our own VmRSS (kB, /proc/self/status) to our resident pages (/proc/self/statm),
 * snapped to a power of two; 4096 (x86, most arm64) when either file is unreadable.
 */
export async function detectPageSize(procRoot: string): Promise<number> {
  const statm = await readOnce(`${procRoot}/self/statm`);
  const status = await readOnce(`${procRoot}/self/status`);
  const pages = Number(statm.split(' ')[1]);
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
  if (!(pages > 0 && rssKb > 0)) return 4096;
  const size = 2 ** Math.round(Math.log2((rssKb * 1024) / pages));
  return size >= 4096 && size <= 65536 ? size : 4096;
}
