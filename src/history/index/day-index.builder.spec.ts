import { describe, expect, it } from '@jest/globals';
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeFs } from '../../storage/fs.port.js';
import { encodeSample } from '../write/history-line.codec.js';
import { buildDayIndex, MAX_LINE_BYTES } from './day-index.builder.js';
import { NameTable } from './name-table.js';

const line = (at: number) =>
  encodeSample({ at, cpu_percent: 1, mem_percent: 2, disk_pressure_percent: 3, stability_score: 4, stress_score: 5, top_processes: [] });

// Issue 21 item 9: a day file without newlines was read into one string (ERR_STRING_TOO_LONG, ~1.8 GB RSS).
describe('buildDayIndex on hostile files', () => {
  it('skips a line over the cap between two good lines, keeping both', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sentracore-index-'));
    try {
      const path = join(dir, 'samples-2026-11-27.jsonl');
      await writeFile(path, `${line(100)}\n${'x'.repeat(MAX_LINE_BYTES + 10)}\n${line(200)}\n`);
      const columns = await buildDayIndex(nodeFs, path, new NameTable());
      expect(columns.count).toBe(2);
      expect([columns.at[0], columns.at[1]]).toEqual([100, 200]);
      expect(columns.oversizedLines).toBe(1);
      // The good line after the long one is found at its real offset.
      expect(columns.lineStart(1)).toBe(line(100).length + 1 + MAX_LINE_BYTES + 10 + 1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('indexes a sparse 1 GiB file without a newline in bounded memory, and the line appended after it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sentracore-index-'));
    try {
      const path = join(dir, 'samples-2026-11-27.jsonl');
      const handle = await open(path, 'w');
      await handle.truncate(1024 ** 3); // sparse: costs nothing on disk
      await handle.write(`\n${line(300)}\n`, 1024 ** 3);
      await handle.close();
      const before = process.memoryUsage().rss;
      const started = performance.now();
      const columns = await buildDayIndex(nodeFs, path, new NameTable());
      const grewMb = (process.memoryUsage().rss - before) / 1024 ** 2;
      expect(columns.count).toBe(1);
      expect(columns.at[0]).toBe(300);
      expect(columns.oversizedLines).toBe(1);
      expect(grewMb).toBeLessThan(64);
      expect(performance.now() - started).toBeLessThan(20_000);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
