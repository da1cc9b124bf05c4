import type { SnapshotRecord } from '../../telemetry/snapshot.record.js';
import { ema, round } from './math.js';

// SPEC §5 "Normalised": the smoothed, rate-converted view of one snapshot.
export interface NormalizedRecord {
  timestamp: number;
  cpu: { raw: number; smoothed: number; spiking: boolean };
  memory: { raw: number; smoothed: number; used: number; available: number; total: number; spiking: boolean };
  swap_percent: number;
  disk_io: {
    read_bytes_per_sec: number;
    write_bytes_per_sec: number;
    read_ops_per_sec: number;
    write_ops_per_sec: number;
    total_bytes_per_sec: number;
    total_ops_per_sec: number;
    spiking: boolean;
  };
}

export interface NormalizerOptions {
  alpha: number;
  cpuSpikePercent: number;
  memorySpikePercent: number;
  diskSpikeOpsPerSec: number;
  /** Readings in a row at or above the threshold before a spike is reported. */
  spikeReadings: number;
}

export const DEFAULT_NORMALIZER_OPTIONS: NormalizerOptions = {
  alpha: 0.3,
  cpuSpikePercent: 80,
  memorySpikePercent: 80,
  diskSpikeOpsPerSec: 400,
  spikeReadings: 2,
};

type DiskCounters = SnapshotRecord['disk_io'];

/** Counts consecutive readings over a threshold so one noisy reading never flags a spike. */
class SpikeFilter {
  private streak = 0;
  constructor(
    private readonly threshold: number,
    private readonly required: number,
  ) {}
  update(value: number): boolean {
    this.streak = value >= this.threshold ? this.streak + 1 : 0;
    return this.streak >= this.required;
  }
}

/** Per-second rate of a cumulative counter; a negative delta means the counter was reset (reboot, wrap). */
function rate(current: number, previous: number, elapsedSec: number): number {
  return Math.max(0, current - previous) / elapsedSec;
}

export class Normalizer {
  private readonly options: NormalizerOptions;
  private cpuEma: number | null = null;
  private memoryEma: number | null = null;
  private previous: { timestamp: number; disk: DiskCounters } | null = null;
  private cpuSpike!: SpikeFilter;
  private memorySpike!: SpikeFilter;
  private diskSpike!: SpikeFilter;

  constructor(options: Partial<NormalizerOptions> = {}) {
    this.options = { ...DEFAULT_NORMALIZER_OPTIONS, ...options };
    this.reset();
  }

  normalize(snapshot: SnapshotRecord): NormalizedRecord {
    const { alpha } = this.options;
    this.cpuEma = ema(this.cpuEma, snapshot.cpu.percent, alpha);
    this.memoryEma = ema(this.memoryEma, snapshot.memory.percent, alpha);
    const disk = this.diskRates(snapshot);
    this.previous = { timestamp: snapshot.timestamp, disk: { ...snapshot.disk_io } };
    return {
      timestamp: snapshot.timestamp,
      cpu: {
        raw: round(snapshot.cpu.percent, 2),
        smoothed: round(this.cpuEma, 2),
        spiking: this.cpuSpike.update(snapshot.cpu.percent),
      },
      memory: {
        raw: round(snapshot.memory.percent, 2),
        smoothed: round(this.memoryEma, 2),
        used: snapshot.memory.used,
        available: snapshot.memory.available,
        total: snapshot.memory.total,
        spiking: this.memorySpike.update(snapshot.memory.percent),
      },
      swap_percent: round(snapshot.swap.percent, 2),
      disk_io: { ...disk, spiking: this.diskSpike.update(disk.total_ops_per_sec) },
    };
  }

  reset(): void {
    const { cpuSpikePercent, memorySpikePercent, diskSpikeOpsPerSec, spikeReadings } = this.options;
    this.cpuEma = null;
    this.memoryEma = null;
    this.previous = null;
    this.cpuSpike = new SpikeFilter(cpuSpikePercent, spikeReadings);
    this.memorySpike = new SpikeFilter(memorySpikePercent, spikeReadings);
    this.diskSpike = new SpikeFilter(diskSpikeOpsPerSec, spikeReadings);
  }

  /** Rates are 0 on the first reading and when time did not move forward: there is no interval to divide by. */
  private diskRates(snapshot: SnapshotRecord): Omit<NormalizedRecord['disk_io'], 'spiking'> {
    const elapsedSec = this.previous ? snapshot.timestamp - this.previous.timestamp : 0;
    const prev = this.previous?.disk;
    const now = snapshot.disk_io;
    const per = (key: keyof DiskCounters): number => (prev && elapsedSec > 0 ? rate(now[key], prev[key], elapsedSec) : 0);
    const readBytes = per('read_bytes');
    const writeBytes = per('write_bytes');
    const readOps = per('read_count');
    const writeOps = per('write_count');
    return {
      read_bytes_per_sec: round(readBytes, 2),
      write_bytes_per_sec: round(writeBytes, 2),
      read_ops_per_sec: round(readOps, 2),
      write_ops_per_sec: round(writeOps, 2),
      total_bytes_per_sec: round(readBytes + writeBytes, 2),
      total_ops_per_sec: round(readOps + writeOps, 2),
    };
  }
}
