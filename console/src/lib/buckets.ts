// Chart resolution: one bucket per pixel of the chart's width, never finer than the archive stores.

export const RANGES = [
  { id: '1h', label: '1 h', seconds: 3600 },
  { id: '24h', label: '24 h', seconds: 86400 },
  { id: '7d', label: '7 d', seconds: 7 * 86400 },
  { id: '30d', label: '30 d', seconds: 30 * 86400 },
] as const;

export type RangeId = (typeof RANGES)[number]['id'];

/** GET /history's largest `limit`. */
export const MAX_POINTS = 10000;

/**
 * The bucket size in seconds for `spanSec` drawn over `widthPx` pixels: at least the archive's
 * sample spacing, rounded up to a whole multiple of it, and coarse enough to stay within MAX_POINTS.
 */
export function bucketSeconds(spanSec: number, widthPx: number, sampleIntervalSec: number): number {
  const step = Math.max(1, sampleIntervalSec);
  const points = Math.min(MAX_POINTS, Math.max(1, Math.floor(widthPx)));
  const raw = Math.max(step, spanSec / points);
  return Math.ceil(raw / step) * step;
}
