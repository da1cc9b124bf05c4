import { pythonFloat } from '../../common/wire.js';
import { latin1 } from '../sample-layout.js';

// Writing JSON numbers straight into bytes: a sample line has ~26 numbers, and String(double) plus
// string concatenation is what made rebuilding lines from the index slow.

export function writeBytes(out: Buffer, pos: number, bytes: Uint8Array): number {
  for (let k = 0; k < bytes.length; k++) out[pos + k] = bytes[k];
  return pos + bytes.length;
}

/** A non-negative integer below 2^53. */
export function writeUint(out: Buffer, pos: number, value: number): number {
  let digits = 1;
  for (let t = value; t >= 10; t = Math.floor(t / 10)) digits++;
  let p = pos + digits;
  let t = value;
  do {
    out[--p] = 48 + (t % 10);
    t = Math.floor(t / 10);
  } while (t > 0);
  return pos + digits;
}

/**
 * `centi / 100` exactly as pythonFloat() prints it (|centi| < 10^15): the decimal with at most two
 * fraction digits and no trailing zero is the shortest form of that double, and a whole value keeps
 * its `.0` (SPEC §4 "Number types": float-typed values are always written as floats).
 */
export function writeCenti(out: Buffer, pos: number, centi: number): number {
  let c = centi;
  if (c < 0 || Object.is(c, -0)) {
    out[pos++] = 45;
    c = -c;
  }
  pos = writeUint(out, pos, Math.floor(c / 100));
  out[pos++] = 46;
  const fraction = c % 100;
  if (fraction === 0) {
    out[pos++] = 48;
    return pos;
  }
  out[pos++] = 48 + Math.floor(fraction / 10);
  if (fraction % 10 !== 0) out[pos++] = 48 + (fraction % 10);
  return pos;
}

const NULL = latin1('null');
const MAX_CENTI = 999_999_999_999_999;

/**
 * A float-typed JSON number as pythonFloat() writes it, through the fast path whenever it has ≤ 2
 * decimals. NaN (a null metric) and the infinities (an average of absurd values) are written as
 * null, as JSON.stringify does: JSON has no other way to say them.
 */
export function writeNumber(out: Buffer, pos: number, value: number): number {
  if (!Number.isFinite(value)) return writeBytes(out, pos, NULL);
  const c = Math.round(value * 100);
  if (c / 100 === value && Math.abs(c) <= MAX_CENTI) return writeCenti(out, pos, c);
  return pos + out.write(pythonFloat(value), pos, 'latin1');
}
