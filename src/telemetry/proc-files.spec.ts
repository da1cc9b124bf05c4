import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keptDescriptorBudget, PidStatFiles } from './pid-stat-files.js';
import { detectPageSize, listPids, mapPool, ProcFile, readOnce, ReadBuffer } from './proc-files.js';

describe('proc file reading', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'sentracore-procfiles-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('reads a file larger than the buffer to its end, growing the buffer', async () => {
    const text = 'x'.repeat(10_000) + '\nend\n';
    await writeFile(join(root, 'big'), text);
    const buffer = new ReadBuffer();
    expect(await new ProcFile(join(root, 'big'), false).readOrEmpty(buffer)).toBe(text);
    expect(buffer.bytes.length).toBeGreaterThanOrEqual(text.length);
    expect(await readOnce(join(root, 'big'))).toBe(text);
  });

  it('keeps the file open and re-reads it from the start each time', async () => {
    const file = new ProcFile(join(root, 'meminfo'), true);
    await writeFile(join(root, 'meminfo'), 'MemTotal: 1 kB\n');
    expect(await file.readOrEmpty(new ReadBuffer())).toBe('MemTotal: 1 kB\n');
    await writeFile(join(root, 'meminfo'), 'MemTotal: 22 kB\n'); // same inode, rewritten in place
    expect(await file.readOrEmpty(new ReadBuffer())).toBe('MemTotal: 22 kB\n');
  });

  it('gives empty text for a missing file', async () => {
    expect(await new ProcFile(join(root, 'nope'), true).readOrEmpty(new ReadBuffer())).toBe('');
    expect(await readOnce(join(root, 'nope'))).toBe('');
  });

  it('keeps pid stat descriptors for listed pids only and reports vanished pids as undefined', async () => {
    await mkdir(join(root, '5'));
    await mkdir(join(root, '6'));
    await writeFile(join(root, '5', 'stat'), '5 (a) S\n');
    await writeFile(join(root, '6', 'stat'), '6 (b) S\n');
    const files = new PidStatFiles(root);
    const buffer = new ReadBuffer();
    expect(await files.read(5, buffer)).toBe('5 (a) S\n');
    expect(await files.read(6, buffer)).toBe('6 (b) S\n');
    expect(await files.read(7, buffer)).toBeUndefined();
    expect(files.openCount).toBe(2);
    files.retainOnly(new Set([6]));
    expect(files.openCount).toBe(1);
    // Beyond the cap a descriptor is opened, read and closed at once.
    const capped = new PidStatFiles(root, 0);
    expect(await capped.read(5, buffer)).toBe('5 (a) S\n');
    expect(capped.openCount).toBe(0);
  });

  it('keeps at most a quarter of the soft open-files limit, and at most 1024', async () => {
    await mkdir(join(root, 'self'));
    const limits = (soft: string): string =>
      `Limit                     Soft Limit           Hard Limit           Units\nMax open files            ${soft}                 524288               files\n`;
    await writeFile(join(root, 'self', 'limits'), limits('1024'));
    expect(await keptDescriptorBudget(root)).toBe(256);
    await writeFile(join(root, 'self', 'limits'), limits('1048576'));
    expect(await keptDescriptorBudget(root)).toBe(1024);
    await writeFile(join(root, 'self', 'limits'), limits('unlimited'));
    expect(await keptDescriptorBudget(root)).toBe(1024);
    expect(await keptDescriptorBudget(join(root, 'missing'))).toBe(64);
  });

  it('lists numeric /proc entries only', async () => {
    await Promise.all(['1', '42', 'self', 'sys'].map((name) => mkdir(join(root, name))));
    expect((await listPids(root)).sort((a, b) => a - b)).toEqual([1, 42]);
    expect(await listPids(join(root, 'missing'))).toEqual([]);
  });

  it('runs tasks with bounded concurrency, keeping results in order', async () => {
    let running = 0;
    let peak = 0;
    const results = await mapPool([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      peak = Math.max(peak, ++running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
      return n * 10;
    });
    expect(results).toEqual([10, 20, 30, 40, 50, 60, 70]);
    expect(peak).toBe(3);
  });

  it('works out the page size from our own statm and status', async () => {
    await mkdir(join(root, 'self'));
    await writeFile(join(root, 'self', 'statm'), '1000 250 100 1 0 200 0\n');
    await writeFile(join(root, 'self', 'status'), 'Name: node\nVmRSS:\t    4000 kB\n');
    expect(await detectPageSize(root)).toBe(16384);
    expect(await detectPageSize(join(root, 'missing'))).toBe(4096);
    if (process.platform === 'linux') expect([4096, 16384, 65536]).toContain(await detectPageSize('/proc'));
  });
});
