import { describe, expect, it } from '@jest/globals';
import { dayOfAt, dayOfFileName, decodeSampleLine, encodeSample, fileNameOfDay, normalizeSample, type HistorySampleRecord } from './history-line.codec.js';
import { round2 } from '../../common/round.js';

const sample: HistorySampleRecord = {
  at: 1795777127.5,
  cpu_percent: 45.874,
  mem_percent: 61.425,
  disk_pressure_percent: 13.6849,
  stability_score: null,
  stress_score: 43.27,
  top_processes: [{ name: 'code.exe', pid: 6315, cpu_percent: 22.925, mem_percent: 15.36, impact: 35.77 }],
};

describe('history line codec', () => {
  it('encodes one line in SPEC order with every number rounded to 2 decimals', () => {
    expect(encodeSample(sample)).toBe(
      '{"at":1795777127.5,"cpu_percent":45.87,"mem_percent":61.43,"disk_pressure_percent":13.68,"stability_score":null,"stress_score":43.27,' +
        '"top_processes":[{"name":"code.exe","pid":6315,"cpu_percent":22.93,"mem_percent":15.36,"impact":35.77}]}',
    );
  });

  it('writes whole float-typed values as floats and the pid as an integer, as the earlier engine wrote its lines', () => {
    const whole = { ...sample, at: 1795777127, cpu_percent: 45, top_processes: [{ name: 'idle', pid: 0, cpu_percent: 0, mem_percent: 100, impact: 2 }] };
    expect(encodeSample(whole)).toBe(
      '{"at":1795777127.0,"cpu_percent":45.0,"mem_percent":61.43,"disk_pressure_percent":13.68,"stability_score":null,"stress_score":43.27,' +
        '"top_processes":[{"name":"idle","pid":0,"cpu_percent":0.0,"mem_percent":100.0,"impact":2.0}]}',
    );
  });

  it('reads a line with whole values in integer form, as this engine wrote them before', () => {
    expect(decodeSampleLine('{"at":1795777127,"cpu_percent":45,"top_processes":[{"name":"a","pid":1,"cpu_percent":0,"mem_percent":1,"impact":2}]}')).toEqual({
      at: 1795777127,
      cpu_percent: 45,
      top_processes: [{ name: 'a', pid: 1, cpu_percent: 0, mem_percent: 1, impact: 2 }],
    });
  });

  it.each([
    [0.125, 0.13],
    [-0.125, -0.13],
    [1.005, 1.01],
    [2, 2],
    [-0.001, 0],
  ])('rounds %p half away from zero to %p', (value, expected) => {
    expect(round2(value)).toBe(expected);
    expect(Object.is(round2(value), -0)).toBe(false);
  });

  it('turns non-finite scores into null and keeps the line valid JSON', () => {
    const line = encodeSample({ ...sample, stress_score: NaN, stability_score: Infinity as number });
    expect(JSON.parse(line)).toMatchObject({ stress_score: null, stability_score: null });
  });

  it('decodes what it encodes', () => {
    expect(decodeSampleLine(encodeSample(sample))).toEqual(normalizeSample(sample));
  });

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['torn', '{"at":1795777127.5,"cpu_percent":45'],
    ['not JSON', 'hello'],
    ['an array', '[1,2]'],
    ['null', 'null'],
    ['no at', '{"cpu_percent":1}'],
    ['a string at', '{"at":"1"}'],
  ])('skips a malformed line (%s)', (_, line) => {
    expect(decodeSampleLine(line)).toBeUndefined();
  });

  it('reads lines the earlier engine wrote, spaces, floats and a BOM included', () => {
    expect(decodeSampleLine('\uFEFF{"at": 10.0, "cpu_percent": 35.0, "top_processes": []}')).toEqual({ at: 10, cpu_percent: 35, top_processes: [] });
  });

  it('names day files by the UTC day of at', () => {
    expect(dayOfAt(Date.parse('2026-11-27T23:59:59.990Z') / 1000)).toBe('2026-11-27');
    expect(dayOfAt(Date.parse('2026-11-28T00:00:00Z') / 1000)).toBe('2026-11-28');
    expect(fileNameOfDay('2026-11-27')).toBe('samples-2026-11-27.jsonl');
    expect(dayOfFileName('samples-2026-11-27.jsonl')).toBe('2026-11-27');
    expect(dayOfFileName('samples-2026-11-27.jsonl.bak')).toBeUndefined();
    expect(dayOfFileName('notes.txt')).toBeUndefined();
  });
});
