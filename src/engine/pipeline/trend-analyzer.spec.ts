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
    [[0, 1, 2, 3], [1, 3, 2, 4], 0.8], // Σ(x−1.5)(y−2.5) = 4, Σ(x−1.5)² = 5
    [[5], [9], 0],
    [[3, 3, 3], [1, 2, 3], 0],
    [[1_700_000_000, 1_700_000_010], [50, 40], -1],
  ])('slope of t=%p y=%p is %p per second', (times, values, expected) => {
    expect(leastSquaresSlope(times, values)).toBeCloseTo(expected, 10);
  });
});

describe('TrendAnalyzer', () => {
  const analyzer = new TrendAnalyzer();

  it.each([
    // cpu +1.2/2 s = 0.6 %/s > 0.5; memory +0.3/2 s = 0.15 %/s > 0.1; σ of ±0.6,±1.8 = √1.8
    ['rising cpu and leaking memory', [10, 11.2, 12.4, 13.6], [50, 50.3, 50.6, 50.9], 0.6, 0.15, 1.3416, 0.3354, true, true],
    ['cpu exactly at 0.5 %/s is not growing', [10, 11, 12], [40, 40.2, 40.4], 0.5, 0.1, 0.8165, 0.1633, false, false],
    ['flat readings', [20, 20, 20], [60, 60, 60], 0, 0, 0, 0, false, false],
    ['falling cpu', [40, 30, 20], [60, 60, 60], -5, 0, 8.165, 0, false, false],
  ])('%s', (_name, cpu, memory, cpuSlope, memorySlope, cpuVol, memVol, growing, leaking) => {
    expect(analyzer.analyze(series(cpu, memory))).toEqual({
      cpu_slope: cpuSlope,
      memory_slope: memorySlope,
      cpu_volatility: cpuVol,
      memory_volatility: memVol,
      is_cpu_growing: growing,
      is_memory_leaking: leaking,
    });
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
