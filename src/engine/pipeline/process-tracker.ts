import type { ProcessRecord } from '../../telemetry/snapshot.record.js';
import { mean, round } from './math.js';

// SPEC §4 GET /processes; also an alert's top_contributors and root_cause.suspect_process (§5).
export interface ProcessStatsRecord {
  pid: number;
  name: string;
  avg_cpu_percent: number;
  avg_memory_percent: number;
  peak_cpu_percent: number;
  peak_memory_percent: number;
  current_cpu_percent: number;
  current_memory_percent: number;
  sample_count: number;
  impact_score: number;
}

export type ProcessRanking = 'impact' | 'cpu' | 'memory';

export interface ProcessTrackerOptions {
  /** Samples kept per process. */
  window: number;
  /** Updates a process may be missing from before it is forgotten. */
  staleAfterUpdates: number;
}

export const DEFAULT_PROCESS_TRACKER_OPTIONS: ProcessTrackerOptions = { window: 30, staleAfterUpdates: 10 };

interface Track {
  name: string;
  cpu: number[];
  memory: number[];
  lastSeenUpdate: number;
}

/** Impact favours cpu (0.6) over memory (0.4): cpu contention is what users feel first. */
export function impactScore(avgCpuPercent: number, avgMemoryPercent: number): number {
  return 0.6 * avgCpuPercent + 0.4 * avgMemoryPercent;
}

function toRecord(pid: number, track: Track): ProcessStatsRecord {
  const avgCpu = mean(track.cpu);
  const avgMemory = mean(track.memory);
  return {
    pid,
    name: track.name,
    avg_cpu_percent: round(avgCpu, 2),
    avg_memory_percent: round(avgMemory, 2),
    peak_cpu_percent: round(Math.max(...track.cpu), 2),
    peak_memory_percent: round(Math.max(...track.memory), 2),
    current_cpu_percent: round(track.cpu[track.cpu.length - 1], 2),
    current_memory_percent: round(track.memory[track.memory.length - 1], 2),
    sample_count: track.cpu.length,
    impact_score: round(impactScore(avgCpu, avgMemory), 2),
  };
}

const RANK_KEY: Record<ProcessRanking, keyof ProcessStatsRecord> = {
  impact: 'impact_score',
  cpu: 'avg_cpu_percent',
  memory: 'avg_memory_percent',
};

/** Rolling per-process statistics, so a culprit is judged on the last minute, not one reading. */
export class ProcessTracker {
  readonly options: ProcessTrackerOptions;
  private updates = 0;
  private tracks = new Map<number, Track>();

  constructor(options: Partial<ProcessTrackerOptions> = {}) {
    this.options = { ...DEFAULT_PROCESS_TRACKER_OPTIONS, ...options };
  }

  get size(): number {
    return this.tracks.size;
  }

  update(processes: readonly ProcessRecord[]): void {
    this.updates += 1;
    const seen = new Set<number>();
    for (const process of processes) {
      if (seen.has(process.pid)) continue;
      seen.add(process.pid);
      this.record(process);
    }
    for (const [pid, track] of this.tracks) {
      if (this.updates - track.lastSeenUpdate >= this.options.staleAfterUpdates) this.tracks.delete(pid);
    }
  }

  /** Highest first by the ranking (ties by pid), at most `limit`. */
  top(limit: number, by: ProcessRanking = 'impact'): ProcessStatsRecord[] {
    const key = RANK_KEY[by];
    const records = [...this.tracks].map(([pid, track]) => toRecord(pid, track));
    records.sort((a, b) => (b[key] as number) - (a[key] as number) || a.pid - b.pid);
    return records.slice(0, Math.max(0, limit));
  }

  reset(): void {
    this.updates = 0;
    this.tracks.clear();
  }

  private record(process: ProcessRecord): void {
    let track = this.tracks.get(process.pid);
    // A reused pid with another name is another program: its history does not carry over.
    if (!track || track.name !== process.name) {
      track = { name: process.name, cpu: [], memory: [], lastSeenUpdate: this.updates };
      this.tracks.set(process.pid, track);
    }
    track.cpu.push(Math.max(0, process.cpu_percent));
    track.memory.push(Math.max(0, process.memory_percent));
    if (track.cpu.length > this.options.window) {
      track.cpu.shift();
      track.memory.shift();
    }
    track.lastSeenUpdate = this.updates;
  }
}
