import { describe, it, expect } from '@jest/globals';
import { clamp, ema, mean, round, stdDev } from './math.js';

describe('math helpers', () => {
  it.each([
    [0.125, 2, 0.13],
    [1.005, 2, 1.01],
    [-0.125, 2, -0.13],
    [99.685, 1, 99.7],
    [-0.0001, 2, 0],
    [24.74174, 4, 24.7417],
  ])('round(%p, %p) = %p', (value, decimals, expected) => {
    expect(round(value, decimals)).toBe(expected);
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
    [[2, 4, 4, 4, 5, 5, 7, 9], 2],
    [[1, 2, 3, 4], Math.sqrt(1.25)],
  ])('stdDev(%p) = %p', (values, expected) => {
    expect(stdDev(values)).toBeCloseTo(expected, 10);
  });
});
