import { describe, it, expect } from '@jest/globals';
import { TimeSeriesBuffer } from './time-series-buffer.js';

describe('TimeSeriesBuffer', () => {
  it.each([
    [300, 2, 150],
    [3600, 2, 1800],
    [300, 5, 60],
    [300, 7, 43],
    [1, 2, 1],
  ])('a %p s window at %p s holds %p values', (windowSec, intervalSec, capacity) => {
    expect(TimeSeriesBuffer.forWindow(windowSec, intervalSec).capacity).toBe(capacity);
  });

  it('keeps the most recent values, oldest first, once full', () => {
    const buffer = new TimeSeriesBuffer<number>(3);
    [1, 2, 3, 4, 5].forEach((v) => buffer.push(v));
    expect(buffer.count).toBe(3);
    expect(buffer.last()).toEqual([3, 4, 5]);
    expect(buffer.last(2)).toEqual([4, 5]);
    expect(buffer.last(10)).toEqual([3, 4, 5]);
  });

  it('counts up to capacity before wrapping', () => {
    const buffer = new TimeSeriesBuffer<number>(4);
    buffer.push(7);
    buffer.push(8);
    expect(buffer.count).toBe(2);
    expect(buffer.last()).toEqual([7, 8]);
  });

  it('clear empties it', () => {
    const buffer = new TimeSeriesBuffer<number>(2);
    buffer.push(1);
    buffer.clear();
    expect(buffer.count).toBe(0);
    expect(buffer.last()).toEqual([]);
  });

  it('rejects a non-positive capacity', () => {
    expect(() => new TimeSeriesBuffer(0)).toThrow('buffer capacity must be a positive integer: 0');
  });
});
