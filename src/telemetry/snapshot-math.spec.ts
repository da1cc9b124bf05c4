import { describe, expect, it } from '@jest/globals';
import { cpuPercent, machineCpuShare, memoryFromMeminfo, perCorePercent, processCpuPercent, round, topProcesses } from './snapshot-math.js';
import type { ProcessRecord } from './snapshot.record.js';

describe('cpuPercent', () => {
  it.each([
    // previous, current, expected
    [{ busy: 100, total: 1000 }, { busy: 150, total: 1200 }, 25],
    [{ busy: 100, total: 1000 }, { busy: 100, total: 1200 }, 0],
    [{ busy: 100, total: 1000 }, { busy: 300, total: 1200 }, 100],
    [{ busy: 0, total: 0 }, { busy: 1, total: 3 }, 33.3],
    [undefined, { busy: 200, total: 800 }, 25], // first reading: since boot
    [{ busy: 100, total: 1000 }, { busy: 100, total: 1000 }, 0], // no time elapsed
    [{ busy: 500, total: 5000 }, { busy: 10, total: 100 }, 0], // counters went backwards
  ])('%o → %o is %d %%', (previous, current, expected) => {
    expect(cpuPercent(previous, current)).toBe(expected);
  });

  it('measures each core against its own previous reading', () => {
    const before = [
      { busy: 0, total: 100 },
      { busy: 50, total: 100 },
    ];
    const after = [
      { busy: 10, total: 200 },
      { busy: 150, total: 200 },
    ];
    expect(perCorePercent(before, after)).toEqual([10, 100]);
    // A core count change (hotplug) falls back to since-boot figures instead of mixing cores.
    expect(perCorePercent(before.slice(0, 1), after)).toEqual([5, 75]);
  });
});

describe('memoryFromMeminfo', () => {
  const kb = (n: number): number => n * 1024;

  it('computes used like psutil and percent from MemAvailable', () => {
    const fields = new Map([
      ['MemTotal', kb(1000)],
      ['MemFree', kb(300)],
      ['MemAvailable', kb(600)],
      ['Buffers', kb(50)],
      ['Cached', kb(200)],
      ['SReclaimable', kb(50)],
      ['SwapTotal', kb(400)],
      ['SwapFree', kb(300)],
    ]);
    expect(memoryFromMeminfo(fields)).toEqual({
      memory: { total: kb(1000), used: kb(400), available: kb(600), percent: 40 },
      swap: { total: kb(400), used: kb(100), percent: 25 },
    });
  });

  it('estimates available without MemAvailable and never divides by zero', () => {
    const old = new Map([
      ['MemTotal', kb(1000)],
      ['MemFree', kb(100)],
      ['Buffers', kb(100)],
      ['Cached', kb(100)],
    ]);
    expect(memoryFromMeminfo(old).memory).toEqual({ total: kb(1000), used: kb(700), available: kb(300), percent: 70 });
    expect(memoryFromMeminfo(new Map())).toEqual({
      memory: { total: 0, used: 0, available: 0, percent: 0 },
      swap: { total: 0, used: 0, percent: 0 },
    });
  });
});

describe('processCpuPercent', () => {
  it.each([
    // previous ticks, current ticks, elapsed s, lifetime s, expected % of one core
    [100, 150, 10, 100, 5],
    [100, 300, 1, 100, 200], // two cores busy: above 100 like psutil
    [undefined, 500, 0, 100, 5], // first sighting: lifetime average
    [100, 100, 10, 100, 0],
    [undefined, 10, 0, 0, 0], // no lifetime yet
    [200, 100, 10, 100, 0], // negative delta clamps to 0
  ])('ticks %s → %d over %d s (lifetime %d s) is %d %%', (previous, current, elapsed, lifetime, expected) => {
    expect(processCpuPercent({ previous, current }, elapsed, lifetime, 100)).toBeCloseTo(expected, 10);
  });
});

describe('machineCpuShare', () => {
  it.each([
    [100, 4, 25], // one busy core of four
    [250, 4, 62.5],
    [600, 4, 100], // capped
    [50, 1, 50],
    [30, 0, 30], // no cpu count known: taken as one
    [-1, 4, 0],
  ])('%p %% of a core on %p cpus is %p %% of the machine', (perCore, cpus, share) => {
    expect(machineCpuShare(perCore, cpus)).toBe(share);
  });
});

describe('topProcesses and round', () => {
  const p = (pid: number, cpu: number, rss: number, memory = 0): ProcessRecord => ({
    pid,
    name: `p${pid}`,
    cpu_percent: cpu,
    memory_percent: memory,
    memory_rss: rss,
    status: 'sleeping',
    create_time: 0,
  });

  it('orders by cpu + memory share, then resident memory, then pid, and keeps the limit', () => {
    const ranked = topProcesses([p(1, 0, 10), p(2, 5, 1), p(3, 0, 30), p(4, 5, 2), p(5, 0, 0), p(6, 1, 5, 6), p(7, 5, 2)], 5);
    expect(ranked.map((x) => x.pid)).toEqual([6, 4, 7, 2, 3]); // 7, then three at 5 (rss 2, 2, 1), then rss 30
  });

  it('rounds half away from zero at the given decimals', () => {
    expect(round(1.25, 1)).toBe(1.3);
    expect(round(0.146, 2)).toBe(0.15);
    expect(round(7, 2)).toBe(7);
  });
});
