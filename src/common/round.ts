/**
 * The wire's rounding (SPEC §4, §6): half away from zero; the epsilon keeps 0.125 → 0.13 despite
 * binary floating point; never -0 (it would serialise as 0 but compare unequal in tests).
 */
export function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const rounded = (Math.sign(value) * Math.round(Math.abs(value) * factor + 1e-9)) / factor;
  return rounded === 0 ? 0 : rounded; // never serialise -0
}

/** Two decimals, as history samples are stored (SPEC §6). */
export const round2 = (value: number): number => round(value, 2);
