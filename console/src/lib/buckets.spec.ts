import { describe, expect, it } from '@jest/globals';
import { bucketSeconds, MAX_POINTS } from './buckets';

describe('bucketSeconds (one bucket per pixel of the chart)', () => {
  it.each([
    // span, width px, sample interval, bucket
    [3600, 1200, 30, 30], // 1 h: 120 samples, fewer than pixels: every sample
    [86400, 1200, 30, 90], // 24 h: 72 s per pixel, rounded up to a multiple of 30
    [30 * 86400, 1200, 30, 2160], // 30 d: 2,160 s, already a multiple
    [30 * 86400, 980, 30, 2670], // 2,644.9 s per pixel → 2,670
    [7 * 86400, 1000, 2, 606], // 604.8 → 606 (multiple of 2)
    [60, 1000, 0, 1], // never below one second
  ])('%d s over %d px with %d s samples → %d s', (span, width, interval, expected) => {
    expect(bucketSeconds(span, width, interval)).toBe(expected);
  });

  it('stays within GET /history’s limit however wide the chart', () => {
    const span = 30 * 86400;
    expect(span / bucketSeconds(span, 50_000, 1)).toBeLessThanOrEqual(MAX_POINTS);
  });
});
