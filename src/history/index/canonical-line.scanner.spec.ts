import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { CanonicalLineScanner, LineFields } from './canonical-line.scanner.js';
import { encodeSample, type HistorySampleRecord } from '../write/history-line.codec.js';

const scanner = new CanonicalLineScanner();
const scan = (line: string) => {
  const fields = new LineFields();
  const bytes = Buffer.from(line);
  return scanner.scan(bytes, 0, bytes.length, fields) ? fields : undefined;
};

const twoDecimals = fc.integer({ min: -1_000_000, max: 1_000_000 }).map((c) => c / 100);
const processArb = fc.record({
  name: fc.string({ maxLength: 12 }),
  pid: fc.integer({ min: 0, max: 0xffffffff }),
  cpu_percent: twoDecimals,
  mem_percent: twoDecimals,
  impact: twoDecimals,
});
const sampleArb: fc.Arbitrary<HistorySampleRecord> = fc.record({
  at: fc.integer({ min: 0, max: 4_000_000_000_00 }).map((c) => c / 100),
  cpu_percent: fc.option(twoDecimals, { nil: null }),
  mem_percent: fc.option(twoDecimals, { nil: null }),
  disk_pressure_percent: fc.option(twoDecimals, { nil: null }),
  stability_score: fc.option(twoDecimals, { nil: null }),
  stress_score: fc.option(twoDecimals, { nil: null }),
  top_processes: fc.array(processArb, { maxLength: 6 }),
});

describe('CanonicalLineScanner', () => {
  it('reads every line this engine writes with ASCII names to exactly the values JSON.parse gives', () => {
    fc.assert(
      fc.property(sampleArb, (raw) => {
        const line = encodeSample({ ...raw, top_processes: raw.top_processes.map((p) => ({ ...p, name: p.name.replace(/[^\x20-\x7e]|["\\]/g, 'x') })) });
        const parsed = JSON.parse(line) as HistorySampleRecord;
        const fields = scan(line);
        expect(fields).toBeDefined();
        expect(fields!.at).toBe(parsed.at);
        expect(Array.from(fields!.metrics)).toEqual(
          [parsed.cpu_percent, parsed.mem_percent, parsed.disk_pressure_percent, parsed.stability_score, parsed.stress_score].map((v) => v ?? NaN),
        );
        expect(fields!.processCount).toBe(parsed.top_processes.length);
        parsed.top_processes.forEach((p, k) => {
          expect(fields!.names[k]).toBe(p.name);
          expect(fields!.pids[k]).toBe(p.pid);
          expect(Array.from(fields!.centi.subarray(k * 3, k * 3 + 3), (c) => c / 100)).toEqual([p.cpu_percent, p.mem_percent, p.impact]);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('accepts a number token only when String() of its value gives the token back', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^-?(0|[1-9][0-9]{0,16})(\.[0-9]{1,17})?(e[+-]?[0-9])?$/), (token) => {
        const fields = scan(
          `{"at":${token},"cpu_percent":null,"mem_percent":null,"disk_pressure_percent":null,"stability_score":null,"stress_score":null,"top_processes":[]}`,
        );
        if (fields) expect(String(fields.at)).toBe(token);
        if (fields) expect(fields.at).toBe(JSON.parse(token));
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    [
      'spaces (Python json.dumps)',
      '{"at": 1.5, "cpu_percent": 1, "mem_percent": 1, "disk_pressure_percent": 1, "stability_score": 1, "stress_score": 1, "top_processes": []}',
    ],
    ['a float written 35.0', '{"at":1.5,"cpu_percent":35.0,"mem_percent":1,"disk_pressure_percent":1,"stability_score":1,"stress_score":1,"top_processes":[]}'],
    [
      'three decimals in a process',
      '{"at":1.5,"cpu_percent":1,"mem_percent":1,"disk_pressure_percent":1,"stability_score":1,"stress_score":1,"top_processes":[{"name":"a","pid":1,"cpu_percent":1.125,"mem_percent":1,"impact":1}]}',
    ],
    [
      'an escaped name',
      '{"at":1.5,"cpu_percent":1,"mem_percent":1,"disk_pressure_percent":1,"stability_score":1,"stress_score":1,"top_processes":[{"name":"a\\"b","pid":1,"cpu_percent":1,"mem_percent":1,"impact":1}]}',
    ],
    ['keys in another order', '{"cpu_percent":1,"at":1.5,"mem_percent":1,"disk_pressure_percent":1,"stability_score":1,"stress_score":1,"top_processes":[]}'],
    [
      'a torn line',
      '{"at":1.5,"cpu_percent":1,"mem_percent":1,"disk_pressure_percent":1,"stability_score":1,"stress_score":1,"top_processes":[{"name":"a","pid":1',
    ],
    ['trailing bytes', '{"at":1.5,"cpu_percent":1,"mem_percent":1,"disk_pressure_percent":1,"stability_score":1,"stress_score":1,"top_processes":[]}x'],
    ['-0', '{"at":-0,"cpu_percent":1,"mem_percent":1,"disk_pressure_percent":1,"stability_score":1,"stress_score":1,"top_processes":[]}'],
    ['an extra field', '{"at":1.5,"cpu_percent":1,"mem_percent":1,"disk_pressure_percent":1,"stability_score":1,"stress_score":1,"top_processes":[],"x":1}'],
  ])('leaves %s to the general path', (_, line) => {
    expect(scan(line)).toBeUndefined();
  });
});
