// Pure arithmetic shared by the system sources: percentages, rounding, process ranking.
import type { CpuTimes } from './proc-parsers.js';
import type { ProcessRecord, SnapshotRecord } from './snapshot.record.js';

export const round = (value: number, decimals: number): number => {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
};

const clampPercent = (value: number): number => (Number.isFinite(value) ? Math.min(100, Math.max(0, value)) : 0);

/**
 * Busy share of the time elapsed between two readings, 1 decimal like the earlier engine.
 * Without a previous reading the counters since boot are used: a sane first value instead of 0.
 */
export function cpuPercent(previous: CpuTimes | undefined, current: CpuTimes): number {
  const totalDelta = current.total - (previous?.total ?? 0);
  const busyDelta = current.busy - (previous?.busy ?? 0);
  // No time elapsed (or counters reset by a CPU going offline): nothing to measure.
  if (totalDelta <= 0) return 0;
  return round(clampPercent((busyDelta / totalDelta) * 100), 1);
}

/** Per-core percentages; a core that was not there last time is measured since boot. */
export function perCorePercent(previous: CpuTimes[] | undefined, current: CpuTimes[]): number[] {
  const comparable = previous?.length === current.length ? previous : undefined;
  return current.map((times, index) => cpuPercent(comparable?.[index], times));
}

/** Memory and swap from /proc/meminfo fields (bytes), computed the way psutil does. */
export function memoryFromMeminfo(fields: ReadonlyMap<string, number>): Pick<SnapshotRecord, 'memory' | 'swap'> {
  const get = (name: string): number => fields.get(name) ?? 0;
  const total = get('MemTotal');
  const free = get('MemFree');
  const buffers = get('Buffers');
  // Reclaimable slab is cache too: the kernel drops it under pressure like the page cache.
  const cached = get('Cached') + get('SReclaimable');
  // Kernels older than 3.14 have no MemAvailable; free + caches is the usual estimate.
  const available = Math.min(total, fields.get('MemAvailable') ?? free + buffers + cached);
  let used = total - free - buffers - cached;
  if (used < 0) used = total - free; // containers can report caches larger than total - free
  const swapTotal = get('SwapTotal');
  const swapUsed = Math.max(0, swapTotal - get('SwapFree'));
  return {
    memory: { total, used, available, percent: total > 0 ? round(((total - available) / total) * 100, 1) : 0 },
    swap: { total: swapTotal, used: swapUsed, percent: swapTotal > 0 ? round((swapUsed / swapTotal) * 100, 1) : 0 },
  };
}

/**
 * CPU % of one core used by a process (psutil semantics: may exceed 100 on several cores).
 * With a previous reading it is the delta over the elapsed time; for a process seen for the
 * first time it is the average over its lifetime, so a first scan already ranks busy processes.
 */
export function processCpuPercent(
  ticks: { previous: number | undefined; current: number },
  elapsedSec: number,
  lifetimeSec: number,
  ticksPerSec: number,
): number {
  const value =
    ticks.previous !== undefined && elapsedSec > 0
      ? (ticks.current - ticks.previous) / ticksPerSec / elapsedSec
      : lifetimeSec > 0
        ? ticks.current / ticksPerSec / lifetimeSec
        : 0;
  return Number.isFinite(value) && value > 0 ? value * 100 : 0;
}

/**
 * A per-core CPU % (one busy core = 100) as a share of the whole machine, 0–100, as the earlier
 * engine reports every process: one busy core of four reads 25.
 */
export function machineCpuShare(perCorePercent: number, logicalCpus: number): number {
  return clampPercent(perCorePercent / Math.max(1, logicalCpus));
}

type Rankable = Pick<ProcessRecord, 'pid' | 'cpu_percent' | 'memory_percent' | 'memory_rss'>;

/** Highest cpu + memory share first, as the earlier engine ranks them (then larger rss, lower pid); `limit` kept. */
export function topProcesses<T extends Rankable>(processes: T[], limit: number): T[] {
  const load = (p: Rankable): number => p.cpu_percent + p.memory_percent;
  return [...processes].sort((a, b) => load(b) - load(a) || b.memory_rss - a.memory_rss || a.pid - b.pid).slice(0, limit);
}
