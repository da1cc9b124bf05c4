/** `value` rounded to `digits` decimals (half away from zero, as the earlier engine's output reads). */
export function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.sign(value) * (Math.round(Math.abs(value) * factor) / factor);
}

/** `round`, passing null through. */
export const roundOrNull = (value: number | null | undefined, digits: number): number | null =>
  value === null || value === undefined || !Number.isFinite(value) ? null : round(value, digits);
