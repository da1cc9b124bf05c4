import { clamp, ema, round } from './math.js';
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
  /** ETAs shorter than this carry risk, growing linearly to 100 at 0 s. */
  riskHorizonSec: number;
}

export const DEFAULT_PREDICTION_OPTIONS: PredictionOptions = {
  slopeAlpha: 0.2,
  memoryTargetPercent: 98,
  memoryMinSlope: 0.05,
  cpuTargetPercent: 95,
  cpuMinSlope: 0.1,
  riskHorizonSec: 600,
};

/**
 * Seconds until `usage` reaches `target` at `slope` %/s. Already there is 0 whatever
 * the slope; a slope at or below `minSlope` is too flat to project, so null.
 */
export function etaSec(usage: number, target: number, slope: number, minSlope: number): number | null {
  if (usage >= target) return 0;
  return slope > minSlope ? (target - usage) / slope : null;
}

/** 100·(1 − eta/horizon): 100 at 0 s, 0 at the horizon and beyond, 0 without an ETA. */
export function etaRisk(eta: number | null, horizonSec: number): number {
  return eta === null ? 0 : clamp(100 * (1 - eta / horizonSec), 0, 100);
}

/**
 * Risk = max(memory ETA risk, 0.7 · cpu ETA risk) + 2 points per percent of cpu or memory
 * usage above 90, clamped to 0..100. CPU saturation weighs less because it slows the machine
 * but loses nothing, while memory exhaustion gets processes killed; the usage term makes a
 * machine that is already nearly full risky even when it is not rising.
 */
export function riskScore(memoryEta: number | null, cpuEta: number | null, memoryPercent: number, cpuPercent: number, horizonSec: number): number {
  const fromEta = Math.max(etaRisk(memoryEta, horizonSec), 0.7 * etaRisk(cpuEta, horizonSec));
  const fromUsage = 2 * (Math.max(0, memoryPercent - 90) + Math.max(0, cpuPercent - 90));
  return clamp(fromEta + fromUsage, 0, 100);
}

/** Short-term projection; slopes are smoothed again so one noisy trend window does not raise an ETA. */
export class PredictionEngine {
  readonly options: PredictionOptions;
  private memorySlope: number | null = null;
  private cpuSlope: number | null = null;

  constructor(options: Partial<PredictionOptions> = {}) {
    this.options = { ...DEFAULT_PREDICTION_OPTIONS, ...options };
  }

  predict(normalized: NormalizedRecord, trend: TrendRecord): PredictionRecord {
    const o = this.options;
    this.memorySlope = ema(this.memorySlope, trend.memory_slope, o.slopeAlpha);
    this.cpuSlope = ema(this.cpuSlope, trend.cpu_slope, o.slopeAlpha);
    const memory = normalized.memory.smoothed;
    const cpu = normalized.cpu.smoothed;
    const memoryEta = etaSec(memory, o.memoryTargetPercent, this.memorySlope, o.memoryMinSlope);
    const cpuEta = etaSec(cpu, o.cpuTargetPercent, this.cpuSlope, o.cpuMinSlope);
    return {
      memory_exhaustion_eta_sec: memoryEta === null ? null : round(memoryEta, 1),
      cpu_critical_eta_sec: cpuEta === null ? null : round(cpuEta, 1),
      risk_score: round(riskScore(memoryEta, cpuEta, memory, cpu, o.riskHorizonSec), 2),
    };
  }

  reset(): void {
    this.memorySlope = null;
    this.cpuSlope = null;
  }
}
