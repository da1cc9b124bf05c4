import { describe, expect, it } from '@jest/globals';
import { Gauge, Registry } from 'prom-client';
import { spellSpecialValues } from './exposition.js';

describe('spellSpecialValues', () => {
  it.each([
    ['a NaN gauge', 'sentracore_stress_score Nan\n', 'sentracore_stress_score NaN\n'],
    ['a labelled NaN with a timestamp', 'x{a="b c",d="Nan"} Nan 1700000000000\n', 'x{a="b c",d="Nan"} NaN 1700000000000\n'],
    ['+Inf and -Inf stay', 'x +Inf\ny -Inf\n', 'x +Inf\ny -Inf\n'],
    ['comments stay', '# HELP x Nan before the first one.\n# TYPE x gauge\n', '# HELP x Nan before the first one.\n# TYPE x gauge\n'],
    ['a label value "Nan" on a finite sample stays', 'x{v="Nan"} 1\n', 'x{v="Nan"} 1\n'],
  ])('%s', (_name, input, expected) => {
    expect(spellSpecialValues(input)).toBe(expected);
  });

  it("fixes prom-client's own rendering of NaN, +Inf and -Inf", async () => {
    const registry = new Registry();
    const gauge = new Gauge({ name: 'g', help: 'h', labelNames: ['k'], registers: [registry] });
    gauge.set({ k: 'nan' }, Number.NaN);
    gauge.set({ k: 'pos' }, Number.POSITIVE_INFINITY);
    gauge.set({ k: 'neg' }, Number.NEGATIVE_INFINITY);
    const lines = spellSpecialValues(await registry.metrics()).split('\n');
    expect(lines).toEqual(expect.arrayContaining(['g{k="nan"} NaN', 'g{k="pos"} +Inf', 'g{k="neg"} -Inf']));
  });
});
