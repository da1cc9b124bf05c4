export { formatFixed, round } from '../../common/round.js';

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Exponential moving average; the first value seeds the average so start-up has no ramp from 0. */
export function ema(previous: number | null, value: number, alpha: number): number {
  return previous === null ? value : alpha * value + (1 - alpha) * previous;
}

/** Arithmetic mean; 0 for no values. */
export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** Sample standard deviation (n − 1), as the earlier engine and the baseline use; 0 below 2 values. */
export function sampleStdDev(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const m = mean(values);
  return Math.sqrt(values.reduce((sum, v) => sum + (v - m) ** 2, 0) / (values.length - 1));
}
