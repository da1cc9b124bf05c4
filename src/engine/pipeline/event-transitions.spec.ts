import { describe, it, expect } from '@jest/globals';
import type { AlertRecord } from './alert-manager.js';
import { alertFiredEvent, levelChangeEvent, spikeEvents } from './event-transitions.js';
import type { NormalizedRecord } from './normalizer.js';
import { normalizedRecord } from './pipeline.fixture.js';

function flags(cpu: boolean, memory: boolean, disk: boolean, timestamp = 100): NormalizedRecord {
  const n = normalizedRecord({ timestamp, cpu: 91.25, memory: 83, diskOps: 450 });
  return { ...n, cpu: { ...n.cpu, spiking: cpu }, memory: { ...n.memory, spiking: memory }, disk_io: { ...n.disk_io, spiking: disk } };
}

describe('spikeEvents', () => {
  it('reports each spike flag that turned on or off', () => {
    expect(spikeEvents(flags(false, true, false), flags(true, false, true))).toEqual([
      { timestamp: 100, event_type: 'cpu_spike_start', severity: 'warning', details: 'CPU spike started at 91.3%' },
      { timestamp: 100, event_type: 'memory_spike_resolved', severity: 'info', details: 'Memory spike resolved at 83%' },
      { timestamp: 100, event_type: 'disk_spike_start', severity: 'warning', details: 'Disk I/O spike started at 450 ops/s' },
    ]);
  });

  it.each([
    ['nothing changed', flags(true, false, false), flags(true, false, false), []],
    ['first reading, no spike', null, flags(false, false, false), []],
    ['first reading already spiking', null, flags(false, false, true), ['disk_spike_start']],
  ])('%s', (_name, previous, current, types) => {
    expect(spikeEvents(previous, current).map((e) => e.event_type)).toEqual(types);
  });
});

describe('levelChangeEvent', () => {
  it.each([
    ['stress', null, 'high', null],
    ['stress', 'low', 'low', null],
    ['stress', 'low', 'moderate', ['info', 'Stress level low -> moderate (score 30.5)']],
    ['stress', 'moderate', 'high', ['warning', 'Stress level moderate -> high (score 30.5)']],
    ['stress', 'high', 'critical', ['critical', 'Stress level high -> critical (score 30.5)']],
    ['anomaly', 'normal', 'elevated', ['info', 'Anomaly level normal -> elevated (score 30.5)']],
    ['anomaly', 'elevated', 'severe', ['critical', 'Anomaly level elevated -> severe (score 30.5)']],
    ['anomaly', 'severe', 'normal', ['info', 'Anomaly level severe -> normal (score 30.5)']],
  ] as const)('%s %p -> %p', (kind, previous, current, expected) => {
    const event = levelChangeEvent(kind, previous, current, 30.46, 7);
    if (expected === null) expect(event).toBeNull();
    else expect(event).toEqual({ timestamp: 7, event_type: `${kind}_level_change`, severity: expected[0], details: expected[1] });
  });
});

describe('alertFiredEvent', () => {
  it.each([
    ['high', 'warning'],
    ['critical', 'critical'],
  ] as const)('a %s alert is a %s event carrying its message', (level, severity) => {
    const alert = { timestamp: 42, level, message: 'Resource alert (...)' } as AlertRecord;
    expect(alertFiredEvent(alert)).toEqual({ timestamp: 42, event_type: 'alert_fired', severity, details: 'Resource alert (...)' });
  });
});
