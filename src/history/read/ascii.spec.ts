import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { pythonFloat } from '../../common/wire.js';
import { writeCenti, writeNumber, writeUint } from './ascii.js';

const written = (write: (out: Buffer, pos: number, value: number) => number, value: number) => {
  const out = Buffer.alloc(64);
  return out.toString('latin1', 3, write(out, 3, value));
};

describe('ascii number writers', () => {
  it('write integers as String() does and hundredths as floats, exactly as pythonFloat() does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => expect(written(writeUint, n)).toBe(String(n))),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: -999_999_999_999_999, max: 999_999_999_999_999 }), (c) => expect(written(writeCenti, c)).toBe(pythonFloat(c / 100))),
      { numRuns: 5000 },
    );
  });

  it('write any double as the wire serializer writes a float (null where JSON has no form)', () => {
    fc.assert(
      fc.property(fc.double(), (v) => expect(written(writeNumber, v)).toBe(Number.isFinite(v) ? pythonFloat(v) : 'null')),
      { numRuns: 5000 },
    );
    expect([0, -0, 85, 0.07, -0.5, 1795777127.5, 1e21, 5e-7, NaN].map((v) => written(writeNumber, v))).toEqual([
      '0.0',
      '-0.0',
      '85.0',
      '0.07',
      '-0.5',
      '1795777127.5',
      '1e+21',
      '5e-07',
      'null',
    ]);
  });
});
