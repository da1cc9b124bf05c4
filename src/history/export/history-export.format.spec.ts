import { describe, expect, it } from '@jest/globals';
import { csvRow, jsonlRow, processesCell } from './history-export.format.js';
import type { HistorySampleRecord } from '../write/history-line.codec.js';

// Issue 21 item 10: one stored line with `top_processes:[null]` made every CSV export of its range fail.
const hostile = (top: unknown): HistorySampleRecord =>
  ({
    at: 1764234000,
    cpu_percent: 12.5,
    mem_percent: 40,
    disk_pressure_percent: null,
    stability_score: 90,
    stress_score: 10,
    top_processes: top,
  }) as HistorySampleRecord;
const good = { name: 'node', pid: 42, cpu_percent: 1.5, mem_percent: 2, impact: 3.5 };

describe('export rows of malformed stored entries', () => {
  it.each([
    ['[null]', [null]],
    ['[null, a number, a string, an array]', [null, 7, 'x', [1]]],
    ['a process missing fields', [{ pid: 'x' }]],
    ['not an array', { name: 'x' }],
    ['null', null],
  ])('CSV and JSONL rows of top_processes %s are produced, keeping the sample', (_label, top) => {
    const csv = csvRow(hostile(top));
    expect(csv.startsWith('1764234000,2025-11-27T09:00:00.000Z,12.5,40,,90,10,')).toBe(true);
    const line = JSON.parse(jsonlRow(hostile(top))) as Record<string, unknown>;
    expect(line).toMatchObject({ at: 1764234000, cpu_percent: 12.5 });
    expect(Array.isArray(line.top_processes)).toBe(true);
  });

  it('keeps the valid entries beside a null one, in both formats', () => {
    expect(processesCell([null, good] as never)).toBe('node (pid 42): cpu 1.5%, mem 2%, impact 3.5');
    expect((JSON.parse(jsonlRow(hostile([null, good]))) as { top_processes: unknown[] }).top_processes).toEqual([good]);
  });
});
