// Python's repr() switches to exponent form when the decimal point falls 4+ places before the first
// digit or 16+ places after it (CPython's format_float_short, mode 'r').
const MIN_FIXED_EXPONENT = -4;
const MAX_FIXED_EXPONENT = 16;

/**
 * A float exactly as the earlier engine's `json.dumps` writes it (Python's `repr`): the shortest
 * digits that read back as the same double, always with a decimal point or an exponent — `0.0`,
 * `85.0`, `0.0001`, `1e-05`, `1.5e+20`. A Dart or Java client therefore always reads a double.
 * Callers handle NaN and the infinities (JSON has no form for them).
 */
export function pythonFloat(value: number): string {
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  // toExponential() without an argument gives the shortest round-trip digits, as repr does.
  const [mantissa, exponentText] = value.toExponential().split('e');
  const sign = value < 0 ? '-' : '';
  const digits = mantissa.replace('-', '').replace('.', '');
  const exponent = Number(exponentText);
  const point = exponent + 1; // digits before the decimal point
  if (point <= MIN_FIXED_EXPONENT || point > MAX_FIXED_EXPONENT) {
    const fraction = digits.length > 1 ? `.${digits.slice(1)}` : '';
    const magnitude = String(Math.abs(exponent)).padStart(2, '0');
    return `${sign}${digits[0]}${fraction}e${exponent < 0 ? '-' : '+'}${magnitude}`;
  }
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}.0`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}
