import { round } from './math.js';

// SPEC §5 "Baseline": one metric's statistics in state/baseline.json and GET /baseline.
export interface MetricStatsRecord {
  count: number;
  mean: number;
  std_dev: number;
  min: number | null;
  max: number | null;
}

function finite(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * Welford's online mean and variance: numerically stable over months of samples,
 * O(1) memory. The standard deviation is the sample one (M2 / (n − 1)), as the earlier engine
 * writes it to the baseline.json both engines share; 0 below two samples.
 */
export class RunningStats {
  count = 0;
  mean = 0;
  private m2 = 0;
  min: number | null = null;
  max: number | null = null;

  add(value: number): void {
    this.count += 1;
    const delta = value - this.mean;
    this.mean += delta / this.count;
    this.m2 += delta * (value - this.mean);
    this.min = this.min === null ? value : Math.min(this.min, value);
    this.max = this.max === null ? value : Math.max(this.max, value);
  }

  get stdDev(): number {
    return this.count > 1 ? Math.sqrt(Math.max(0, this.m2) / (this.count - 1)) : 0;
  }

  toRecord(): MetricStatsRecord {
    const empty = this.count === 0;
    return {
      count: this.count,
      mean: round(this.mean, 4),
      std_dev: round(this.stdDev, 4),
      min: empty || this.min === null ? null : round(this.min, 4),
      max: empty || this.max === null ? null : round(this.max, 4),
    };
  }

  /**
   * Tolerant restore: anything malformed yields empty stats rather than an error,
   * so one bad entry never costs the rest of the baseline. M2 is rebuilt as std² · (n − 1),
   * which makes later updates continue exactly as if the samples had been seen here.
   */
  static fromRecord(raw: unknown): RunningStats {
    const stats = new RunningStats();
    if (typeof raw !== 'object' || raw === null) return stats;
    const { count, mean, std_dev: std, min, max } = raw as Record<string, unknown>;
    if (!finite(count) || !Number.isInteger(count) || count <= 0 || !finite(mean)) return stats;
    const stdDev = finite(std) && std > 0 ? std : 0;
    stats.count = count;
    stats.mean = mean;
    stats.m2 = stdDev * stdDev * (count - 1);
    stats.min = finite(min) ? min : mean;
    stats.max = finite(max) ? max : mean;
    return stats;
  }
}
