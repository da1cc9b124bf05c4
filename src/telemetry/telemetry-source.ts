import type { SnapshotRecord } from './snapshot.record.js';

export const TELEMETRY_SOURCE = Symbol('TELEMETRY_SOURCE');

export interface SampleRequest {
  /** Unix seconds stamped on the snapshot (from the engine's Clock). */
  timestamp: number;
  /** Whether the (expensive) process list must be refreshed on this cycle. */
  withProcesses: boolean;
}

/** Where snapshots come from: the real machine, or a script in tests and demos. */
export interface TelemetrySource {
  sample(request: SampleRequest): Promise<SnapshotRecord>;
}
