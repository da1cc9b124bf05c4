import type { HistorySampleRecord } from '../history/write/history-line.codec.js';
import type { CycleResult } from './pipeline/analysis-pipeline.js';
import type { ProcessStatsRecord } from './pipeline/process-tracker.js';

const TOP_PROCESSES = 5;

/** SPEC §6: one cycle as a history sample (the store rounds and debounces). */
export function historySample(cycle: CycleResult, top: ProcessStatsRecord[]): HistorySampleRecord {
  return {
    at: cycle.snapshot.timestamp,
    cpu_percent: cycle.normalized.cpu.raw,
    mem_percent: cycle.normalized.memory.raw,
    disk_pressure_percent: cycle.stress.pressures.disk,
    stability_score: cycle.stability.score,
    stress_score: cycle.stress.score,
    top_processes: top.slice(0, TOP_PROCESSES).map((p) => ({
      name: p.name,
      pid: p.pid,
      cpu_percent: p.current_cpu_percent,
      mem_percent: p.current_memory_percent,
      impact: p.impact_score,
    })),
  };
}
