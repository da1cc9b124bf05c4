import { describe, it, expect } from '@jest/globals';
import type { ProcessRecord } from '../../telemetry/snapshot.record.js';
import { ProcessTracker, impactScore } from './process-tracker.js';

function proc(pid: number, name: string, cpu: number, memory: number): ProcessRecord {
  return { pid, name, cpu_percent: cpu, memory_percent: memory, memory_rss: 0, status: 'running', create_time: 0 };
}

describe('impactScore', () => {
  it.each([
    [58.39, 0, 35.034],
    [7.97, 4.05, 6.402],
    [8.74, 0.15, 5.304],
    [0, 50, 20],
  ])('avg cpu %p, avg memory %p → %p (reference runtime.json values)', (cpu, memory, impact) => {
    expect(impactScore(cpu, memory)).toBeCloseTo(impact, 10);
  });
});

describe('ProcessTracker', () => {
  it('keeps average, peak and current per pid', () => {
    const tracker = new ProcessTracker();
    tracker.update([proc(10, 'chrome', 20, 10), proc(20, 'code', 5, 30)]);
    tracker.update([proc(10, 'chrome', 40, 12), proc(20, 'code', 1, 31)]);
    tracker.update([proc(10, 'chrome', 30, 11)]);
    expect(tracker.top(5)).toEqual([
      {
        pid: 10,
        name: 'chrome',
        avg_cpu_percent: 30,
        avg_memory_percent: 11,
        peak_cpu_percent: 40,
        peak_memory_percent: 12,
        current_cpu_percent: 30,
        current_memory_percent: 11,
        sample_count: 3,
        impact_score: 22.4, // 0.6·30 + 0.4·11
      },
      {
        pid: 20,
        name: 'code',
        avg_cpu_percent: 3,
        avg_memory_percent: 30.5,
        peak_cpu_percent: 5,
        peak_memory_percent: 31,
        current_cpu_percent: 1,
        current_memory_percent: 31,
        sample_count: 2,
        impact_score: 14, // 0.6·3 + 0.4·30.5
      },
    ]);
  });

  it('rolls over the last 30 samples of a process', () => {
    const tracker = new ProcessTracker();
    for (let i = 1; i <= 40; i += 1) tracker.update([proc(1, 'a', i, 0)]);
    // samples 11..40: mean 25.5, peak 40
    expect(tracker.top(1)[0]).toMatchObject({ avg_cpu_percent: 25.5, peak_cpu_percent: 40, current_cpu_percent: 40, sample_count: 30 });
  });

  it.each([
    ['impact', [1, 2, 3]],
    ['cpu', [2, 1, 3]],
    ['memory', [3, 1, 2]],
  ] as const)('ranks by %s', (by, pids) => {
    const tracker = new ProcessTracker();
    tracker.update([proc(1, 'a', 40, 40), proc(2, 'b', 50, 0), proc(3, 'c', 0, 60)]);
    // impact: a 40, b 30, c 24
    expect(tracker.top(3, by).map((p) => p.pid)).toEqual(pids);
  });

  it('limits the list and breaks ties by pid', () => {
    const tracker = new ProcessTracker();
    tracker.update([proc(9, 'x', 1, 1), proc(3, 'y', 1, 1), proc(5, 'z', 1, 1)]);
    expect(tracker.top(2).map((p) => p.pid)).toEqual([3, 5]);
    expect(tracker.top(0)).toEqual([]);
  });

  it('forgets a pid missing for 10 updates', () => {
    const tracker = new ProcessTracker();
    tracker.update([proc(1, 'gone', 50, 5), proc(2, 'stays', 1, 1)]);
    for (let i = 0; i < 9; i += 1) tracker.update([proc(2, 'stays', 1, 1)]);
    expect(tracker.top(5).map((p) => p.pid)).toEqual([1, 2]);
    tracker.update([proc(2, 'stays', 1, 1)]);
    expect(tracker.top(5).map((p) => p.pid)).toEqual([2]);
  });

  it('starts over when a pid is reused by another program', () => {
    const tracker = new ProcessTracker();
    tracker.update([proc(7, 'old', 90, 9)]);
    tracker.update([proc(7, 'new', 10, 1)]);
    expect(tracker.top(1)[0]).toMatchObject({ name: 'new', avg_cpu_percent: 10, sample_count: 1 });
  });

  it('counts a pid listed twice in one sample once', () => {
    const tracker = new ProcessTracker();
    tracker.update([proc(4, 'dup', 10, 1), proc(4, 'dup', 90, 9)]);
    expect(tracker.top(1)[0]).toMatchObject({ avg_cpu_percent: 10, sample_count: 1 });
  });

  it('reset forgets every process', () => {
    const tracker = new ProcessTracker();
    tracker.update([proc(1, 'a', 1, 1)]);
    tracker.reset();
    expect(tracker.size).toBe(0);
  });
});
