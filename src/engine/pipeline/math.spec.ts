import { describe, it, expect } from '@jest/globals';
import { clamp, ema, formatFixed, mean, round, sampleStdDev } from './math.js';

describe('math helpers', () => {
  // Python's round(): the binary value correctly rounded, exact ties to even.
  it.each([
    [0.125, 2, 0.12], // exactly 1/8: a tie, to the even 2
    [0.375, 2, 0.38], // exactly 3/8: a tie, to the even 8
    [1.005, 2, 1], // really 1.00499999999999989…
    [2.675, 2, 2.67], // really 2.67499999999999982…
    [10.475, 2, 10.47], // really 10.4749999999999996… (trace A's first cpu reading)
    [-0.125, 2, -0.12],
    [99.685, 1, 99.7],
    [2.5, 0, 2],
    [3.5, 0, 4],
    [-0.0001, 2, 0],
    [24.74174, 4, 24.7417],
    [1234567.891, 2, 1234567.89],
  ])('round(%p, %p) = %p', (value, decimals, expected) => {
    expect(round(value, decimals)).toBe(expected);
  });

  it("formats as Python's f-string does", () => {
    expect([formatFixed(85.5, 0), formatFixed(86.5, 0), formatFixed(0.25, 1), formatFixed(0.35, 1), formatFixed(35.34, 1)]).toEqual([
      '86', // 85.5 is a tie: to the even 6
      '86', // 86.5 too
      '0.2', // a tie, to the even 2
      '0.3', // really 0.34999999999999997…, but the nearest 1-decimal text is 0.3
      '35.3',
    ]);
  });

  it('agrees with the exact text path away from ties and on them (10k seeded values)', () => {
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const differing: number[][] = [];
    for (let i = 0; i < 10_000; i += 1) {
      const decimals = i % 5;
      const raw = (next() - 0.3) * 10 ** ((i % 9) - 2);
      const value = i % 2 ? Math.round(raw * 2 ** (decimals + 1)) / 2 ** (decimals + 1) : raw; // every other one on the grid of ties
      if (round(value, decimals) !== (Number(formatFixed(value, decimals)) || 0)) differing.push([value, decimals]);
    }
    expect(differing).toEqual([]);
  });

  it('never returns negative zero', () => {
    expect(Object.is(round(-0.001, 2), 0)).toBe(true);
  });

  it.each([
    [-5, 0, 100, 0],
    [50, 0, 100, 50],
    [150, 0, 100, 100],
  ])('clamp(%p, %p, %p) = %p', (value, min, max, expected) => {
    expect(clamp(value, min, max)).toBe(expected);
  });

  it.each([
    [null, 10, 0.3, 10],
    [10, 20, 0.3, 13],
    [13, 20, 0.3, 15.1],
    [50, 0, 0.2, 40],
  ])('ema(prev %p, value %p, α %p) = %p', (previous, value, alpha, expected) => {
    expect(ema(previous, value, alpha)).toBeCloseTo(expected, 10);
  });

  it.each([
    [[], 0],
    [[5], 5],
    [[1, 2, 3, 4], 2.5],
  ])('mean(%p) = %p', (values, expected) => {
    expect(mean(values)).toBeCloseTo(expected, 10);
  });

  it.each([
    [[], 0],
    [[5], 0],
    [[2, 4, 4, 4, 5, 5, 7, 9], Math.sqrt(32 / 7)], // Σ(x − 5)² = 32 over n − 1 = 7
    [[1, 2, 3, 4], Math.sqrt(5 / 3)], // Σ(x − 2.5)² = 5 over 3
  ])('sampleStdDev(%p) = %p', (values, expected) => {
    expect(sampleStdDev(values)).toBeCloseTo(expected, 10);
  });
});
