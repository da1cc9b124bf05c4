import type { AlertRecord } from './alert-manager.js';
import type { AnomalyLevel } from './anomaly-detector.js';
import type { EventRecord, EventSeverity } from './event-logger.js';
import { round } from './math.js';
import type { NormalizedRecord } from './normalizer.js';
import { RESOURCES, RESOURCE_LABEL, type Resource, type StressLevel } from './stress-engine.js';

function spikeReading(normalized: NormalizedRecord, resource: Resource): { spiking: boolean; reading: string } {
  if (resource === 'cpu') return { spiking: normalized.cpu.spiking, reading: `${round(normalized.cpu.raw, 1)}%` };
  if (resource === 'memory') return { spiking: normalized.memory.spiking, reading: `${round(normalized.memory.raw, 1)}%` };
  return { spiking: normalized.disk_io.spiking, reading: `${round(normalized.disk_io.total_ops_per_sec, 1)} ops/s` };
}

/** `<resource>_spike_start` / `_spike_resolved` for each spike flag that changed since the previous reading. */
export function spikeEvents(previous: NormalizedRecord | null, current: NormalizedRecord): EventRecord[] {
  const events: EventRecord[] = [];
  for (const resource of RESOURCES) {
    const was = previous ? spikeReading(previous, resource).spiking : false;
    const now = spikeReading(current, resource);
    if (was === now.spiking) continue;
    const started = now.spiking;
    events.push({
      timestamp: current.timestamp,
      event_type: `${resource}_spike_${started ? 'start' : 'resolved'}`,
      severity: started ? 'warning' : 'info',
      details: `${RESOURCE_LABEL[resource]} spike ${started ? 'started' : 'resolved'} at ${now.reading}`,
    });
  }
  return events;
}

const LEVEL_SEVERITY: Record<StressLevel | AnomalyLevel, EventSeverity> = {
  low: 'info',
  normal: 'info',
  moderate: 'info',
  elevated: 'info',
  high: 'warning',
  critical: 'critical',
  severe: 'critical',
};

/** `stress_level_change` / `anomaly_level_change`; none on the first cycle, which has nothing to change from. */
export function levelChangeEvent(
  kind: 'stress' | 'anomaly',
  previous: StressLevel | AnomalyLevel | null,
  current: StressLevel | AnomalyLevel,
  score: number,
  timestamp: number,
): EventRecord | null {
  if (previous === null || previous === current) return null;
  const label = kind === 'stress' ? 'Stress' : 'Anomaly';
  return {
    timestamp,
    event_type: `${kind}_level_change`,
    severity: LEVEL_SEVERITY[current],
    details: `${label} level ${previous} -> ${current} (score ${round(score, 1)})`,
  };
}

export function alertFiredEvent(alert: AlertRecord): EventRecord {
  return {
    timestamp: alert.timestamp,
    event_type: 'alert_fired',
    severity: alert.level === 'critical' ? 'critical' : 'warning',
    details: alert.message,
  };
}
