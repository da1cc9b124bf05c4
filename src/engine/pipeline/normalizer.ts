import type { SnapshotRecord } from '../../telemetry/snapshot.record.js';
import { ema } from './math.js';

// SPEC §5 "Normalised": the smoothed, rate-converted view of one snapshot. The pipeline works
// on full precision; `wireNormalized` rounds it for the wire.
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

/** When the clock did not move forward the delta is taken over one second, as the earlier engine does. */
const STALLED_CLOCK_SEC = 1;

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
        raw: snapshot.cpu.percent,
        smoothed: this.cpuEma,
        spiking: this.cpuSpike.update(snapshot.cpu.percent),
      },
      memory: {
        raw: snapshot.memory.percent,
        smoothed: this.memoryEma,
        used: snapshot.memory.used,
        available: snapshot.memory.available,
        total: snapshot.memory.total,
        spiking: this.memorySpike.update(snapshot.memory.percent),
      },
      swap_percent: snapshot.swap.percent,
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

  /** Rates are 0 on the first reading: there is no interval yet. */
  private diskRates(snapshot: SnapshotRecord): Omit<NormalizedRecord['disk_io'], 'spiking'> {
    const elapsedSec = this.previous ? snapshot.timestamp - this.previous.timestamp : 0;
    const intervalSec = elapsedSec > 0 ? elapsedSec : STALLED_CLOCK_SEC;
    const prev = this.previous?.disk;
    const now = snapshot.disk_io;
    const per = (key: keyof DiskCounters): number => (prev ? rate(now[key], prev[key], intervalSec) : 0);
    const readBytes = per('read_bytes');
    const writeBytes = per('write_bytes');
    const readOps = per('read_count');
    const writeOps = per('write_count');
    return {
      read_bytes_per_sec: readBytes,
      write_bytes_per_sec: writeBytes,
      read_ops_per_sec: readOps,
      write_ops_per_sec: writeOps,
      total_bytes_per_sec: readBytes + writeBytes,
      total_ops_per_sec: readOps + writeOps,
    };
  }
}
