import type { EventRecord } from './event-logger.js';
import { round } from './math.js';
import type { ProcessStatsRecord } from './process-tracker.js';
import { RESOURCES, stressLevel, type Resource, type ResourceValues } from './stress-engine.js';

// SPEC §5 "Alerts": root_cause.
export interface RootCauseRecord {
  primary_bottleneck: Resource;
  suspect_process: ProcessStatsRecord | null;
  trigger_event: EventRecord | null;
  confidence_score: number;
  summary: string;
}

export interface CorrelationInput {
  timestamp: number;
  pressures: ResourceValues;
  /** Alert thresholds; the bottleneck is the resource furthest past its own (default: highest pressure). */
  thresholds?: ResourceValues;
  processes: readonly ProcessStatsRecord[];
  /** Recent events, any order. */
  events: readonly EventRecord[];
}

const LABEL: Record<Resource, string> = { cpu: 'CPU', memory: 'memory', disk: 'disk I/O' };
const NO_THRESHOLDS: ResourceValues = { cpu: 100, memory: 100, disk: 100 };

/** First of cpu, memory, disk on a tie. */
export function primaryBottleneck(pressures: ResourceValues, thresholds: ResourceValues = NO_THRESHOLDS): Resource {
  const ratio = (r: Resource): number => pressures[r] / Math.max(1, thresholds[r]);
  return RESOURCES.reduce((best, r) => (ratio(r) > ratio(best) ? r : best), 'cpu');
}

/**
 * The process most likely behind the bottleneck: top average cpu or memory. The snapshot has
 * no per-process disk counters, so for disk it is the highest overall impact, a weaker guess.
 * A process using none of the resource is no suspect.
 */
export function suspectFor(bottleneck: Resource, processes: readonly ProcessStatsRecord[]): ProcessStatsRecord | null {
  const key = bottleneck === 'cpu' ? 'avg_cpu_percent' : bottleneck === 'memory' ? 'avg_memory_percent' : 'impact_score';
  return processes.reduce<ProcessStatsRecord | null>((top, p) => (p[key] > (top?.[key] ?? 0) ? p : top), null);
}

/** A spike of the bottleneck resource or a non-routine anomaly change explains how the trouble began. */
function isRelevant(event: EventRecord, bottleneck: Resource): boolean {
  return event.event_type === `${bottleneck}_spike_start` || (event.event_type === 'anomaly_level_change' && event.severity !== 'info');
}

/**
 * Confidence: 40 for the bottleneck alone (pressures are measured, not guessed), +30 for a
 * cpu/memory suspect (+15 for disk, see suspectFor), +20 for a trigger event, +10 more when
 * the trigger is a spike of the bottleneck itself. 40..100.
 */
export function confidenceScore(bottleneck: Resource, suspect: ProcessStatsRecord | null, trigger: EventRecord | null): number {
  let confidence = 40;
  if (suspect) confidence += bottleneck === 'disk' ? 15 : 30;
  if (trigger) confidence += trigger.event_type === `${bottleneck}_spike_start` ? 30 : 20;
  return confidence;
}

function suspectSentence(bottleneck: Resource, suspect: ProcessStatsRecord | null): string {
  if (!suspect) return 'No single process stands out.';
  const who = `The process '${suspect.name}' (PID ${suspect.pid}) is the primary suspect`;
  if (bottleneck === 'cpu') return `${who}, consuming ${suspect.avg_cpu_percent.toFixed(1)}% CPU.`;
  if (bottleneck === 'memory') return `${who}, using ${suspect.avg_memory_percent.toFixed(1)}% of memory.`;
  return `${who}, with the highest overall impact (score ${suspect.impact_score.toFixed(1)}).`;
}

/** Root-cause analysis: which resource, which process, what started it, and how sure we are. */
export class CorrelationEngine {
  constructor(readonly triggerWindowSec = 60) {}

  analyze(input: CorrelationInput): RootCauseRecord {
    const bottleneck = primaryBottleneck(input.pressures, input.thresholds);
    const suspect = suspectFor(bottleneck, input.processes);
    const trigger = this.triggerEvent(input, bottleneck);
    const severity = stressLevel(input.pressures[bottleneck]);
    const sentences = [`System is experiencing ${severity} ${LABEL[bottleneck]} pressure.`, suspectSentence(bottleneck, suspect)];
    if (trigger) sentences.push(`Triggered by: ${trigger.details}.`);
    return {
      primary_bottleneck: bottleneck,
      suspect_process: suspect,
      trigger_event: trigger,
      confidence_score: round(confidenceScore(bottleneck, suspect, trigger), 1),
      summary: sentences.join(' '),
    };
  }

  private triggerEvent(input: CorrelationInput, bottleneck: Resource): EventRecord | null {
    const earliest = input.timestamp - this.triggerWindowSec;
    const candidates = input.events.filter((e) => e.timestamp >= earliest && e.timestamp <= input.timestamp && isRelevant(e, bottleneck));
    return candidates.reduce<EventRecord | null>((latest, e) => (!latest || e.timestamp > latest.timestamp ? e : latest), null);
  }
}
