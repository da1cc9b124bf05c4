import { describe, it, expect } from '@jest/globals';
import type { NormalizedRecord } from './normalizer.js';
import { normalizedRecord } from './pipeline.fixture.js';
import { TrendAnalyzer, leastSquaresSlope } from './trend-analyzer.js';

function reading(timestamp: number, cpu: number, memory: number): NormalizedRecord {
  return normalizedRecord({ timestamp, cpu, memory });
}

/** Readings every `step` seconds from a fixed epoch. */
function series(cpu: number[], memory: number[], step = 2): NormalizedRecord[] {
  return cpu.map((c, i) => reading(1_700_000_000 + i * step, c, memory[i]));
}

describe('leastSquaresSlope', () => {
  it.each([
    [[0, 2, 4, 6], [10, 12, 14, 16], 1],
    [[0, 1, 2], [5, 5, 5], 0],
    [[0, 1, 2, 3], [1, 3, 2, 4], 0.8], // (4·Σxy − Σx·Σy) / (4·Σx² − (Σx)²) = (4·19 − 6·10) / (4·14 − 36) = 16/20
    [[5], [9], 0],
    [[3, 3, 3], [1, 2, 3], 0],
    [[1_700_000_000, 1_700_000_010], [50, 40], -1],
  ])('slope of t=%p y=%p is %p per second', (times, values, expected) => {
    expect(leastSquaresSlope(times, values)).toBeCloseTo(expected, 10);
  });
});

describe('TrendAnalyzer', () => {
  const analyzer = new TrendAnalyzer();

  // Full precision, in the earlier engine's arithmetic (the same sums in the same order give
  // the same doubles: Python printed 0.5999999999999985 and 0.1499999999999943 for the first row).
  it.each([
    // cpu +1.2/2 s = 0.6 %/s > 0.5; memory +0.3/2 s = 0.15 %/s > 0.1; sample σ of ±0.6,±1.8 = √(7.2/3)
    ['rising cpu and leaking memory', [10, 11.2, 12.4, 13.6], [50, 50.3, 50.6, 50.9], 0.6, 0.15, Math.sqrt(2.4), Math.sqrt(0.15), true, true],
    ['flat readings', [20, 20, 20], [60, 60, 60], 0, 0, 0, 0, false, false],
    ['falling cpu', [40, 30, 20], [60, 60, 60], -5, 0, 10, 0, false, false], // σ = √((100 + 100) / 2)
  ])('%s', (_name, cpu, memory, cpuSlope, memorySlope, cpuVol, memVol, growing, leaking) => {
    const trend = analyzer.analyze(series(cpu, memory));
    expect(trend.cpu_slope).toBeCloseTo(cpuSlope, 12);
    expect(trend.memory_slope).toBeCloseTo(memorySlope, 12);
    expect(trend.cpu_volatility).toBeCloseTo(cpuVol, 12);
    expect(trend.memory_volatility).toBeCloseTo(memVol, 12);
    expect([trend.is_cpu_growing, trend.is_memory_leaking]).toEqual([growing, leaking]);
  });

  it('a slope exactly at the threshold is not growing or leaking', () => {
    // 5 s apart, exact in binary: Σx 15, Σx² 125; cpu (3·…−15·37.5)/150 = 0.5, memory 15/150 = 0.1
    const trend = analyzer.analyze(series([10, 12.5, 15], [40, 40.5, 41], 5));
    expect(trend).toEqual({
      cpu_slope: 0.5,
      memory_slope: 0.1,
      cpu_volatility: 2.5, // √((6.25 + 6.25) / 2)
      memory_volatility: 0.5,
      is_cpu_growing: false,
      is_memory_leaking: false,
    });
  });

  it('rounds 40, 40.2, 40.4 over 2 s to a slope just above 0.1, as the earlier engine does: leaking', () => {
    // 40.2 and 40.4 are not exact in binary; Python gives 0.1000000000000038 for the same sums.
    const trend = analyzer.analyze(series([10, 10, 10], [40, 40.2, 40.4]));
    expect(trend.memory_slope).toBe(0.1000000000000038);
    expect(trend.is_memory_leaking).toBe(true);
  });

  it('looks only at the last 30 readings', () => {
    const cpu = [...Array.from({ length: 10 }, () => 90), ...Array.from({ length: 30 }, () => 10)];
    const trend = analyzer.analyze(series(cpu, cpu));
    expect(trend.cpu_slope).toBe(0);
    expect(trend.cpu_volatility).toBe(0);
  });

  it('uses the real spacing of the timestamps', () => {
    const readings = [reading(0, 10, 0), reading(1, 12, 0), reading(5, 20, 0)];
    // x̄ = 2, ȳ = 14: Σ(x−x̄)(y−ȳ) = 8+2+18 = 28, Σ(x−x̄)² = 4+1+9 = 14 → 2 (index spacing would give 5)
    expect(analyzer.analyze(readings).cpu_slope).toBe(2);
  });

  it('reports no trend for an empty window', () => {
    expect(analyzer.analyze([])).toMatchObject({ cpu_slope: 0, cpu_volatility: 0, is_cpu_growing: false });
  });
});
