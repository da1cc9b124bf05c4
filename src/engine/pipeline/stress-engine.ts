import type { AnomalyRecord } from './anomaly-detector.js';
import { clamp } from './math.js';
import type { NormalizedRecord } from './normalizer.js';
import type { TrendRecord } from './trend-analyzer.js';

export const STRESS_LEVELS = ['low', 'moderate', 'high', 'critical'] as const;
export type StressLevel = (typeof STRESS_LEVELS)[number];
export const RESOURCES = ['cpu', 'memory', 'disk'] as const;
export type Resource = (typeof RESOURCES)[number];
export type ResourceValues = Record<Resource, number>;

// SPEC §5 "Stress".
export interface StressRecord {
  score: number;
  level: StressLevel;
  pressures: ResourceValues;
  weights: ResourceValues;
}

export const BASE_WEIGHTS: Readonly<ResourceValues> = { cpu: 0.4, memory: 0.35, disk: 0.25 };
const HOT_PRESSURE = 80;
const HOT_WEIGHT_BONUS = 0.1;
const DISK_REFERENCE_OPS = 500;
const SUSTAINED_Z = 2;
const SUSTAINED_BOOST = 10;

export function stressLevel(score: number): StressLevel {
  if (score <= 30) return 'low';
  if (score <= 60) return 'moderate';
  if (score <= 85) return 'high';
  return 'critical';
}

/** Continuous piecewise curve: steep at first, then flattening so a busy disk saturates slowly. */
export function diskPressure(opsPerSec: number, referenceOps = DISK_REFERENCE_OPS): number {
  const r = opsPerSec / referenceOps;
  if (r <= 0.5) return r * 40;
  if (r <= 1) return 20 + (r - 0.5) * 60;
  if (r <= 2) return 50 + (r - 1) * 30;
  return 80 + Math.min(20, (r - 2) * 10);
}

/** Used share of physical memory plus up to 20 points for swapping, which hurts more than the RAM figure shows. */
export function memoryPressure(memory: NormalizedRecord['memory'], swapPercent: number): number {
  if (memory.total === 0) return 0;
  return Math.min(100, (1 - memory.available / memory.total) * 100 + Math.min(20, swapPercent * 0.4));
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

/**
 * Pressure added for where things are heading, each capped at 100 with its resource:
 * - cpu growing (slope > 0.5 %/s) adds slope·10 to cpu, memory leaking (> 0.1 %/s) slope·20 to memory;
 * - a sustained anomaly adds 10 to cpu when the cpu z-score is above 2, and 10 to memory when
 *   the memory z-score is: each metric answers for itself, so a lingering `is_sustained` adds
 *   nothing to a metric that is back to normal. Disk gets no boost.
 */
export function boostedPressures(base: ResourceValues, trend: TrendRecord, anomaly: AnomalyRecord): ResourceValues {
  let { cpu, memory } = base;
  if (trend.is_cpu_growing) cpu = Math.min(100, cpu + trend.cpu_slope * 10);
  if (trend.is_memory_leaking) memory = Math.min(100, memory + trend.memory_slope * 20);
  if (anomaly.is_sustained && anomaly.z_scores.cpu > SUSTAINED_Z) cpu = Math.min(100, cpu + SUSTAINED_BOOST);
  if (anomaly.is_sustained && anomaly.z_scores.memory > SUSTAINED_Z) memory = Math.min(100, memory + SUSTAINED_BOOST);
  return { cpu, memory, disk: base.disk };
}

export class StressEngine {
  /** Full precision (see wireStress); `anomaly` and `trend` full precision too. */
  evaluate(normalized: NormalizedRecord, trend: TrendRecord, anomaly: AnomalyRecord): StressRecord {
    const base = {
      cpu: Math.min(100, normalized.cpu.smoothed),
      memory: memoryPressure(normalized.memory, normalized.swap_percent),
      disk: Math.min(100, diskPressure(normalized.disk_io.total_ops_per_sec)),
    };
    const pressures = boostedPressures(base, trend, anomaly);
    const weights = adaptiveWeights(pressures);
    const score = clamp(weights.cpu * pressures.cpu + weights.memory * pressures.memory + weights.disk * pressures.disk, 0, 100);
    return { score, level: stressLevel(score), pressures, weights };
  }
}
