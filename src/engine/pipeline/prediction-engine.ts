import { ema } from './math.js';
import type { NormalizedRecord } from './normalizer.js';
import type { TrendRecord } from './trend-analyzer.js';

// SPEC §5 "Prediction".
export interface PredictionRecord {
  memory_exhaustion_eta_sec: number | null;
  cpu_critical_eta_sec: number | null;
  risk_score: number;
}

export interface PredictionOptions {
  slopeAlpha: number;
  memoryTargetPercent: number;
  /** Smoothed memory slope (%/s) above which an exhaustion ETA is projected. */
  memoryMinSlope: number;
  cpuTargetPercent: number;
  cpuMinSlope: number;
}

export const DEFAULT_PREDICTION_OPTIONS: PredictionOptions = {
  slopeAlpha: 0.2,
  memoryTargetPercent: 98,
  memoryMinSlope: 0.05,
  cpuTargetPercent: 95,
  cpuMinSlope: 0.1,
};

/**
 * Seconds until `usage` reaches `target` at `slope` %/s; null when the slope is too flat to
 * project (at or below `minSlope`) and when usage is already at or past the target, where
 * there is nothing left to count down (the usage term of riskScore covers that case).
 */
export function etaSec(usage: number, target: number, slope: number, minSlope: number): number | null {
  if (slope <= minSlope) return null;
  const remaining = target - usage;
  return remaining > 0 ? remaining / slope : null;
}

/**
 * The earlier engine's step buckets, summed and capped at 100:
 * memory ETA < 60 s +80, < 300 s +40, later +10; cpu ETA < 30 s +60, < 120 s +30;
 * smoothed memory above 90 % +40, smoothed cpu above 90 % +30. Memory weighs more because
 * exhaustion gets processes killed, while a saturated CPU only slows the machine.
 */
export function riskScore(memoryEta: number | null, cpuEta: number | null, memoryPercent: number, cpuPercent: number): number {
  let risk = 0;
  if (memoryEta !== null) risk += memoryEta < 60 ? 80 : memoryEta < 300 ? 40 : 10;
  if (cpuEta !== null && cpuEta < 120) risk += cpuEta < 30 ? 60 : 30;
  if (memoryPercent > 90) risk += 40;
  if (cpuPercent > 90) risk += 30;
  return Math.min(100, risk);
}

/**
 * Short-term projection; slopes are smoothed again so one noisy trend window does not raise
 * an ETA. The average is seeded once, on the first cycle (whose single reading has slope 0),
 * so the first 2-point slopes are damped instead of projected. The earlier engine re-seeds
 * whenever the average is exactly 0, which makes its second cycle's 2-point slope the average
 * and forecasts a CPU ETA on an idle machine (docs/parity.md (a)).
 */
export class PredictionEngine {
  readonly options: PredictionOptions;
  private memorySlope: number | null = null;
  private cpuSlope: number | null = null;

  constructor(options: Partial<PredictionOptions> = {}) {
    this.options = { ...DEFAULT_PREDICTION_OPTIONS, ...options };
  }

  /** Full precision (see wirePrediction). */
  predict(normalized: NormalizedRecord, trend: TrendRecord): PredictionRecord {
    const o = this.options;
    this.memorySlope = ema(this.memorySlope, trend.memory_slope, o.slopeAlpha);
    this.cpuSlope = ema(this.cpuSlope, trend.cpu_slope, o.slopeAlpha);
    const memory = normalized.memory.smoothed;
    const cpu = normalized.cpu.smoothed;
    const memoryEta = etaSec(memory, o.memoryTargetPercent, this.memorySlope, o.memoryMinSlope);
    const cpuEta = etaSec(cpu, o.cpuTargetPercent, this.cpuSlope, o.cpuMinSlope);
    return {
      memory_exhaustion_eta_sec: memoryEta,
      cpu_critical_eta_sec: cpuEta,
      risk_score: riskScore(memoryEta, cpuEta, memory, cpu),
    };
  }
}
