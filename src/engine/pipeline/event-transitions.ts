import type { AlertRecord } from './alert-manager.js';
import type { AnomalyLevel } from './anomaly-detector.js';
import type { EventDetails, EventRecord, EventSeverity, EventType } from './event-logger.js';
import { formatFixed, round } from './math.js';
import type { NormalizedRecord } from './normalizer.js';
import type { Resource, StressLevel } from './stress-engine.js';

/**
 * What the earlier engine writes as `threshold` in a spike's details: its configured event
 * threshold, which is not the condition. Spikes start and end on the normaliser's spike flag
 * (2 readings in a row at or above 80 %, 80 %, 400 ops/s); see docs/parity.md.
 */
const REPORTED_THRESHOLD: Record<Resource, number> = { cpu: 85, memory: 85, disk: 500 };
const SPIKE_TYPE: Record<Resource, EventType> = { cpu: 'cpu_spike', memory: 'memory_pressure', disk: 'disk_spike' };
const GIB = 1024 ** 3;

const pct = (value: number): string => `${formatFixed(value, 1)}%`;
const r2 = (value: number): number => round(value, 2);

function spikeStarted(n: NormalizedRecord, resource: Resource): EventDetails {
  const threshold = REPORTED_THRESHOLD[resource];
  if (resource === 'cpu') {
    const description = `CPU spike: ${pct(n.cpu.raw)} (smoothed ${pct(n.cpu.smoothed)})`;
    return { cpu_percent: r2(n.cpu.raw), cpu_smoothed: r2(n.cpu.smoothed), threshold, description };
  }
  if (resource === 'memory') {
    const available = `${formatFixed(n.memory.available / GIB, 1)} GiB`;
    const description = `Memory pressure: ${pct(n.memory.raw)} used, ${available} available`;
    return { memory_percent: r2(n.memory.raw), memory_smoothed: r2(n.memory.smoothed), memory_available: n.memory.available, threshold, description };
  }
  const { total_ops_per_sec: ops, total_bytes_per_sec: bytes } = n.disk_io;
  const description = `Disk spike: ${formatFixed(ops, 0)} ops/s (${formatFixed(bytes / 1024 ** 2, 1)} MiB/s)`;
  return { disk_ops_per_sec: r2(ops), disk_bytes_per_sec: r2(bytes), threshold, description };
}

function spikeResolved(n: NormalizedRecord, resource: Resource): EventDetails {
  if (resource === 'cpu') {
    return { message: 'CPU spike resolved', cpu_percent: r2(n.cpu.raw), description: `CPU spike resolved at ${pct(n.cpu.raw)}` };
  }
  if (resource === 'memory') {
    const description = `Memory pressure resolved at ${pct(n.memory.raw)} used`;
    return { message: 'Memory pressure resolved', memory_percent: r2(n.memory.raw), description };
  }
  const ops = n.disk_io.total_ops_per_sec;
  return { message: 'Disk spike resolved', disk_ops_per_sec: r2(ops), description: `Disk spike resolved at ${formatFixed(ops, 0)} ops/s` };
}

const SPIKING: Record<Resource, (n: NormalizedRecord) => boolean> = {
  cpu: (n) => n.cpu.spiking,
  memory: (n) => n.memory.spiking,
  disk: (n) => n.disk_io.spiking,
};

/**
 * `cpu_spike`, `memory_pressure` and `disk_spike` when the normaliser's spike flag turns on
 * (warning) or off (info), with the earlier engine's details. `current` at full precision.
 */
export function spikeEvents(previous: NormalizedRecord | null, current: NormalizedRecord): EventRecord[] {
  const events: EventRecord[] = [];
  for (const resource of ['cpu', 'memory', 'disk'] as const) {
    const was = previous ? SPIKING[resource](previous) : false;
    const now = SPIKING[resource](current);
    if (was === now) continue;
    events.push({
      timestamp: current.timestamp,
      event_type: SPIKE_TYPE[resource],
      severity: now ? 'warning' : 'info',
      details: now ? spikeStarted(current, resource) : spikeResolved(current, resource),
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
    details: { from: previous, to: current, score: r2(score), description: `${label} level ${previous} -> ${current} (score ${formatFixed(score, 1)})` },
  };
}

export function alertFiredEvent(alert: AlertRecord): EventRecord {
  const { primary_bottleneck, suspect_process } = alert.root_cause;
  return {
    timestamp: alert.timestamp,
    event_type: 'alert_fired',
    severity: alert.level === 'critical' ? 'critical' : 'warning',
    details: {
      level: alert.level,
      stress_score: alert.stress_score,
      primary_bottleneck,
      suspect_pid: suspect_process?.pid ?? null,
      description: alert.message,
    },
  };
}

/** A wall-clock jump the engine saw (ClockWatch): history retention is held until the clock is stable. */
export function clockJumpEvent(jump: { at: number; offset_sec: number }): EventRecord {
  const days = Math.abs(jump.offset_sec) / 86_400;
  const amount = days >= 1 ? `${days.toFixed(1)} days` : `${Math.round(Math.abs(jump.offset_sec) / 60)} min`;
  return {
    timestamp: jump.at,
    event_type: 'clock_jump',
    severity: 'warning',
    details: {
      description: `System clock jumped ${jump.offset_sec > 0 ? 'forward' : 'back'} by ${amount}; history retention is held until it is stable`,
      offset_sec: jump.offset_sec,
    },
  };
}
