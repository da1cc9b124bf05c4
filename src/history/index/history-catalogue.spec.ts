import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, open, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeFs } from '../../storage/fs.port.js';
import { encodeSample } from '../write/history-line.codec.js';
import { MAX_LINE_BYTES } from './day-index.builder.js';
import { HistoryCatalogue, MAX_DAY_FILE_BYTES } from './history-catalogue.js';

const line = (at: number) =>
  encodeSample({ at, cpu_percent: 1, mem_percent: 2, disk_pressure_percent: 3, stability_score: 4, stress_score: 5, top_processes: [] });

// Issue 21 items 4 and 9: day files the archive does not serve are reported with the reason, never a 500.
describe('HistoryCatalogue.skipped', () => {
  let root: string;
  let dir: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'sentracore-catalogue-'));
    dir = join(root, 'history');
    await nodeFs.mkdir(dir);
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('reports links, files without a valid line, over-long lines and oversized files; serves the rest', async () => {
    await writeFile(join(root, 'outside.jsonl'), line(1) + '\n');
    await symlink(join(root, 'outside.jsonl'), join(dir, 'samples-2026-11-20.jsonl'));
    await writeFile(join(dir, 'samples-2026-11-21.jsonl'), 'not json\n{"no":"at"}\n');
    await writeFile(join(dir, 'samples-2026-11-22.jsonl'), `${'y'.repeat(MAX_LINE_BYTES + 1)}\n${line(2)}\n`);
    const huge = await open(join(dir, 'samples-2026-11-23.jsonl'), 'w');
    await huge.truncate(MAX_DAY_FILE_BYTES + 1); // sparse
    await huge.close();
    await writeFile(join(dir, 'samples-2026-11-24.jsonl'), line(3) + '\n');
    const catalogue = new HistoryCatalogue(nodeFs, dir);
    const files = await catalogue.refresh();
    expect(files.map((f) => f.name)).toEqual(['samples-2026-11-21.jsonl', 'samples-2026-11-22.jsonl', 'samples-2026-11-23.jsonl', 'samples-2026-11-24.jsonl']);
    const counts = await Promise.all(files.map(async (f) => (await catalogue.columns(f))?.count));
    expect(counts).toEqual([0, 1, 0, 1]);
    expect(catalogue.skipped()).toEqual([
      { name: 'samples-2026-11-20.jsonl', reason: expect.stringContaining('symbolic link') },
      { name: 'samples-2026-11-21.jsonl', reason: 'no valid sample line' },
      { name: 'samples-2026-11-22.jsonl', reason: `1 line(s) over ${MAX_LINE_BYTES} bytes skipped` },
      { name: 'samples-2026-11-23.jsonl', reason: expect.stringContaining('not read') },
    ]);
  });
});
