// SPEC §5 "Snapshot": one raw telemetry reading, served as `snapshot` in GET /status.

export interface ProcessRecord {
  pid: number;
  name: string;
  cpu_percent: number;
  memory_percent: number;
  memory_rss: number;
  status: string;
  create_time: number;
}

export interface SnapshotRecord {
  /** Unix seconds (fractional). */
  timestamp: number;
  cpu: { percent: number; per_core: number[]; logical_count: number };
  memory: { total: number; used: number; available: number; percent: number };
  swap: { total: number; used: number; percent: number };
  /** Cumulative counters since boot; rates are derived by the normalizer. */
  disk_io: { read_bytes: number; write_bytes: number; read_count: number; write_count: number };
  /** Top processes; refreshed only every few cycles, otherwise the previous list. */
  processes: ProcessRecord[];
}
