// The decimals each stage's numbers have on the wire, as the earlier engine rounds them. The
// pipeline computes at full precision and rounds only here, so a level, a threshold or the
// next stage never sees a rounded value (a score of 30.004 is "moderate", not "low").
import type { AnomalyRecord } from './anomaly-detector.js';
import { round } from './math.js';
import type { NormalizedRecord } from './normalizer.js';
import type { PredictionRecord } from './prediction-engine.js';
import type { ProcessStatsRecord } from './process-tracker.js';
import type { StabilityRecord } from './stability-calculator.js';
import type { ResourceValues, StressRecord } from './stress-engine.js';
import type { TrendRecord } from './trend-analyzer.js';

const r2 = (value: number): number => round(value, 2);

function resources(values: ResourceValues, decimals: number): ResourceValues {
  return { cpu: round(values.cpu, decimals), memory: round(values.memory, decimals), disk: round(values.disk, decimals) };
}

/** Percentages and rates 2 decimals; byte counts as they are. */
export function wireNormalized(n: NormalizedRecord): NormalizedRecord {
  const d = n.disk_io;
  return {
    timestamp: n.timestamp,
    cpu: { raw: r2(n.cpu.raw), smoothed: r2(n.cpu.smoothed), spiking: n.cpu.spiking },
    memory: { ...n.memory, raw: r2(n.memory.raw), smoothed: r2(n.memory.smoothed) },
    swap_percent: r2(n.swap_percent),
    disk_io: {
      read_bytes_per_sec: r2(d.read_bytes_per_sec),
      write_bytes_per_sec: r2(d.write_bytes_per_sec),
      read_ops_per_sec: r2(d.read_ops_per_sec),
      write_ops_per_sec: r2(d.write_ops_per_sec),
      total_bytes_per_sec: r2(d.total_bytes_per_sec),
      total_ops_per_sec: r2(d.total_ops_per_sec),
      spiking: d.spiking,
    },
  };
}

/** 4 decimals. */
export function wireTrend(t: TrendRecord): TrendRecord {
  return {
    ...t,
    cpu_slope: round(t.cpu_slope, 4),
    memory_slope: round(t.memory_slope, 4),
    cpu_volatility: round(t.cpu_volatility, 4),
    memory_volatility: round(t.memory_volatility, 4),
  };
}

/** Score and z-scores 2 decimals. */
export function wireAnomaly(a: AnomalyRecord): AnomalyRecord {
  return { ...a, score: r2(a.score), z_scores: resources(a.z_scores, 2) };
}

/** Score and pressures 2 decimals, weights 3. */
export function wireStress(s: StressRecord): StressRecord {
  return { score: r2(s.score), level: s.level, pressures: resources(s.pressures, 2), weights: resources(s.weights, 3) };
}

/** ETAs 1 decimal (or null), risk 2. */
export function wirePrediction(p: PredictionRecord): PredictionRecord {
  const eta = (value: number | null): number | null => (value === null ? null : round(value, 1));
  return {
    memory_exhaustion_eta_sec: eta(p.memory_exhaustion_eta_sec),
    cpu_critical_eta_sec: eta(p.cpu_critical_eta_sec),
    risk_score: r2(p.risk_score),
  };
}

/** Score and penalties 1 decimal. */
export function wireStability(s: StabilityRecord): StabilityRecord {
  const c = s.components;
  return {
    score: round(s.score, 1),
    state: s.state,
    components: { stress_penalty: round(c.stress_penalty, 1), risk_penalty: round(c.risk_penalty, 1), anomaly_penalty: round(c.anomaly_penalty, 1) },
  };
}

/** Percentages and impact 2 decimals. */
export function wireProcess(p: ProcessStatsRecord): ProcessStatsRecord {
  return {
    pid: p.pid,
    name: p.name,
    avg_cpu_percent: r2(p.avg_cpu_percent),
    avg_memory_percent: r2(p.avg_memory_percent),
    peak_cpu_percent: r2(p.peak_cpu_percent),
    peak_memory_percent: r2(p.peak_memory_percent),
    current_cpu_percent: r2(p.current_cpu_percent),
    current_memory_percent: r2(p.current_memory_percent),
    sample_count: p.sample_count,
    impact_score: r2(p.impact_score),
  };
}
