// Test data builders shared by the pipeline specs (plain data, no test framework imports).
import type { AnomalyRecord } from './anomaly-detector.js';
import type { NormalizedRecord } from './normalizer.js';
import type { StressRecord } from './stress-engine.js';
import type { TrendRecord } from './trend-analyzer.js';

export interface NormalizedInput {
  timestamp?: number;
  cpu?: number;
  memory?: number;
  /** Memory sizes default to a 1000-byte machine with `memory`% used. */
  available?: number;
  total?: number;
  swap?: number;
  diskOps?: number;
}

export function normalizedRecord(input: NormalizedInput = {}): NormalizedRecord {
  const cpu = input.cpu ?? 0;
  const memory = input.memory ?? 0;
  const total = input.total ?? 1000;
  const available = input.available ?? total * (1 - memory / 100);
  const ops = input.diskOps ?? 0;
  return {
    timestamp: input.timestamp ?? 1_700_000_000,
    cpu: { raw: cpu, smoothed: cpu, spiking: false },
    memory: { raw: memory, smoothed: memory, used: total - available, available, total, spiking: false },
    swap_percent: input.swap ?? 0,
    disk_io: {
      read_bytes_per_sec: 0,
      write_bytes_per_sec: 0,
      read_ops_per_sec: ops,
      write_ops_per_sec: 0,
      total_bytes_per_sec: 0,
      total_ops_per_sec: ops,
      spiking: false,
    },
  };
}

export function trendRecord(overrides: Partial<TrendRecord> = {}): TrendRecord {
  return {
    cpu_slope: 0,
    memory_slope: 0,
    cpu_volatility: 0,
    memory_volatility: 0,
    is_cpu_growing: false,
    is_memory_leaking: false,
    ...overrides,
  };
}

export function anomalyRecord(overrides: Partial<AnomalyRecord> = {}): AnomalyRecord {
  return { score: 0, level: 'normal', z_scores: { cpu: 0, memory: 0, disk: 0 }, is_sustained: false, ...overrides };
}

export function stressRecord(pressures: StressRecord['pressures'], score = 50): StressRecord {
  return { score, level: 'moderate', pressures, weights: { cpu: 0.4, memory: 0.35, disk: 0.25 } };
}
