/**
 * `value` with `decimals` digits as Python's `f"{value:.{decimals}f}"` writes it: the exact
 * binary value correctly rounded, an exact tie to the even digit. `toFixed` is exact too but
 * takes a tie away from zero, so only ties need fixing. A tie at d decimals is m / 2^(d+1)
 * for an integer m, so `value · 2^(d+1)` is an integer (multiplying by 2^k is exact) and its
 * d+1-digit text, then exact, ends in 5. The earlier engine's messages and wire numbers come
 * from these rules, and `0.125` must become `0.12` as there.
 */
export function formatFixed(value: number, decimals: number): string {
  const text = value.toFixed(decimals);
  if (!Number.isInteger(value * 2 ** (decimals + 1))) return text;
  const longer = value.toFixed(decimals + 1);
  if (!longer.endsWith('5') || Number(text[text.length - 1]) % 2 === 0) return text;
  // The tie went to the odd neighbour away from zero; the even one is the truncation.
  const truncated = longer.slice(0, -1);
  return truncated.endsWith('.') ? truncated.slice(0, -1) : truncated;
}

/**
 * Python's `round(value, decimals)` (see formatFixed), never -0: the wire's rounding. Away from
 * a tie `value · 10^d` (off by at most 2^-53 relative) rounds to the same integer as the exact
 * product, and dividing that integer by 10^d gives the double nearest the decimal, as parsing
 * the text would; only near a tie is the exact (and ~20× slower) text path taken.
 */
export function round(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** decimals;
  const scaled = value * factor;
  const fromTie = Math.abs(Math.abs(scaled - Math.trunc(scaled)) - 0.5);
  const rounded = fromTie > Math.abs(scaled) * 2 ** -50 ? Math.round(scaled) / factor : Number(formatFixed(value, decimals));
  return rounded === 0 ? 0 : rounded;
}

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
