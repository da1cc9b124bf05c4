import type { ProcessRecord } from '../../telemetry/snapshot.record.js';
import { mean } from './math.js';

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

export interface ProcessTrackerOptions {
  /** Cycles of readings kept per process. */
  window: number;
}

export const DEFAULT_PROCESS_TRACKER_OPTIONS: ProcessTrackerOptions = { window: 30 };

interface Track {
  name: string;
  cpu: number[];
  memory: number[];
}

/** Impact favours cpu (0.6) over memory (0.4): cpu contention is what users feel first. */
export function impactScore(avgCpuPercent: number, avgMemoryPercent: number): number {
  return avgCpuPercent * 0.6 + avgMemoryPercent * 0.4;
}

function toRecord(pid: number, track: Track): ProcessStatsRecord {
  const avgCpu = mean(track.cpu);
  const avgMemory = mean(track.memory);
  return {
    pid,
    name: track.name,
    avg_cpu_percent: avgCpu,
    avg_memory_percent: avgMemory,
    peak_cpu_percent: Math.max(...track.cpu),
    peak_memory_percent: Math.max(...track.memory),
    current_cpu_percent: track.cpu[track.cpu.length - 1],
    current_memory_percent: track.memory[track.memory.length - 1],
    sample_count: track.cpu.length,
    impact_score: impactScore(avgCpu, avgMemory),
  };
}

/**
 * Rolling per-process statistics over the last `window` cycles, so a culprit is judged on the
 * last minute, not one reading. The list is scanned only every few cycles; each scan's reading
 * stands for every cycle until the next scan, so the averages cover the same minute whatever
 * the scan cadence, as in the earlier engine. A process missing from a fresh scan has exited or
 * dropped out of the top list: it leaves at once, so no alert blames a process that is gone.
 */
export class ProcessTracker {
  readonly options: ProcessTrackerOptions;
  private tracks = new Map<number, Track>();
  private listed: ProcessRecord[] | null = null;

  constructor(options: Partial<ProcessTrackerOptions> = {}) {
    this.options = { ...DEFAULT_PROCESS_TRACKER_OPTIONS, ...options };
  }

  /** One cycle. `refreshed` false: `processes` is the previous scan's list, read again. */
  update(processes: readonly ProcessRecord[], refreshed: boolean): void {
    if (refreshed || this.listed === null) this.applyScan(processes);
    for (const process of this.listed ?? []) {
      const track = this.tracks.get(process.pid);
      if (!track) continue;
      track.cpu.push(process.cpu_percent);
      track.memory.push(process.memory_percent);
      if (track.cpu.length > this.options.window) {
        track.cpu.shift();
        track.memory.shift();
      }
    }
  }

  /**
   * Highest impact first, at most `limit`, full precision (wireProcess rounds). Ties keep the
   * order processes were first seen in, as the earlier engine's stable sort does.
   */
  top(limit: number): ProcessStatsRecord[] {
    const records = [...this.tracks].map(([pid, track]) => toRecord(pid, track));
    records.sort((a, b) => b.impact_score - a.impact_score);
    return records.slice(0, Math.max(0, limit));
  }

  private applyScan(processes: readonly ProcessRecord[]): void {
    const unique = new Map<number, ProcessRecord>();
    for (const process of processes) if (!unique.has(process.pid)) unique.set(process.pid, process);
    for (const pid of this.tracks.keys()) if (!unique.has(pid)) this.tracks.delete(pid);
    for (const process of unique.values()) {
      const track = this.tracks.get(process.pid);
      // A reused pid with another name is another program: its history does not carry over.
      if (!track || track.name !== process.name) this.tracks.set(process.pid, { name: process.name, cpu: [], memory: [] });
    }
    this.listed = [...unique.values()];
  }
}
