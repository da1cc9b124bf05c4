import { EARLIER_ENGINE_EVENT_TYPES, type EventRecord, type EventType } from './event-logger.js';
import { formatFixed, round } from './math.js';
import type { ProcessStatsRecord } from './process-tracker.js';
import { RESOURCES, type Resource, type ResourceValues } from './stress-engine.js';
import { wireProcess } from './wire-rounding.js';

// SPEC §5 "Alerts": root_cause.
export interface RootCauseRecord {
  primary_bottleneck: Resource;
  suspect_process: ProcessStatsRecord | null;
  trigger_event: EventRecord | null;
  confidence_score: number;
  summary: string;
}

export interface CorrelationInput {
  /** Full precision. */
  pressures: ResourceValues;
  /** The top contributors by impact, highest first, full precision. */
  processes: readonly ProcessStatsRecord[];
  /** Recent events, newest first. */
  events: readonly EventRecord[];
}

/** Suspects must use more than this share of the machine (avg over the window), as in the earlier engine. */
const SUSPECT_MIN_PERCENT: Partial<Record<Resource, number>> = { cpu: 15, memory: 10 };
/** The onset event of each bottleneck. */
const ONSET: Record<Resource, EventType> = { cpu: 'cpu_spike', memory: 'memory_pressure', disk: 'disk_spike' };
/** The earlier engine looks at its last 20 events; this engine looks at as many of the same kinds. */
const TRIGGER_LOOKBACK = 20;

/** The resource with the highest pressure, first of cpu, memory, disk on a tie. */
export function primaryBottleneck(pressures: ResourceValues): Resource {
  return RESOURCES.reduce((best, r) => (pressures[r] > pressures[best] ? r : best), 'cpu');
}

/**
 * Among the top contributors, the highest average cpu (above 15 %) or memory (above 10 %). The
 * snapshot has no per-process disk counters, so for disk it is the highest overall impact.
 * The first of equals wins, as in the earlier engine's stable sort.
 */
export function suspectFor(bottleneck: Resource, processes: readonly ProcessStatsRecord[]): ProcessStatsRecord | null {
  if (bottleneck === 'disk') return processes[0] ?? null;
  const key = bottleneck === 'cpu' ? 'avg_cpu_percent' : 'avg_memory_percent';
  const top = processes.reduce<ProcessStatsRecord | null>((best, p) => (!best || p[key] > best[key] ? p : best), null);
  return top && top[key] > (SUSPECT_MIN_PERCENT[bottleneck] ?? 0) ? top : null;
}

/**
 * The newest event that explains the bottleneck: the start of the suspect (same pid or name) or
 * the onset (warning) of the bottleneck's own spike, among the last 20 events of the earlier
 * engine's kinds. Newest first and by the names this engine emits (docs/parity.md (b)).
 */
export function triggerEvent(bottleneck: Resource, suspect: ProcessStatsRecord | null, events: readonly EventRecord[]): EventRecord | null {
  const earlierKinds: readonly EventType[] = EARLIER_ENGINE_EVENT_TYPES;
  const recent = events.filter((e) => earlierKinds.includes(e.event_type)).slice(0, TRIGGER_LOOKBACK);
  const startedSuspect = (e: EventRecord): boolean =>
    suspect !== null && e.event_type === 'process_start' && (e.details.pid === suspect.pid || e.details.name === suspect.name);
  const onset = (e: EventRecord): boolean => e.event_type === ONSET[bottleneck] && e.severity === 'warning';
  return recent.find((e) => startedSuspect(e) || onset(e)) ?? null;
}

/** 20 for the bottleneck, +50 for a suspect, +30 for a trigger event, as in the earlier engine. */
export function confidenceScore(suspect: ProcessStatsRecord | null, trigger: EventRecord | null): number {
  return Math.min(100, 20 + (suspect ? 50 : 0) + (trigger ? 30 : 0));
}

/** The earlier engine's wording (it says "critical" whatever the level). */
export function rootCauseSummary(bottleneck: Resource, suspect: ProcessStatsRecord | null, trigger: EventRecord | null): string {
  let summary = `System is experiencing critical ${bottleneck.toUpperCase()} pressure.`;
  if (suspect) {
    const usage = bottleneck === 'cpu' ? `${formatFixed(suspect.avg_cpu_percent, 1)}% CPU` : `${formatFixed(suspect.avg_memory_percent, 1)}% Memory`;
    summary += ` The process '${suspect.name}' (PID ${suspect.pid}) is the primary suspect, consuming ${usage}.`;
  }
  if (trigger?.event_type === 'process_start') summary += ' This pressure began shortly after the process was launched.';
  else if (trigger) summary += ` A '${trigger.event_type}' event was detected recently.`;
  return summary;
}

/** Root-cause analysis: which resource, which process, what started it, and how sure we are. */
export class CorrelationEngine {
  analyze(input: CorrelationInput): RootCauseRecord {
    const bottleneck = primaryBottleneck(input.pressures);
    const suspect = suspectFor(bottleneck, input.processes);
    const trigger = triggerEvent(bottleneck, suspect, input.events);
    return {
      primary_bottleneck: bottleneck,
      suspect_process: suspect ? wireProcess(suspect) : null,
      trigger_event: trigger,
      confidence_score: round(confidenceScore(suspect, trigger), 2),
      summary: rootCauseSummary(bottleneck, suspect, trigger),
    };
  }
}
