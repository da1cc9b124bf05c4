// Telemetry for Windows and macOS, where there is no /proc (SPEC §1: default via systeminformation).
import type { CpuInfo } from 'node:os';
import type { CpuTimes } from './proc-parsers.js';
import { cpuPercent, machineCpuShare, perCorePercent, round, topProcesses } from './snapshot-math.js';
import type { ProcessRecord, SnapshotRecord } from './snapshot.record.js';
import type { SampleRequest, TelemetrySource } from './telemetry-source.js';

/** The part of the `systeminformation` module used here, so tests can pass a fake. */
export interface SystemInformationPort {
  mem(): Promise<{ total: number; available: number; swaptotal: number; swapused: number }>;
  disksIO(): Promise<{ rIO: number; wIO: number } | null>;
  fsStats(): Promise<{ rx: number; wx: number } | null>;
  processes(): Promise<{
    list: Array<{ pid: number; name: string; cpu: number; mem: number; memRss: number; state: string; started: string }>;
  }>;
}

/** The part of `node:os` used here. */
export interface OsPort {
  cpus(): Pick<CpuInfo, 'times'>[];
  totalmem(): number;
  freemem(): number;
}

export interface SystemInformationSourceOptions {
  /**
   * Memory from `os` every cycle, and si.mem() (a PowerShell query for the page file on
   * Windows) only on process-refresh cycles, for swap. Right on Windows, where os.freemem()
   * is the available memory; wrong on macOS, where it counts free pages only.
   */
  memoryFromOs: boolean;
  /**
   * Whether systeminformation gives a process's cpu per core (ps `pcpu` on macOS and the BSDs:
   * one busy core = 100) rather than as a share of the whole machine (Windows and Linux).
   */
  processCpuPerCore: boolean;
  processLimit?: number;
}

/**
 * CPU comes from os.cpus() deltas (no child process); memory, disk counters and processes
 * from systeminformation, processes only when requested. On Windows systeminformation has
 * no disk counters, so disk_io stays 0 there.
 */
export class SystemInformationTelemetrySource implements TelemetrySource {
  private previousCpu: { total: CpuTimes; perCore: CpuTimes[] } | undefined;
  private processes: ProcessRecord[] = [];
  private running: ReadonlySet<number> | undefined;
  private swap: SnapshotRecord['swap'] = { total: 0, used: 0, percent: 0 };

  constructor(
    private readonly si: SystemInformationPort,
    private readonly os: OsPort,
    private readonly options: SystemInformationSourceOptions,
  ) {}

  async sample(request: SampleRequest): Promise<SnapshotRecord> {
    const cpu = this.readCpu();
    const [memory, disk_io] = await Promise.all([this.readMemory(request.withProcesses), this.readDisks()]);
    if (request.withProcesses) await this.readProcesses(cpu.logical_count).catch(() => undefined);
    return { timestamp: request.timestamp, cpu, memory, swap: this.swap, disk_io, processes: this.processes };
  }

  /** The pids of the listing the current process list comes from. */
  runningPids(): ReadonlySet<number> | undefined {
    return this.running;
  }

  private readCpu(): SnapshotRecord['cpu'] {
    const perCore = this.os.cpus().map(({ times }) => {
      const total = times.user + times.nice + times.sys + times.idle + times.irq;
      return { busy: total - times.idle, total };
    });
    const total = perCore.reduce((sum, core) => ({ busy: sum.busy + core.busy, total: sum.total + core.total }), { busy: 0, total: 0 });
    const previous = this.previousCpu;
    this.previousCpu = { total, perCore };
    return {
      percent: cpuPercent(previous?.total, total),
      per_core: perCorePercent(previous?.perCore, perCore),
      logical_count: perCore.length,
    };
  }

  private async readMemory(refresh: boolean): Promise<SnapshotRecord['memory']> {
    let total = this.os.totalmem();
    let available = this.os.freemem();
    if (!this.options.memoryFromOs || refresh) {
      const mem = await this.si.mem().catch(() => undefined);
      if (mem) {
        this.swap = swapRecord(mem.swaptotal, mem.swapused);
        if (!this.options.memoryFromOs) ({ total, available } = mem);
      }
    }
    const used = Math.max(0, total - available);
    return { total, used, available, percent: total > 0 ? round((used / total) * 100, 1) : 0 };
  }

  private async readDisks(): Promise<SnapshotRecord['disk_io']> {
    // Counters must be read every cycle: a stale counter would turn into a burst of rate later.
    const [ops, bytes] = await Promise.all([this.si.disksIO().catch(() => null), this.si.fsStats().catch(() => null)]);
    return { read_bytes: bytes?.rx ?? 0, write_bytes: bytes?.wx ?? 0, read_count: ops?.rIO ?? 0, write_count: ops?.wIO ?? 0 };
  }

  private async readProcesses(logicalCpus: number): Promise<void> {
    const { list } = await this.si.processes();
    const perCore = this.options.processCpuPerCore;
    const records = list.map((p) => ({
      pid: p.pid,
      name: p.name,
      cpu_percent: round(perCore ? machineCpuShare(p.cpu || 0, logicalCpus) : Math.min(100, Math.max(0, p.cpu || 0)), 2),
      memory_percent: round(p.mem || 0, 2),
      // systeminformation reports rss in KiB on every platform.
      memory_rss: Math.round((p.memRss || 0) * 1024),
      status: STATUS_BY_SI_STATE[p.state] ?? (p.state || 'unknown'),
      create_time: startedToUnixSec(p.started),
    }));
    this.processes = topProcesses(records, this.options.processLimit ?? 15);
    this.running = new Set(list.map((p) => p.pid));
  }
}

// Windows leaves the WMI execution state empty ('unknown'); psutil, which the earlier engine
// used, reports such processes as running, so the dashboard keeps seeing the same words.
const STATUS_BY_SI_STATE: Record<string, string> = { blocked: 'disk-sleep', unknown: 'running', paging: 'waking' };

function swapRecord(total: number, used: number): SnapshotRecord['swap'] {
  return { total, used, percent: total > 0 ? round((used / total) * 100, 1) : 0 };
}

/** `started` is local "YYYY-MM-DD HH:MM:SS" (ps) or "/Date(ms)/" (Windows JSON); 0 when unparsable. */
function startedToUnixSec(started: unknown): number {
  const text = String(started ?? '');
  const msFromJson = /\/Date\((\d+)/.exec(text)?.[1];
  const ms = msFromJson ? Number(msFromJson) : Date.parse(text.replace(' ', 'T'));
  return Number.isFinite(ms) ? round(ms / 1000, 2) : 0;
}
