import { describe, it, expect } from '@jest/globals';
import { RunningStats } from './running-stats.js';

/** mulberry32: a seeded generator so the 10k-value comparison is reproducible. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function twoPass(values: number[]): { mean: number; std: number } {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const std = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1)); // sample, n − 1
  return { mean, std };
}

describe('RunningStats', () => {
  it.each([1, 42, 2024])('matches a two-pass computation on 10k seeded values (seed %p)', (seed) => {
    const random = seeded(seed);
    const values = Array.from({ length: 10_000 }, () => 1000 + random() * 100); // large offset stresses stability
    const stats = new RunningStats();
    values.forEach((v) => stats.add(v));
    const expected = twoPass(values);
    expect(stats.count).toBe(10_000);
    expect(stats.mean).toBeCloseTo(expected.mean, 9);
    expect(stats.stdDev).toBeCloseTo(expected.std, 9);
    expect(stats.min).toBe(Math.min(...values));
    expect(stats.max).toBe(Math.max(...values));
  });

  it('serialises mean and std-dev to 4 decimals and empty min/max as null', () => {
    const stats = new RunningStats();
    expect(stats.toRecord()).toEqual({ count: 0, mean: 0, std_dev: 0, min: null, max: null });
    [2, 4, 4, 4, 5, 5, 7, 9.123456].forEach((v) => stats.add(v)); // Σ(x−5.015432)² = 33.0008, /7 = 4.71440
    expect(stats.toRecord()).toEqual({ count: 8, mean: 5.0154, std_dev: 2.1713, min: 2, max: 9.1235 });
  });

  it('has no spread below two samples, as the earlier engine', () => {
    const stats = new RunningStats();
    stats.add(42);
    expect([stats.stdDev, stats.toRecord().std_dev]).toEqual([0, 0]);
    stats.add(44); // Σ(x − 43)² = 2 over n − 1 = 1
    expect(stats.stdDev).toBeCloseTo(Math.SQRT2, 12);
  });

  it('continues after a restore exactly like an uninterrupted run', () => {
    const values = [3, 9, 4, 12, 7, 1, 8, 8, 10, 2];
    const full = new RunningStats();
    values.forEach((v) => full.add(v));
    const firstHalf = new RunningStats();
    values.slice(0, 5).forEach((v) => firstHalf.add(v));
    const { mean, stdDev, count, min, max } = firstHalf;
    const restored = RunningStats.fromRecord({ count, mean, std_dev: stdDev, min, max });
    values.slice(5).forEach((v) => restored.add(v));
    expect(restored.count).toBe(10);
    expect(restored.mean).toBeCloseTo(full.mean, 12);
    expect(restored.stdDev).toBeCloseTo(full.stdDev, 12);
    expect([restored.min, restored.max]).toEqual([1, 12]);
  });

  it.each([
    ['null', null, 0, 0],
    ['a string', 'x', 0, 0],
    ['a negative count', { count: -3, mean: 1, std_dev: 1 }, 0, 0],
    ['a fractional count', { count: 2.5, mean: 1, std_dev: 1 }, 0, 0],
    ['a missing mean', { count: 3, std_dev: 1 }, 0, 0],
    ['a bad std_dev', { count: 3, mean: 5, std_dev: 'x', min: 1, max: 9 }, 3, 0],
    ['a negative std_dev', { count: 3, mean: 5, std_dev: -2 }, 3, 0],
  ])('restores %s tolerantly', (_name, raw, count, std) => {
    const stats = RunningStats.fromRecord(raw);
    expect(stats.count).toBe(count);
    expect(stats.stdDev).toBe(std);
  });

  it('falls back to the mean for a missing min/max of a non-empty record', () => {
    const stats = RunningStats.fromRecord({ count: 4, mean: 5, std_dev: 1, min: null, max: null });
    expect([stats.min, stats.max]).toEqual([5, 5]);
  });
});
