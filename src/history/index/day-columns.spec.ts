import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeFs } from '../../storage/fs.port.js';
import { DayColumns } from './day-columns.js';
import { buildDayIndex } from './day-index.builder.js';
import { encodeSample, type HistorySampleRecord } from '../write/history-line.codec.js';
import { NameTable } from './name-table.js';

const line = (at: number, extra: Partial<HistorySampleRecord> = {}) =>
  encodeSample({
    at,
    cpu_percent: 10.5,
    mem_percent: 60,
    disk_pressure_percent: null,
    stability_score: 80.25,
    stress_score: 33.3,
    top_processes: [{ name: 'chrome.exe', pid: 42, cpu_percent: 5.05, mem_percent: 0.1, impact: 12 }],
    ...extra,
  });

function columnsOf(...lines: string[]): DayColumns {
  const columns = new DayColumns('/nowhere', new NameTable());
  let offset = 0;
  for (const text of lines) {
    const bytes = Buffer.from(text);
    columns.addBytes(bytes, 0, bytes.length, offset);
    offset += bytes.length + 1;
  }
  return columns;
}

describe('DayColumns', () => {
  it('indexes valid lines only, with their byte ranges', () => {
    const columns = columnsOf(line(1), 'garbage', line(2), '{"at":3,"cpu_perc');
    expect(columns.count).toBe(2);
    expect(Array.from(columns.at.subarray(0, 2))).toEqual([1, 2]);
    expect(columns.lineStart(1)).toBe(Buffer.byteLength(line(1)) + 1 + 'garbage'.length + 1);
    expect(columns.lineLength(1)).toBe(Buffer.byteLength(line(2)));
  });

  it('rebuilds canonical lines byte for byte, from memory', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            at: fc.integer({ min: 0, max: 4e11 }).map((c) => c / 100),
            stress: fc.option(
              fc.integer({ min: -1e6, max: 1e6 }).map((c) => c / 100),
              { nil: null },
            ),
            name: fc.oneof(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10, unit: 'binary' })),
            pid: fc.nat(),
            cpu: fc.integer({ min: -1e6, max: 1e6 }).map((c) => c / 100),
          }),
          { minLength: 1, maxLength: 20 },
        ),
        (rows) => {
          const lines = rows.map((r) =>
            line(r.at, { stress_score: r.stress, top_processes: [{ name: r.name, pid: r.pid, cpu_percent: r.cpu, mem_percent: 1, impact: 2 }] }),
          );
          const columns = columnsOf(...lines);
          lines.forEach((text, i) => {
            expect(columns.isCanonical(i)).toBe(true);
            expect(columns.encode(i)).toBe(text);
            const out = Buffer.alloc(columns.lineLength(i) + 4);
            expect(columns.encodeInto(i, out, 2) - 2).toBe(columns.lineLength(i));
            expect(out.toString('utf8', 2, 2 + columns.lineLength(i))).toBe(text);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('marks lines it cannot rebuild exactly as non-canonical, and keeps their metrics', () => {
    const python = '{"at": 5.0, "cpu_percent": 35.0, "mem_percent": null, "top_processes": [{"name": "a", "pid": 1}]}';
    const integerForm = line(8, { cpu_percent: 45 }).replace('"cpu_percent":45.0', '"cpu_percent":45'); // this engine's old form
    const columns = columnsOf(python, `${line(6)}\r`, line(7, { cpu_percent: 1.125 as number }), integerForm);
    expect(columns.count).toBe(4);
    expect([0, 1, 2, 3].map((i) => columns.isCanonical(i))).toEqual([false, false, true, false]);
    expect(Array.from(columns.metrics.subarray(0, 5))).toEqual([35, NaN, NaN, NaN, NaN]);
    expect(columns.metrics[3 * 5]).toBe(45);
  });

  it('knows whether lines are in time order and finds inclusive bounds', () => {
    const sorted = columnsOf(line(10), line(20), line(20), line(30));
    expect(sorted.sorted).toBe(true);
    expect(sorted.bounds(20, 20)).toEqual([1, 3]);
    expect(sorted.bounds(11, 29)).toEqual([1, 3]);
    expect(sorted.bounds(31, 40)).toEqual([4, 4]);
    expect(columnsOf(line(10), line(5)).sorted).toBe(false);
  });

  it('builds from a file in chunks, indexing a complete last line without its newline', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sc-day-index-'));
    const path = join(dir, 'samples-2026-11-27.jsonl');
    const many = Array.from({ length: 1500 }, (_, i) => line(1000 + i * 30));
    await writeFile(path, `${many.join('\n')}\nnot json\n${line(99999)}`);
    const columns = await buildDayIndex(nodeFs, path, new NameTable());
    expect(columns.count).toBe(1501);
    expect(columns.at[1500]).toBe(99999);
    expect(columns.encode(700)).toBe(many[700]);
    expect(columns.indexedBytes).toBe(Buffer.byteLength(`${many.join('\n')}\nnot json\n${line(99999)}`));
  });

  it('compacts to exactly what it holds, and serves and grows the same afterwards', () => {
    const lines = Array.from({ length: 100 }, (_, i) =>
      line(1000 + i, { top_processes: [{ name: `p${i % 7}`, pid: i, cpu_percent: i / 4, mem_percent: 1.5, impact: 2 }] }),
    );
    const columns = columnsOf(...lines);
    const before = columns.byteSize;
    columns.compact();
    // 8 (at) + 40 (metrics) + 8 (start) + 4 (length) + 3 × 1 + 4 bytes (line fields), and 20 per process.
    expect(columns.byteSize).toBe(100 * (8 + 40 + 8 + 4 + 1 + 4 + 1) + 100 * (4 + 4 + 12));
    expect(columns.byteSize).toBeLessThan(before);
    expect(lines.map((_, i) => columns.encode(i))).toEqual(lines);
    const next = Buffer.from(line(5000));
    columns.addBytes(next, 0, next.length, 123_456);
    expect([columns.count, columns.encode(100), columns.lineStart(100), columns.bounds(1050, 5000)]).toEqual([101, line(5000), 123_456, [50, 101]]);
  });

  it('holds a built file compactly', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sc-day-index-'));
    const path = join(dir, 'samples-2026-11-28.jsonl');
    await writeFile(path, `${Array.from({ length: 300 }, (_, i) => line(1000 + i * 30)).join('\n')}\n`);
    const columns = await buildDayIndex(nodeFs, path, new NameTable());
    expect(columns.byteSize).toBe(300 * (8 + 40 + 8 + 4 + 1 + 4 + 1) + 300 * (4 + 4 + 12));
  });
});
