import { describe, it, expect } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { CorrelationEngine, confidenceScore, primaryBottleneck, rootCauseSummary, suspectFor, triggerEvent } from './correlation-engine.js';
import type { EventRecord, EventType } from './event-logger.js';
import type { ProcessStatsRecord } from './process-tracker.js';

const RUNTIME = new URL('../../../test/fixtures/reference-datastore/state/runtime.json', import.meta.url);
const reference = (JSON.parse(readFileSync(RUNTIME, 'utf8')) as { alerts_recent: { top_contributors: ProcessStatsRecord[]; root_cause: unknown }[] })
  .alerts_recent[0];

function stats(pid: number, name: string, cpu: number, memory: number): ProcessStatsRecord {
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
    impact_score: 0.6 * cpu + 0.4 * memory,
  };
}

// Ranked by impact as the tracker gives them: render 44, db 30, idle 0.
const PROCESSES = [stats(1, 'render', 70, 5), stats(2, 'db', 10, 60), stats(3, 'idle', 0, 0)];
const T = 1_800_000_000;
let sequence = 0;
const event = (event_type: EventType, severity: EventRecord['severity'] = 'warning', extra: Record<string, number | string> = {}): EventRecord => ({
  timestamp: T - sequence++,
  event_type,
  severity,
  details: { ...extra, description: `${event_type} ${severity}` },
});

describe('primaryBottleneck', () => {
  it.each([
    [{ cpu: 90, memory: 59, disk: 14 }, 'cpu'],
    [{ cpu: 40, memory: 92, disk: 14 }, 'memory'],
    [{ cpu: 40, memory: 40, disk: 95 }, 'disk'],
    [{ cpu: 70, memory: 70, disk: 70 }, 'cpu'], // first of equals
    [{ cpu: 50, memory: 80, disk: 80 }, 'memory'],
    [{ cpu: 84, memory: 10, disk: 82 }, 'cpu'], // the highest pressure, whatever the thresholds
  ] as const)('pressures %p → %s', (pressures, expected) => {
    expect(primaryBottleneck(pressures)).toBe(expected);
  });
});

describe('suspectFor', () => {
  it.each([
    ['cpu', 1],
    ['memory', 2],
    ['disk', 1], // the first by impact
  ] as const)('%s → pid %p', (bottleneck, pid) => {
    expect(suspectFor(bottleneck, PROCESSES)?.pid).toBe(pid);
  });

  it.each([
    ['cpu at 15 % is not enough', 'cpu', [stats(4, 'a', 15, 0)], null],
    ['cpu above 15 %', 'cpu', [stats(4, 'a', 15.01, 0)], 4],
    ['memory at 10 % is not enough', 'memory', [stats(4, 'a', 0, 10)], null],
    ['memory above 10 %', 'memory', [stats(4, 'a', 0, 10.01)], 4],
    ['the first of equals', 'cpu', [stats(5, 'a', 20, 0), stats(4, 'b', 20, 0)], 5],
    ['disk has no floor', 'disk', [stats(4, 'a', 0, 0)], 4],
    ['no processes', 'disk', [], null],
  ] as const)('%s', (_name, bottleneck, processes, pid) => {
    expect(suspectFor(bottleneck, processes)?.pid ?? null).toBe(pid);
  });
});

describe('triggerEvent', () => {
  it.each([
    ['the newest onset of the bottleneck', 'cpu', null, () => [event('cpu_spike'), event('cpu_spike')], 0],
    ['a resolved spike does not explain it', 'cpu', null, () => [event('cpu_spike', 'info')], null],
    ['another resource does not either', 'memory', null, () => [event('cpu_spike'), event('disk_spike')], null],
    ['memory pressure for memory', 'memory', null, () => [event('memory_pressure')], 0],
    ['disk spike for disk', 'disk', null, () => [event('disk_spike')], 0],
    [
      "the suspect's start, by pid or name",
      'cpu',
      PROCESSES[0],
      () => [event('process_start', 'info', { pid: 99, name: 'other' }), event('process_start', 'info', { pid: 7, name: 'render' })],
      1,
    ],
    [
      "this engine's own events do not count against the 20 looked at",
      'cpu',
      null,
      () => [...Array.from({ length: 25 }, () => event('stress_level_change', 'info')), event('cpu_spike')],
      25,
    ],
    [
      'only the last 20 events of the earlier kinds',
      'cpu',
      null,
      () => [...Array.from({ length: 20 }, () => event('disk_spike', 'info')), event('cpu_spike')],
      null,
    ],
  ] as const)('%s', (_name, bottleneck, suspect, events, index) => {
    const list = events();
    expect(triggerEvent(bottleneck, suspect, list)).toBe(index === null ? null : list[index]);
  });
});

describe('confidenceScore', () => {
  it.each([
    [false, false, 20],
    [true, false, 70],
    [false, true, 50],
    [true, true, 100],
  ])('suspect %p, trigger %p → %p', (hasSuspect, hasTrigger, expected) => {
    expect(confidenceScore(hasSuspect ? PROCESSES[0] : null, hasTrigger ? event('cpu_spike') : null)).toBe(expected);
  });
});

describe('rootCauseSummary', () => {
  it.each([
    ['cpu', PROCESSES[0], null, "System is experiencing critical CPU pressure. The process 'render' (PID 1) is the primary suspect, consuming 70.0% CPU."],
    ['memory', PROCESSES[1], null, "System is experiencing critical MEMORY pressure. The process 'db' (PID 2) is the primary suspect, consuming 60.0% Memory."],
    // the earlier engine names memory for a disk suspect too
    ['disk', PROCESSES[0], null, "System is experiencing critical DISK pressure. The process 'render' (PID 1) is the primary suspect, consuming 5.0% Memory."],
    ['disk', null, null, 'System is experiencing critical DISK pressure.'],
    ['disk', null, 'disk_spike', "System is experiencing critical DISK pressure. A 'disk_spike' event was detected recently."],
    [
      'cpu',
      PROCESSES[0],
      'process_start',
      "System is experiencing critical CPU pressure. The process 'render' (PID 1) is the primary suspect, consuming 70.0% CPU. This pressure began shortly after the process was launched.",
    ],
  ] as const)('%s, suspect %p, trigger %p', (bottleneck, suspect, trigger, summary) => {
    expect(rootCauseSummary(bottleneck, suspect, trigger ? event(trigger) : null)).toBe(summary);
  });

  it('formats the average as Python does: a tie to the even digit', () => {
    expect(rootCauseSummary('cpu', stats(1, 'a', 40.25, 0), null)).toContain('consuming 40.2% CPU');
  });
});

describe('CorrelationEngine', () => {
  const engine = new CorrelationEngine();

  it('reproduces the root cause of the reference runtime.json alert', () => {
    const rootCause = engine.analyze({ pressures: { cpu: 90, memory: 59.32, disk: 14.2 }, processes: reference.top_contributors, events: [] });
    expect(rootCause).toEqual(reference.root_cause);
  });

  it('rounds the suspect for the wire and names the trigger it found', () => {
    const suspect = stats(2, 'db', 10.123, 60.456);
    const trigger = event('memory_pressure');
    const rootCause = engine.analyze({ pressures: { cpu: 30, memory: 88, disk: 5 }, processes: [suspect], events: [trigger] });
    expect(rootCause).toEqual({
      primary_bottleneck: 'memory',
      suspect_process: expect.objectContaining({ pid: 2, avg_cpu_percent: 10.12, avg_memory_percent: 60.46, impact_score: 30.26 }),
      trigger_event: trigger,
      confidence_score: 100,
      summary:
        "System is experiencing critical MEMORY pressure. The process 'db' (PID 2) is the primary suspect, consuming 60.5% Memory. " +
        "A 'memory_pressure' event was detected recently.",
    });
  });
});
