import { describe, expect, it } from '@jest/globals';
import { writeSampleHead, SAMPLE_HEAD_BYTES } from './read/sample-bytes.js';
import { CanonicalLineScanner, LineFields } from './index/canonical-line.scanner.js';
import { PROCESS_KEY_BYTES, PROCESS_KEYS, SAMPLE_KEY_BYTES, SAMPLE_KEYS } from './sample-layout.js';
import { encodeSample, type HistorySampleRecord } from './write/history-line.codec.js';

const sample: HistorySampleRecord = {
  top_processes: [{ impact: 3, mem_percent: 2, cpu_percent: 1, pid: 7, name: 'a' }],
  stress_score: 5,
  stability_score: 4,
  disk_pressure_percent: 3,
  mem_percent: 2,
  cpu_percent: 1,
  at: 100,
} as unknown as HistorySampleRecord; // keys deliberately in reverse order

describe('sample layout', () => {
  it('is the key order the codec writes, whatever order the sample object has', () => {
    const parsed = JSON.parse(encodeSample(sample)) as Record<string, unknown> & { top_processes: Record<string, unknown>[] };
    expect(Object.keys(parsed)).toEqual([...SAMPLE_KEYS]);
    expect(Object.keys(parsed.top_processes[0])).toEqual([...PROCESS_KEYS]);
  });

  it('gives the byte writers the same head the codec writes', () => {
    const out = Buffer.alloc(SAMPLE_HEAD_BYTES);
    const end = writeSampleHead(out, 0, 100, [1, 2, 3, 4, 5], 0);
    expect(out.toString('latin1', 0, end)).toBe(encodeSample(sample).slice(0, end));
  });

  it('is what the canonical scanner expects', () => {
    const line = Buffer.from(encodeSample(sample));
    expect(new CanonicalLineScanner().scan(line, 0, line.length, new LineFields())).toBe(true);
  });

  it('spells each key as the JSON text before its value', () => {
    expect(SAMPLE_KEY_BYTES.map((b) => b.toString('latin1'))).toEqual(SAMPLE_KEYS.map((k, i) => `${i === 0 ? '{' : ','}"${k}":`));
    expect(PROCESS_KEY_BYTES[0].toString('latin1')).toBe('{"name":');
  });
});
