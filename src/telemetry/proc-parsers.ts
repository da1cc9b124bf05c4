// Pure parsers for the Linux /proc files the system source reads (SPEC §5 "Snapshot").
// They never throw: a missing or garbled figure becomes 0, so one odd line costs one figure.

/** Jiffies of one `cpu` line of /proc/stat, reduced to what a percentage needs. */
export interface CpuTimes {
  busy: number;
  total: number;
}

export interface ProcStat {
  total: CpuTimes;
  perCore: CpuTimes[];
  /** Boot time, unix seconds (`btime`); 0 when absent. */
  bootTimeSec: number;
}

export interface DiskCounters {
  read_bytes: number;
  write_bytes: number;
  read_count: number;
  write_count: number;
}

export interface PidStat {
  pid: number;
  /** `comm`: at most 15 characters and may itself contain spaces and parentheses. */
  comm: string;
  state: string;
  /** utime + stime, clock ticks. */
  cpuTicks: number;
  /** Start time after boot, clock ticks. */
  startTicks: number;
  rssPages: number;
}

const toNumber = (text: string | undefined): number => {
  const value = Number(text);
  return Number.isFinite(value) ? value : 0;
};

/** One `cpuN` line: user nice system idle iowait irq softirq steal guest guest_nice. */
function cpuTimes(fields: string[]): CpuTimes {
  const [user, nice, system, idle, iowait, irq, softirq, steal] = fields.slice(1, 9).map(toNumber);
  // guest and guest_nice are already counted inside user and nice, so they are left out of
  // the total (as psutil does); iowait is idle time as far as "how busy" is concerned.
  const total = (user ?? 0) + (nice ?? 0) + (system ?? 0) + (idle ?? 0) + (iowait ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0);
  return { busy: total - (idle ?? 0) - (iowait ?? 0), total };
}

export function parseProcStat(text: string): ProcStat {
  const result: ProcStat = { total: { busy: 0, total: 0 }, perCore: [], bootTimeSec: 0 };
  for (const line of text.split('\n')) {
    if (line.startsWith('cpu')) {
      const fields = line.trim().split(/\s+/);
      if (fields[0] === 'cpu') result.total = cpuTimes(fields);
      else result.perCore.push(cpuTimes(fields));
    } else if (line.startsWith('btime ')) {
      result.bootTimeSec = toNumber(line.slice(6).trim());
    }
  }
  return result;
}

/** /proc/meminfo as a map of field name to bytes (values are in kB except a few counts). */
export function parseMeminfo(text: string): Map<string, number> {
  const fields = new Map<string, number>();
  for (const line of text.split('\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const value = line.slice(colon + 1).trim(); // "24683620 kB" or "3"
    const number = Number.parseInt(value, 10);
    if (Number.isFinite(number)) fields.set(line.slice(0, colon), number * (value.endsWith(' kB') ? 1024 : 1));
  }
  return fields;
}

// Devices whose I/O is already counted on a physical disk (dm-* for LVM/crypt, md* for
// software RAID) or is not disk I/O at all (loop files, RAM disks, zram swap in memory).
const NOT_A_PHYSICAL_DISK = /^(loop|ram|zram|dm-|md)\d/;
// Fallback when /sys/block is unreadable: the usual partition names (sda1, vdb2, nvme0n1p3, mmcblk0p1).
const PARTITION_NAME = /^((sd|hd|vd|xvd)[a-z]+\d+|(nvme\d+n\d+|mmcblk\d+)p\d+)$/;

/**
 * Whether a /proc/diskstats row is a whole physical disk. Partitions are skipped because the
 * whole disk already includes them; `wholeDisks` is the /sys/block listing when available.
 */
export function isPhysicalWholeDisk(name: string, wholeDisks?: ReadonlySet<string>): boolean {
  if (NOT_A_PHYSICAL_DISK.test(name)) return false;
  return wholeDisks && wholeDisks.size > 0 ? wholeDisks.has(name) : !PARTITION_NAME.test(name);
}

/** Cumulative disk counters summed over physical whole disks. */
export function parseDiskstats(text: string, wholeDisks?: ReadonlySet<string>): DiskCounters {
  const sum: DiskCounters = { read_bytes: 0, write_bytes: 0, read_count: 0, write_count: 0 };
  for (const line of text.split('\n')) {
    // major minor name reads merged sectors_read ms writes merged sectors_written ...
    const fields = line.trim().split(/\s+/);
    if (fields.length < 10 || !isPhysicalWholeDisk(fields[2], wholeDisks)) continue;
    // diskstats sectors are always 512 bytes, whatever the device's real sector size.
    sum.read_count += toNumber(fields[3]);
    sum.read_bytes += toNumber(fields[5]) * 512;
    sum.write_count += toNumber(fields[7]);
    sum.write_bytes += toNumber(fields[9]) * 512;
  }
  return sum;
}

/** /proc/[pid]/stat; undefined when the text is not a stat line (e.g. an empty read). */
export function parsePidStat(text: string): PidStat | undefined {
  // comm may contain spaces and ')' itself, so it ends at the LAST ')'.
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) return undefined;
  // After the comm: state(3) ppid ... utime(14) stime(15) ... starttime(22) vsize(23) rss(24).
  // The limit stops split at rss: the ~30 fields after it are never needed.
  const rest = text.slice(close + 2).split(' ', 22);
  if (rest.length < 22) return undefined;
  return {
    pid: toNumber(text.slice(0, open).trim()),
    comm: text.slice(open + 1, close),
    state: rest[0],
    cpuTicks: toNumber(rest[11]) + toNumber(rest[12]),
    startTicks: toNumber(rest[19]),
    rssPages: toNumber(rest[21]),
  };
}

/** /proc/uptime: seconds since boot (first field), a monotonic timer that /proc shares with us. */
export function parseUptime(text: string): number {
  return toNumber(text.split(' ')[0]);
}

// State letters from proc(5), named as psutil names them (the earlier engine's wire values).
const STATUS_BY_STATE: Record<string, string> = {
  R: 'running',
  S: 'sleeping',
  D: 'disk-sleep',
  T: 'stopped',
  t: 'tracing-stop',
  Z: 'zombie',
  X: 'dead',
  x: 'dead',
  I: 'idle',
  K: 'wake-kill',
  W: 'waking',
  P: 'parked',
};

export function processStatus(state: string): string {
  return STATUS_BY_STATE[state] ?? 'unknown';
}
