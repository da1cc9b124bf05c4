import { describe, expect, it } from '@jest/globals';
import { bytes, count, duration, label, num, pct } from './format';

describe('format', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [3072, '3.00 KiB'],
    [8713, '8.51 KiB'],
    [50_659_328, '48.3 MiB'],
    [25276059648, '23.5 GiB'],
    [null, '—'],
  ])('bytes(%j) = %s', (value, text) => expect(bytes(value)).toBe(text));

  it.each([
    [45, '45 s'],
    [960, '16 min'],
    [12_000, '3 h 20 min'],
    [187_200, '2 d 4 h'],
    [null, '—'],
  ])('duration(%j) = %s', (value, text) => expect(duration(value)).toBe(text));

  it('numbers and percentages keep one decimal and show a dash when unknown', () => {
    expect([num(43.06), pct(53.849), num(null), pct(Number.NaN), count(86402)]).toEqual(['43.1', '53.8 %', '—', '—', '86,402']);
  });

  it('turns snake_case keys into words', () => {
    expect([label('load_avg_pct'), label('cpu_critical')]).toEqual(['Load avg pct', 'CPU critical']);
  });
});
