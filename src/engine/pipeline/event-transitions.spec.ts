import { describe, it, expect } from '@jest/globals';
import type { AlertRecord } from './alert-manager.js';
import { alertFiredEvent, levelChangeEvent, spikeEvents } from './event-transitions.js';
import type { NormalizedRecord } from './normalizer.js';
import { normalizedRecord } from './pipeline.fixture.js';

function flags(cpu: boolean, memory: boolean, disk: boolean): NormalizedRecord {
  const n = normalizedRecord({ timestamp: 100, cpu: 91.254, memory: 83.456, available: 2_684_354_560, total: 17_179_869_184, diskOps: 450.5 });
  return {
    ...n,
    cpu: { ...n.cpu, smoothed: 84.0449, spiking: cpu },
    memory: { ...n.memory, smoothed: 81.2, spiking: memory },
    disk_io: { ...n.disk_io, total_bytes_per_sec: 15_728_640.123, spiking: disk },
  };
}

describe('spikeEvents', () => {
  it("logs a spike's start with the earlier engine's details, 2 decimals, plus a description", () => {
    expect(spikeEvents(flags(false, false, false), flags(true, true, true))).toEqual([
      {
        timestamp: 100,
        event_type: 'cpu_spike',
        severity: 'warning',
        details: { cpu_percent: 91.25, cpu_smoothed: 84.04, threshold: 85, description: 'CPU spike: 91.3% (smoothed 84.0%)' },
      },
      {
        timestamp: 100,
        event_type: 'memory_pressure',
        severity: 'warning',
        details: {
          memory_percent: 83.46,
          memory_smoothed: 81.2,
          memory_available: 2_684_354_560,
          threshold: 85,
          description: 'Memory pressure: 83.5% used, 2.5 GiB available',
        },
      },
      {
        timestamp: 100,
        event_type: 'disk_spike',
        severity: 'warning',
        details: { disk_ops_per_sec: 450.5, disk_bytes_per_sec: 15_728_640.12, threshold: 500, description: 'Disk spike: 450 ops/s (15.0 MiB/s)' },
      },
    ]);
  });

  it('logs its end as info with the message the earlier engine writes', () => {
    expect(spikeEvents(flags(true, true, true), flags(false, false, false))).toEqual([
      {
        timestamp: 100,
        event_type: 'cpu_spike',
        severity: 'info',
        details: { message: 'CPU spike resolved', cpu_percent: 91.25, description: 'CPU spike resolved at 91.3%' },
      },
      {
        timestamp: 100,
        event_type: 'memory_pressure',
        severity: 'info',
        details: { message: 'Memory pressure resolved', memory_percent: 83.46, description: 'Memory pressure resolved at 83.5% used' },
      },
      {
        timestamp: 100,
        event_type: 'disk_spike',
        severity: 'info',
        details: { message: 'Disk spike resolved', disk_ops_per_sec: 450.5, description: 'Disk spike resolved at 450 ops/s' },
      },
    ]);
  });

  it.each([
    ['nothing changed', flags(true, false, false), flags(true, false, false), []],
    ['first reading, no spike', null, flags(false, false, false), []],
    ['first reading already spiking', null, flags(false, false, true), ['disk_spike:warning']],
  ])('%s', (_name, previous, current, types) => {
    expect(spikeEvents(previous, current).map((e) => `${e.event_type}:${e.severity}`)).toEqual(types);
  });
});

describe('levelChangeEvent', () => {
  it.each([
    ['stress', null, 'high', null, null],
    ['stress', 'low', 'low', null, null],
    ['stress', 'low', 'moderate', 'info', 'Stress level low -> moderate (score 30.5)'],
    ['stress', 'moderate', 'high', 'warning', 'Stress level moderate -> high (score 30.5)'],
    ['stress', 'high', 'critical', 'critical', 'Stress level high -> critical (score 30.5)'],
    ['anomaly', 'normal', 'elevated', 'info', 'Anomaly level normal -> elevated (score 30.5)'],
    ['anomaly', 'elevated', 'severe', 'critical', 'Anomaly level elevated -> severe (score 30.5)'],
    ['anomaly', 'severe', 'normal', 'info', 'Anomaly level severe -> normal (score 30.5)'],
  ] as const)('%s %p -> %p', (kind, previous, current, severity, description) => {
    const event = levelChangeEvent(kind, previous, current, 30.456, 7);
    if (severity === null) expect(event).toBeNull();
    else
      expect(event).toEqual({
        timestamp: 7,
        event_type: `${kind}_level_change`,
        severity,
        details: { from: previous, to: current, score: 30.46, description },
      });
  });
});

describe('alertFiredEvent', () => {
  it.each([
    ['high', 'warning'],
    ['critical', 'critical'],
  ] as const)('a %s alert is a %s event describing itself with its message', (level, severity) => {
    const alert = {
      timestamp: 42,
      level,
      stress_score: 70.25,
      message: 'Resource alert (...)',
      root_cause: { primary_bottleneck: 'cpu', suspect_process: { pid: 3301 } },
    } as AlertRecord;
    expect(alertFiredEvent(alert)).toEqual({
      timestamp: 42,
      event_type: 'alert_fired',
      severity,
      details: { level, stress_score: 70.25, primary_bottleneck: 'cpu', suspect_pid: 3301, description: 'Resource alert (...)' },
    });
  });
});
