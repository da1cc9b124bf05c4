import { sampleStdDev } from './math.js';
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
 * Least-squares slope of value against time, in units per second, from the sums
 * (n·Σxy − Σx·Σy) / (n·Σx² − (Σx)²) as the earlier engine computes it, so a ramp that sits
 * exactly on a threshold lands on the same side. Times are taken relative to the first reading
 * so unix-epoch magnitudes do not cost precision; fewer than 2 readings or no spread in time
 * gives 0 (no trend can be seen).
 */
export function leastSquaresSlope(times: readonly number[], values: readonly number[]): number {
  const n = times.length;
  if (n < 2) return 0;
  let sumX = 0;
  let sumY = 0;
  let sumXX = 0;
  let sumXY = 0;
  times.forEach((t, i) => {
    const x = t - times[0];
    sumX += x;
    sumY += values[i];
    sumXX += x * x;
    sumXY += x * values[i];
  });
  const denominator = n * sumXX - sumX * sumX;
  return denominator === 0 ? 0 : (n * sumXY - sumX * sumY) / denominator;
}

/** Direction and noise of the recent raw readings (smoothed ones would hide volatility). */
export class TrendAnalyzer {
  readonly options: TrendOptions;

  constructor(options: Partial<TrendOptions> = {}) {
    this.options = { ...DEFAULT_TREND_OPTIONS, ...options };
  }

  /** `readings` oldest first; only the last `window` are used. Full precision (see wireTrend). */
  analyze(readings: readonly NormalizedRecord[]): TrendRecord {
    const recent = readings.slice(-this.options.window);
    const times = recent.map((r) => r.timestamp);
    const cpu = recent.map((r) => r.cpu.raw);
    const memory = recent.map((r) => r.memory.raw);
    const cpuSlope = leastSquaresSlope(times, cpu);
    const memorySlope = leastSquaresSlope(times, memory);
    return {
      cpu_slope: cpuSlope,
      memory_slope: memorySlope,
      cpu_volatility: sampleStdDev(cpu),
      memory_volatility: sampleStdDev(memory),
      is_cpu_growing: cpuSlope > this.options.cpuGrowingSlope,
      is_memory_leaking: memorySlope > this.options.memoryLeakingSlope,
    };
  }
}
