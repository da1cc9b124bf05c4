import type { SnapshotRecord } from '../../telemetry/snapshot.record.js';
import type { AlertStateRecord } from './alert-manager.js';
import type { AnomalyRecord } from './anomaly-detector.js';
import type { NormalizedRecord } from './normalizer.js';
import type { PredictionRecord } from './prediction-engine.js';
import type { StabilityRecord } from './stability-calculator.js';
import type { StressRecord } from './stress-engine.js';
import type { TrendRecord } from './trend-analyzer.js';

// SPEC §5 GET /status `engine`.
export interface EngineInfoRecord {
  version: string;
  uptime_samples: number;
  baseline_ready: boolean;
  baseline_samples: number;
  previous_run_unclean: boolean;
  warm_started: boolean;
}

// SPEC §5 GET /status `buffers`.
export interface BufferStatsRecord {
  short: { count: number; capacity: number };
  long: { count: number; capacity: number };
}

// SPEC §5 GET /status (also the /ws/live payload). A part is null until it has been computed
// or restored, e.g. `snapshot` and `trend` on a warm start served from the checkpoint.
export interface StatusRecord {
  engine: EngineInfoRecord;
  snapshot: SnapshotRecord | null;
  normalized: NormalizedRecord | null;
  trend: TrendRecord | null;
  anomaly: AnomalyRecord | null;
  prediction: PredictionRecord | null;
  stress: StressRecord | null;
  stability: StabilityRecord | null;
  alert: AlertStateRecord;
  buffers: BufferStatsRecord;
}

export type StatusParts = Omit<StatusRecord, 'engine'>;

/**
 * The GET /status body, keys in the reference order. Picks only the status keys, so a
 * CycleResult (which carries more) can be passed as is.
 */
export function buildStatus(parts: StatusParts, engine: EngineInfoRecord): StatusRecord {
  return {
    engine,
    snapshot: parts.snapshot,
    normalized: parts.normalized,
    trend: parts.trend,
    anomaly: parts.anomaly,
    prediction: parts.prediction,
    stress: parts.stress,
    stability: parts.stability,
    alert: parts.alert,
    buffers: parts.buffers,
  };
}
