// The only file I/O of the Linux source: small async reads of /proc and /sys (never sync,
// so a slow /proc never blocks the event loop).
import { open, readdir } from 'node:fs/promises';

/**
 * Reads /proc files into one reused buffer. fs.readFile would allocate a fresh 64 KiB chunk
 * per file (procfs reports size 0), which for a few hundred pids is megabytes of garbage
 * on every process scan.
 */
export class ProcFileReader {
  private buffer = Buffer.allocUnsafe(4096);
  private busy = false;

  /**
   * Whole file as text. `singleRecord` files (pid stat, uptime) are generated in one piece by
   * the kernel, so a read that leaves room in the buffer is the end: that saves one read call.
   */
  async read(path: string, singleRecord = false): Promise<string> {
    // A second caller while a read is in flight gets its own buffer instead of sharing this one.
    if (this.busy) return new ProcFileReader().read(path, singleRecord);
    this.busy = true;
    try {
      const handle = await open(path, 'r');
      try {
        let length = 0;
        for (;;) {
          if (length === this.buffer.length) this.grow();
          const room = this.buffer.length - length;
          const { bytesRead } = await handle.read(this.buffer, length, room, null);
          length += bytesRead;
          if (bytesRead === 0 || (singleRecord && bytesRead < room)) break;
        }
        return this.buffer.toString('utf8', 0, length);
      } finally {
        await handle.close();
      }
    } finally {
      this.busy = false;
    }
  }

  /** Like `read`, but a missing or unreadable file is '' (its figures become zeros). */
  readOrEmpty(path: string, singleRecord = false): Promise<string> {
    return this.read(path, singleRecord).catch(() => '');
  }

  private grow(): void {
    const bigger = Buffer.allocUnsafe(this.buffer.length * 2);
    this.buffer.copy(bigger);
    this.buffer = bigger;
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

/**
 * Runs `task` over `items` with at most `concurrency` in flight, so a scan of hundreds of pids
 * never fills the libuv pool that the engine's own file writes also need. `task` gets the
 * worker's index so each worker can own a reader.
 */
export async function mapPool<T, R>(
  items: readonly T[],
  concurrency: number,
  task: (item: T, worker: number) => Promise<R>,
): Promise<R[]> {
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
export async function detectPageSize(reader: ProcFileReader, procRoot: string): Promise<number> {
  const statm = await reader.readOrEmpty(`${procRoot}/self/statm`, true);
  const status = await reader.readOrEmpty(`${procRoot}/self/status`);
  const pages = Number(statm.split(' ')[1]);
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
  if (!(pages > 0 && rssKb > 0)) return 4096;
  const size = 2 ** Math.round(Math.log2((rssKb * 1024) / pages));
  return size >= 4096 && size <= 65536 ? size : 4096;
}
