import type { AnomalySensitivity } from '../../preferences/preferences.record.js';
import { BASELINE_METRICS, BaselineModel, segmentOf, type BaselineMetric, type BaselineSample } from './baseline-model.js';

export const ANOMALY_LEVELS = ['normal', 'elevated', 'high', 'severe'] as const;
export type AnomalyLevel = (typeof ANOMALY_LEVELS)[number];

// SPEC §5 "Anomaly".
export interface AnomalyRecord {
  score: number;
  level: AnomalyLevel;
  z_scores: { cpu: number; memory: number; disk: number };
  is_sustained: boolean;
}

/** Score thresholds where elevated, high and severe begin, per `anomaly_sensitivity`. */
export const SENSITIVITY_THRESHOLDS: Record<AnomalySensitivity, readonly [number, number, number]> = {
  lenient: [40, 65, 88],
  normal: [30, 60, 85],
  strict: [18, 42, 70],
};

export function anomalyLevel(score: number, sensitivity: AnomalySensitivity): AnomalyLevel {
  const [elevated, high, severe] = SENSITIVITY_THRESHOLDS[sensitivity];
  if (score < elevated) return 'normal';
  if (score < high) return 'elevated';
  if (score < severe) return 'high';
  return 'severe';
}

/** One z unit is ordinary noise; the score spans z 1 → 4 over 0 → 100 (the earlier engine's arithmetic). */
export function anomalyScore(maxZ: number): number {
  return maxZ > 1 ? Math.min(100, (maxZ - 1) * (100 / 3)) : 0;
}

export interface AnomalyOptions {
  /** Cycles in a row above `sustainedScore` before an anomaly counts as sustained. */
  sustainedCycles: number;
  sustainedScore: number;
}

export const DEFAULT_ANOMALY_OPTIONS: AnomalyOptions = { sustainedCycles: 5, sustainedScore: 50 };

const FLATLINE_BREAK_Z = 3;

const WIRE_KEY: Record<BaselineMetric, keyof AnomalyRecord['z_scores']> = {
  cpu_percent: 'cpu',
  memory_percent: 'memory',
  disk_ops_per_sec: 'disk',
};

export class AnomalyDetector {
  readonly options: AnomalyOptions;
  private sustainedCounter = 0;

  constructor(options: Partial<AnomalyOptions> = {}) {
    this.options = { ...DEFAULT_ANOMALY_OPTIONS, ...options };
  }

  /** Full precision (see wireAnomaly). Until the baseline is ready nothing is scored or counted. */
  detect(timestamp: number, sample: BaselineSample, baseline: BaselineModel, sensitivity: AnomalySensitivity): AnomalyRecord {
    const z = { cpu: 0, memory: 0, disk: 0 };
    if (!baseline.ready) return { score: 0, level: 'normal', z_scores: z, is_sustained: false };
    for (const metric of BASELINE_METRICS) z[WIRE_KEY[metric]] = this.zScore(timestamp, metric, sample[metric], baseline);
    const score = anomalyScore(Math.max(z.cpu, z.memory, z.disk));
    // Decaying by 1 (not resetting) lets one quiet reading interrupt a long anomaly without hiding it.
    this.sustainedCounter = score > this.options.sustainedScore ? this.sustainedCounter + 1 : Math.max(0, this.sustainedCounter - 1);
    return {
      score,
      level: anomalyLevel(score, sensitivity),
      z_scores: z,
      is_sustained: this.sustainedCounter >= this.options.sustainedCycles,
    };
  }

  reset(): void {
    this.sustainedCounter = 0;
  }

  /**
   * Only readings above normal count (an idle machine is not an anomaly). The sample's
   * time segment is used once it has learned enough, else the global baseline. A metric that
   * never varied and now rises is anomalous: z 3 (score 66.7), as in the earlier engine.
   */
  private zScore(timestamp: number, metric: BaselineMetric, value: number, baseline: BaselineModel): number {
    const segment = baseline.stats(segmentOf(timestamp), metric);
    const stats = segment.count >= BaselineModel.MIN_SAMPLES ? segment : baseline.stats('global', metric);
    // A metric with too few samples even globally (a partly restored baseline.json) has no normal yet.
    if (stats.count < BaselineModel.MIN_SAMPLES || value <= stats.mean) return 0;
    const std = stats.stdDev;
    return std === 0 ? FLATLINE_BREAK_Z : (value - stats.mean) / std;
  }
}
