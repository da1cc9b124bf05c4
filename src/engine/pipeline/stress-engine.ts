import type { AnomalyRecord } from './anomaly-detector.js';
import { clamp, round } from './math.js';
import type { NormalizedRecord } from './normalizer.js';
import type { TrendRecord } from './trend-analyzer.js';

export type StressLevel = 'low' | 'moderate' | 'high' | 'critical';
export type Resource = 'cpu' | 'memory' | 'disk';
export type ResourceValues = Record<Resource, number>;

// SPEC §5 "Stress".
export interface StressRecord {
  score: number;
  level: StressLevel;
  pressures: ResourceValues;
  weights: ResourceValues;
}

export const RESOURCES: readonly Resource[] = ['cpu', 'memory', 'disk'];
/** How a resource is named at the start of a sentence in alerts and events. */
export const RESOURCE_LABEL: Readonly<Record<Resource, string>> = { cpu: 'CPU', memory: 'Memory', disk: 'Disk I/O' };
export const BASE_WEIGHTS: Readonly<ResourceValues> = { cpu: 0.4, memory: 0.35, disk: 0.25 };
const HOT_PRESSURE = 80;
const HOT_WEIGHT_BONUS = 0.1;
const DISK_REFERENCE_OPS = 500;

export function stressLevel(score: number): StressLevel {
  if (score <= 30) return 'low';
  if (score <= 60) return 'moderate';
  if (score <= 85) return 'high';
  return 'critical';
}

/** Continuous piecewise curve: steep at first, then flattening so a busy disk saturates slowly. */
export function diskPressure(opsPerSec: number, referenceOps = DISK_REFERENCE_OPS): number {
  const r = Math.max(0, opsPerSec) / referenceOps;
  if (r <= 0.5) return r * 40;
  if (r <= 1) return 20 + (r - 0.5) * 60;
  if (r <= 2) return 50 + (r - 1) * 30;
  return 80 + Math.min(20, (r - 2) * 10);
}

/** Used share of physical memory plus up to 20 points for swapping, which hurts more than the RAM figure shows. */
export function memoryPressure(memory: NormalizedRecord['memory'], swapPercent: number): number {
  const used = memory.total > 0 ? (1 - memory.available / memory.total) * 100 : memory.raw;
  return clamp(used + Math.min(20, Math.max(0, swapPercent) * 0.4), 0, 100);
}

/**
 * A resource at or above 80 gets 0.10 more weight so one saturated resource cannot hide
 * behind two idle ones; when all three are hot the bonus would change nothing, so none is given.
 */
export function adaptiveWeights(pressures: ResourceValues): ResourceValues {
  const hot = RESOURCES.filter((r) => pressures[r] >= HOT_PRESSURE);
  const bonus = (r: Resource): number => (hot.length < RESOURCES.length && hot.includes(r) ? HOT_WEIGHT_BONUS : 0);
  const raw = { cpu: BASE_WEIGHTS.cpu + bonus('cpu'), memory: BASE_WEIGHTS.memory + bonus('memory'), disk: BASE_WEIGHTS.disk + bonus('disk') };
  const total = raw.cpu + raw.memory + raw.disk;
  return { cpu: raw.cpu / total, memory: raw.memory / total, disk: raw.disk / total };
}

/** The resource whose z-score is highest (first of cpu, memory, disk on a tie). */
export function maxZResource(anomaly: AnomalyRecord): Resource {
  return RESOURCES.reduce((best, r) => (anomaly.z_scores[r] > anomaly.z_scores[best] ? r : best), 'cpu');
}

/**
 * Extra pressure from where things are heading:
 * - cpu growing adds min(10, slope·10): 5 points at the 0.5 %/s threshold, capped at 1 %/s;
 * - memory leaking adds min(10, slope·50): 5 points at the 0.1 %/s threshold, capped at 0.2 %/s;
 * - a sustained anomaly adds 5 + score/20 (5..10) to the resource with the highest z.
 */
export function trendPressure(trend: TrendRecord, anomaly: AnomalyRecord): ResourceValues {
  const extra = { cpu: 0, memory: 0, disk: 0 };
  if (trend.is_cpu_growing) extra.cpu += Math.min(10, trend.cpu_slope * 10);
  if (trend.is_memory_leaking) extra.memory += Math.min(10, trend.memory_slope * 50);
  if (anomaly.is_sustained) extra[maxZResource(anomaly)] += 5 + anomaly.score / 20;
  return extra;
}

export class StressEngine {
  evaluate(normalized: NormalizedRecord, trend: TrendRecord, anomaly: AnomalyRecord): StressRecord {
    const extra = trendPressure(trend, anomaly);
    const pressures = {
      cpu: clamp(normalized.cpu.smoothed + extra.cpu, 0, 100),
      memory: clamp(memoryPressure(normalized.memory, normalized.swap_percent) + extra.memory, 0, 100),
      disk: clamp(diskPressure(normalized.disk_io.total_ops_per_sec) + extra.disk, 0, 100),
    };
    const weights = adaptiveWeights(pressures);
    const score = round(
      RESOURCES.reduce((sum, r) => sum + weights[r] * pressures[r], 0),
      2,
    );
    return {
      score,
      level: stressLevel(score),
      pressures: { cpu: round(pressures.cpu, 2), memory: round(pressures.memory, 2), disk: round(pressures.disk, 2) },
      weights: { cpu: round(weights.cpu, 4), memory: round(weights.memory, 4), disk: round(weights.disk, 4) },
    };
  }
}
