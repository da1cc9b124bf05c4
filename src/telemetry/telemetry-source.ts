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
  /**
   * Every pid alive at the scan behind the latest snapshot's process list, when the source
   * sees them all (the list keeps only the top few). With it, process_start / process_stop
   * mean a real start or exit rather than a move in the list. Sources that cannot tell omit it.
   */
  runningPids?(): ReadonlySet<number> | undefined;
}
