import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { pythonFloat } from '../../common/wire.js';
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

  it('accepts a float token only when pythonFloat() of its value gives the token back', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^-?(0|[1-9][0-9]{0,16})(\.[0-9]{1,17})?(e[+-]?[0-9])?$/), (token) => {
        const fields = scan(
          `{"at":${token},"cpu_percent":null,"mem_percent":null,"disk_pressure_percent":null,"stability_score":null,"stress_score":null,"top_processes":[]}`,
        );
        if (fields) expect(pythonFloat(fields.at)).toBe(token);
        if (fields) expect(fields.at).toBe(JSON.parse(token));
      }),
      { numRuns: 2000 },
    );
  });

  const head = (at: string, cpu: string) =>
    `{"at":${at},"cpu_percent":${cpu},"mem_percent":1.0,"disk_pressure_percent":1.0,"stability_score":1.0,"stress_score":1.0`;
  const process = (pid: string, cpu: string) => `{"name":"a","pid":${pid},"cpu_percent":${cpu},"mem_percent":1.0,"impact":1.0}`;

  it('reads the float form as written by both engines: 35.0, 1795777127.5, a pid as an integer', () => {
    const fields = scan(`${head('1795777127.5', '35.0')},"top_processes":[${process('7', '0.0')}]}`);
    expect(fields?.at).toBe(1795777127.5);
    expect(fields?.metrics[0]).toBe(35);
    expect([fields?.pids[0], fields?.centi[0]]).toEqual([7, 0]);
  });

  it.each([
    [
      'spaces (json.dumps without separators)',
      '{"at": 1.5, "cpu_percent": 1.0, "mem_percent": 1.0, "disk_pressure_percent": 1.0, "stability_score": 1.0, "stress_score": 1.0, "top_processes": []}',
    ],
    ['a whole value in integer form (what this engine wrote before)', `${head('1.5', '35')},"top_processes":[]}`],
    ['a whole `at` in integer form', `${head('1795777127', '35.0')},"top_processes":[]}`],
    ['a trailing zero that is not the .0 of a whole value', `${head('1.5', '35.10')},"top_processes":[]}`],
    ['a pid written as a float', `${head('1.5', '1.0')},"top_processes":[${process('7.0', '1.0')}]}`],
    ['a process value in integer form', `${head('1.5', '1.0')},"top_processes":[${process('7', '1')}]}`],
    ['three decimals in a process', `${head('1.5', '1.0')},"top_processes":[${process('1', '1.125')}]}`],
    ['a value Python writes with an exponent', `${head('1.5', '0.00001')},"top_processes":[]}`],
    ['an escaped name', `${head('1.5', '1.0')},"top_processes":[{"name":"a\\"b","pid":1,"cpu_percent":1.0,"mem_percent":1.0,"impact":1.0}]}`],
    [
      'keys in another order',
      '{"cpu_percent":1.0,"at":1.5,"mem_percent":1.0,"disk_pressure_percent":1.0,"stability_score":1.0,"stress_score":1.0,"top_processes":[]}',
    ],
    ['a torn line', `${head('1.5', '1.0')},"top_processes":[{"name":"a","pid":1`],
    ['trailing bytes', `${head('1.5', '1.0')},"top_processes":[]}x`],
    ['-0.0', `${head('-0.0', '1.0')},"top_processes":[]}`],
    ['an extra field', `${head('1.5', '1.0')},"top_processes":[],"x":1}`],
  ])('leaves %s to the general path', (_, line) => {
    expect(scan(line)).toBeUndefined();
  });
});
