import { describe, it, expect } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { CorrelationEngine, confidenceScore, primaryBottleneck, suspectFor } from './correlation-engine.js';
import type { EventRecord } from './event-logger.js';
import type { ProcessStatsRecord } from './process-tracker.js';

const RUNTIME = new URL('../../../test/fixtures/reference-datastore/state/runtime.json', import.meta.url);
const reference = (JSON.parse(readFileSync(RUNTIME, 'utf8')) as { alerts_recent: { top_contributors: ProcessStatsRecord[]; root_cause: unknown }[] })
  .alerts_recent[0];

function stats(pid: number, name: string, cpu: number, memory: number): ProcessStatsRecord {
  const impact = Math.round((0.6 * cpu + 0.4 * memory) * 100) / 100;
  return {
    pid,
    name,
    avg_cpu_percent: cpu,
    avg_memory_percent: memory,
    peak_cpu_percent: cpu,
    peak_memory_percent: memory,
    current_cpu_percent: cpu,
    current_memory_percent: memory,
    sample_count: 30,
    impact_score: impact,
  };
}

const PROCESSES = [stats(1, 'render', 70, 5), stats(2, 'db', 10, 60), stats(3, 'idle', 0, 0)];
const T = 1_800_000_000;
const event = (ago: number, event_type: string, severity: EventRecord['severity'] = 'warning'): EventRecord => ({
  timestamp: T - ago,
  event_type,
  severity,
  details: `${event_type} ${ago}s ago`,
});

describe('primaryBottleneck', () => {
  it.each([
    [{ cpu: 90, memory: 59, disk: 14 }, undefined, 'cpu'],
    [{ cpu: 40, memory: 92, disk: 14 }, undefined, 'memory'],
    [{ cpu: 40, memory: 40, disk: 95 }, undefined, 'disk'],
    [{ cpu: 70, memory: 70, disk: 70 }, undefined, 'cpu'],
    [{ cpu: 84, memory: 10, disk: 82 }, undefined, 'cpu'],
    [{ cpu: 84, memory: 10, disk: 82 }, { cpu: 85, memory: 85, disk: 80 }, 'disk'], // 82/80 > 84/85
  ])('pressures %p, thresholds %p → %s', (pressures, thresholds, expected) => {
    expect(primaryBottleneck(pressures, thresholds)).toBe(expected);
  });
});

describe('suspectFor', () => {
  it.each([
    ['cpu', 1],
    ['memory', 2],
    ['disk', 1], // highest impact: 44 vs 30
  ] as const)('%s → pid %p', (bottleneck, pid) => {
    expect(suspectFor(bottleneck, PROCESSES)?.pid).toBe(pid);
  });

  it('has no suspect without processes or when none uses the resource', () => {
    expect(suspectFor('cpu', [])).toBeNull();
    expect(suspectFor('memory', [stats(3, 'idle', 5, 0)])).toBeNull();
  });
});

describe('confidenceScore', () => {
  it.each([
    ['cpu', false, null, 40],
    ['cpu', true, null, 70],
    ['disk', true, null, 55],
    ['memory', true, 'anomaly_level_change', 90],
    ['memory', true, 'memory_spike_start', 100],
    ['disk', false, 'disk_spike_start', 70],
  ] as const)('%s, suspect %p, trigger %p → %p', (bottleneck, hasSuspect, trigger, expected) => {
    const suspect = hasSuspect ? PROCESSES[0] : null;
    const triggerEvent = trigger ? event(5, trigger) : null;
    expect(confidenceScore(bottleneck, suspect, triggerEvent)).toBe(expected);
  });
});

describe('CorrelationEngine', () => {
  const engine = new CorrelationEngine();

  it('reproduces the root cause of the reference runtime.json alert', () => {
    const rootCause = engine.analyze({
      timestamp: T,
      pressures: { cpu: 90, memory: 59.32, disk: 14.2 },
      thresholds: { cpu: 85, memory: 85, disk: 80 },
      processes: reference.top_contributors,
      events: [],
    });
    expect(rootCause).toEqual(reference.root_cause);
  });

  it('explains a memory bottleneck with a spike trigger', () => {
    const rootCause = engine.analyze({
      timestamp: T,
      pressures: { cpu: 30, memory: 88, disk: 5 },
      processes: PROCESSES,
      events: [event(20, 'memory_spike_start')],
    });
    expect(rootCause).toEqual({
      primary_bottleneck: 'memory',
      suspect_process: PROCESSES[1],
      trigger_event: event(20, 'memory_spike_start'),
      confidence_score: 100,
      summary:
        "System is experiencing critical memory pressure. The process 'db' (PID 2) is the primary suspect, using 60.0% of memory. " +
        'Triggered by: memory_spike_start 20s ago.',
    });
  });

  it.each([
    ['the most recent relevant event wins', [event(30, 'cpu_spike_start'), event(10, 'anomaly_level_change')], 'anomaly_level_change'],
    ['events older than 60 s are ignored', [event(61, 'cpu_spike_start')], null],
    ['exactly 60 s old still counts', [event(60, 'cpu_spike_start')], 'cpu_spike_start'],
    ['spikes of another resource are ignored', [event(5, 'memory_spike_start'), event(6, 'disk_spike_start')], null],
    ['routine anomaly changes are ignored', [event(5, 'anomaly_level_change', 'info')], null],
    ['resolved spikes are ignored', [event(5, 'cpu_spike_resolved', 'info')], null],
    ['future events are ignored', [event(-5, 'cpu_spike_start')], null],
  ])('trigger: %s', (_name, events, expected) => {
    const rootCause = engine.analyze({ timestamp: T, pressures: { cpu: 95, memory: 20, disk: 0 }, processes: [], events });
    expect(rootCause.trigger_event?.event_type ?? null).toBe(expected);
  });

  it('says so when no process stands out', () => {
    const rootCause = engine.analyze({ timestamp: T, pressures: { cpu: 10, memory: 20, disk: 70 }, processes: [], events: [] });
    expect(rootCause.summary).toBe('System is experiencing high disk I/O pressure. No single process stands out.');
    expect(rootCause.confidence_score).toBe(40);
  });

  it('names the disk suspect by impact', () => {
    const rootCause = engine.analyze({ timestamp: T, pressures: { cpu: 10, memory: 20, disk: 50 }, processes: PROCESSES, events: [] });
    expect(rootCause.summary).toBe(
      "System is experiencing moderate disk I/O pressure. The process 'render' (PID 1) is the primary suspect, with the highest overall impact (score 44.0).",
    );
  });
});
