export { round } from '../../common/round.js';

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

/** Population standard deviation (ddof 0), the same convention as the baseline. */
export function stdDev(values: readonly number[]): number {
  const m = mean(values);
  return Math.sqrt(mean(values.map((v) => (v - m) ** 2)));
}
