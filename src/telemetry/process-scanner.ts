// The expensive part of a snapshot (SPEC §5): one /proc/[pid]/stat read per process.
import { detectPageSize, listPids, mapPool, ProcFileReader } from './proc-files.js';
import { parsePidStat, parseUptime, processStatus, type PidStat } from './proc-parsers.js';
import { processCpuPercent, round, topProcesses } from './snapshot-math.js';
import type { ProcessRecord } from './snapshot.record.js';

/**
 * USER_HZ, the unit of the times in /proc/[pid]/stat. The kernel ABI fixes it at 100 on every
 * architecture Node runs on (CONFIG_HZ varies, USER_HZ does not), and `getconf CLK_TCK` would
 * cost a child process to learn that.
 */
export const CLOCK_TICKS_PER_SEC = 100;

/** The kernel truncates `comm` to 15 characters (TASK_COMM_LEN 16 with the NUL). */
const COMM_MAX_LENGTH = 15;

export interface ScanContext {
  memTotalBytes: number;
  /** `btime` of /proc/stat: process start times are relative to it. */
  bootTimeSec: number;
}

export interface ProcessScannerOptions {
  procRoot?: string;
  /** How many processes the snapshot keeps. */
  limit?: number;
  /** Reads in flight at once. */
  concurrency?: number;
}

/**
 * Lists processes from /proc/[pid]/stat alone: it carries utime, stime, starttime and rss, so
 * /proc/[pid]/statm (the same rss counter) would only double the reads. CPU % is measured
 * against the previous scan; /proc/uptime is the timer, so no clock is needed.
 */
export class ProcessScanner {
  private readonly procRoot: string;
  private readonly limit: number;
  private readonly readers: ProcFileReader[];
  /** pid → start time and cpu ticks at the previous scan. */
  private previous = new Map<number, { startTicks: number; cpuTicks: number }>();
  private previousUptimeSec: number | undefined;
  private pageSizeBytes: number | undefined;

  constructor(options: ProcessScannerOptions = {}) {
    this.procRoot = options.procRoot ?? '/proc';
    this.limit = options.limit ?? 15;
    this.readers = Array.from({ length: Math.max(1, options.concurrency ?? 4) }, () => new ProcFileReader());
  }

  async scan(context: ScanContext): Promise<ProcessRecord[]> {
    const reader = this.readers[0];
    this.pageSizeBytes ??= await detectPageSize(reader, this.procRoot);
    const uptimeSec = parseUptime(await reader.readOrEmpty(`${this.procRoot}/uptime`, true));
    const pids = await listPids(this.procRoot);
    // A pid that exits between readdir and read (ENOENT/ESRCH) is simply left out.
    const stats = await mapPool(pids, this.readers.length, (pid, worker) =>
      this.readers[worker].read(`${this.procRoot}/${pid}/stat`, true).then(parsePidStat, () => undefined),
    );
    const elapsedSec = this.previousUptimeSec === undefined ? 0 : uptimeSec - this.previousUptimeSec;
    const next = new Map<number, { startTicks: number; cpuTicks: number }>();
    const records: ProcessRecord[] = [];
    for (const stat of stats) {
      if (!stat) continue;
      next.set(stat.pid, { startTicks: stat.startTicks, cpuTicks: stat.cpuTicks });
      records.push(this.toRecord(stat, elapsedSec, uptimeSec, context));
    }
    this.previous = next;
    this.previousUptimeSec = uptimeSec;
    const top = topProcesses(records, this.limit);
    await Promise.all(top.map((record) => this.restoreFullName(record)));
    return top;
  }

  private toRecord(stat: PidStat, elapsedSec: number, uptimeSec: number, context: ScanContext): ProcessRecord {
    const before = this.previous.get(stat.pid);
    // A reused pid has another start time, so the old process's ticks do not apply to it.
    const previousTicks = before?.startTicks === stat.startTicks ? before.cpuTicks : undefined;
    const startSec = stat.startTicks / CLOCK_TICKS_PER_SEC;
    const cpu = processCpuPercent(
      { previous: previousTicks, current: stat.cpuTicks },
      elapsedSec,
      uptimeSec - startSec,
      CLOCK_TICKS_PER_SEC,
    );
    const rss = stat.rssPages * (this.pageSizeBytes ?? 4096);
    return {
      pid: stat.pid,
      name: stat.comm,
      cpu_percent: round(cpu, 2),
      memory_percent: context.memTotalBytes > 0 ? round((rss / context.memTotalBytes) * 100, 2) : 0,
      memory_rss: rss,
      status: processStatus(stat.state),
      create_time: round(context.bootTimeSec + startSec, 2),
    };
  }

  /** Like psutil: a 15-character comm is probably cut, so take the executable name from cmdline. */
  private async restoreFullName(record: ProcessRecord): Promise<void> {
    if (record.name.length !== COMM_MAX_LENGTH) return;
    const cmdline = await new ProcFileReader().readOrEmpty(`${this.procRoot}/${record.pid}/cmdline`);
    const executable = cmdline.split('\0')[0].split('/').pop() ?? '';
    if (executable.startsWith(record.name)) record.name = executable;
  }
}
