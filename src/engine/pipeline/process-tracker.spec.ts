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
    tracker.update([proc(10, 'chrome', 20, 10), proc(20, 'code', 5, 30)], true);
    tracker.update([proc(10, 'chrome', 40, 12), proc(20, 'code', 1, 31)], true);
    tracker.update([proc(10, 'chrome', 30, 11), proc(20, 'code', 3, 32)], true);
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
        avg_memory_percent: 31,
        peak_cpu_percent: 5,
        peak_memory_percent: 32,
        current_cpu_percent: 3,
        current_memory_percent: 32,
        sample_count: 3,
        impact_score: 14.2, // 0.6·3 + 0.4·31
      },
    ]);
  });

  it("counts a scan's reading for every cycle until the next scan", () => {
    const tracker = new ProcessTracker();
    tracker.update([proc(1, 'a', 10, 0)], true);
    for (let i = 0; i < 4; i += 1) tracker.update([proc(1, 'a', 10, 0)], false); // carried over
    tracker.update([proc(1, 'a', 60, 0)], true);
    // 5 cycles at 10, 1 at 60: mean 110/6 = 18.33, 6 readings
    expect(tracker.top(1)[0]).toMatchObject({ sample_count: 6, peak_cpu_percent: 60, current_cpu_percent: 60 });
    expect(tracker.top(1)[0].avg_cpu_percent).toBeCloseTo(110 / 6, 12);
  });

  it('gives the same statistics whatever the scan cadence', () => {
    const everyCycle = new ProcessTracker();
    const everyFifth = new ProcessTracker();
    for (let cycle = 0; cycle < 40; cycle += 1) {
      const reading = [proc(1, 'a', 10 + Math.floor(cycle / 5), 1)]; // the machine changes every 5 cycles
      everyCycle.update(reading, true);
      everyFifth.update(reading, cycle % 5 === 0);
    }
    expect(everyFifth.top(1)).toEqual(everyCycle.top(1));
  });

  it('rolls over the last 30 cycles of a process', () => {
    const tracker = new ProcessTracker();
    for (let i = 1; i <= 40; i += 1) tracker.update([proc(1, 'a', i, 0)], true);
    // readings 11..40: mean 25.5, peak 40
    expect(tracker.top(1)[0]).toMatchObject({ avg_cpu_percent: 25.5, peak_cpu_percent: 40, current_cpu_percent: 40, sample_count: 30 });
  });

  it('ranks by impact, the first seen first among equals, and keeps the limit', () => {
    const tracker = new ProcessTracker();
    tracker.update([proc(9, 'x', 1, 1), proc(3, 'y', 1, 1), proc(1, 'a', 40, 40), proc(5, 'z', 1, 1)], true);
    expect(tracker.top(3).map((p) => p.pid)).toEqual([1, 9, 3]); // impact 40, then three of 1
    expect(tracker.top(0)).toEqual([]);
  });

  it('drops a process at the first fresh scan without it, not before', () => {
    const tracker = new ProcessTracker();
    tracker.update([proc(1, 'gone', 50, 5), proc(2, 'stays', 1, 1)], true);
    tracker.update([proc(1, 'gone', 50, 5), proc(2, 'stays', 1, 1)], false);
    expect(tracker.top(5).map((p) => p.pid)).toEqual([1, 2]);
    tracker.update([proc(2, 'stays', 1, 1)], true);
    expect(tracker.top(5).map((p) => p.pid)).toEqual([2]);
  });

  it('starts over when a pid is reused by another program', () => {
    const tracker = new ProcessTracker();
    tracker.update([proc(7, 'old', 90, 9)], true);
    tracker.update([proc(7, 'new', 10, 1)], true);
    expect(tracker.top(1)[0]).toMatchObject({ name: 'new', avg_cpu_percent: 10, sample_count: 1 });
  });

  it('counts a pid listed twice in one scan once', () => {
    const tracker = new ProcessTracker();
    tracker.update([proc(4, 'dup', 10, 1), proc(4, 'dup', 90, 9)], true);
    expect(tracker.top(1)[0]).toMatchObject({ avg_cpu_percent: 10, sample_count: 1 });
  });

  it('takes a first list flagged as carried over as a scan', () => {
    const tracker = new ProcessTracker();
    tracker.update([proc(4, 'a', 10, 1)], false);
    expect(tracker.top(1)[0]).toMatchObject({ pid: 4, sample_count: 1 });
  });
});
