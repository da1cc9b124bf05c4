import { mean, round, stdDev } from './math.js';
import type { NormalizedRecord } from './normalizer.js';

// SPEC §5 "Trend".
export interface TrendRecord {
  cpu_slope: number;
  memory_slope: number;
  cpu_volatility: number;
  memory_volatility: number;
  is_cpu_growing: boolean;
  is_memory_leaking: boolean;
}

export interface TrendOptions {
  /** Readings the trend looks back over. */
  window: number;
  cpuGrowingSlope: number;
  memoryLeakingSlope: number;
}

export const DEFAULT_TREND_OPTIONS: TrendOptions = { window: 30, cpuGrowingSlope: 0.5, memoryLeakingSlope: 0.1 };

/**
 * Least-squares slope of value against time, in units per second. Times are taken
 * relative to the first reading so unix-epoch magnitudes do not cost precision;
 * fewer than 2 readings or no spread in time gives 0 (no trend can be seen).
 */
export function leastSquaresSlope(times: readonly number[], values: readonly number[]): number {
  const n = times.length;
  if (n < 2) return 0;
  const t0 = times[0];
  const xs = times.map((t) => t - t0);
  const meanX = mean(xs);
  const meanY = mean(values);
  let covariance = 0;
  let varianceX = 0;
  xs.forEach((x, i) => {
    covariance += (x - meanX) * (values[i] - meanY);
    varianceX += (x - meanX) ** 2;
  });
  return varianceX > 0 ? covariance / varianceX : 0;
}

/** Direction and noise of the recent raw readings (smoothed ones would hide volatility). */
export class TrendAnalyzer {
  readonly options: TrendOptions;

  constructor(options: Partial<TrendOptions> = {}) {
    this.options = { ...DEFAULT_TREND_OPTIONS, ...options };
  }

  /** `readings` oldest first; only the last `window` are used. */
  analyze(readings: readonly NormalizedRecord[]): TrendRecord {
    const recent = readings.slice(-this.options.window);
    const times = recent.map((r) => r.timestamp);
    const cpu = recent.map((r) => r.cpu.raw);
    const memory = recent.map((r) => r.memory.raw);
    const cpuSlope = leastSquaresSlope(times, cpu);
    const memorySlope = leastSquaresSlope(times, memory);
    return {
      cpu_slope: round(cpuSlope, 4),
      memory_slope: round(memorySlope, 4),
      cpu_volatility: round(stdDev(cpu), 4),
      memory_volatility: round(stdDev(memory), 4),
      is_cpu_growing: cpuSlope > this.options.cpuGrowingSlope,
      is_memory_leaking: memorySlope > this.options.memoryLeakingSlope,
    };
  }
}
