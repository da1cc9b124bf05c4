import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { resolveOptions } from '../config/resolve-options.js';
import { DatastorePaths } from './datastore-paths.js';
import { DiskUsage } from './disk-usage.js';
import { nodeFs } from './fs.port.js';

// Every regular file below `dir` with its bytes, to prove a clear left them untouched.
function contents(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isFile()) files[relative(dir, path)] = readFileSync(path, 'base64');
  }
  return files;
}

describe('DiskUsage', () => {
  let root: string;
  let paths: DatastorePaths;
  let usage: DiskUsage;
  const put = (path: string, bytes: number) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), Buffer.alloc(bytes, 7));
  };

  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), 'sentracore-usage-'));
    paths = new DatastorePaths(resolveOptions({ dataDir: root }));
    await paths.ensureLayout();
    usage = new DiskUsage(paths, nodeFs);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('sizes each of the six folders recursively and totals them', async () => {
    put('config/user_preferences.json', 192);
    put('state/baseline.json', 2088);
    put('state/runtime.json', 4397);
    put('history/samples-2024-05-01.jsonl', 1000);
    put('history/samples-2024-05-02.jsonl', 24);
    put('logs/engine.log', 731);
    put('cache/derived/deep/a.bin', 300);
    put('reports/export.csv', 5);
    const summary = await usage.summary();
    expect(summary.root).toBe(root);
    expect(summary.sections).toEqual({
      config: { path: join(root, 'config'), bytes: 192 },
      state: { path: join(root, 'state'), bytes: 6485 },
      history: { path: join(root, 'history'), bytes: 1024 },
      logs: { path: join(root, 'logs'), bytes: 731 },
      cache: { path: join(root, 'cache'), bytes: 300 },
      reports: { path: join(root, 'reports'), bytes: 5 },
    });
    expect(summary.total_bytes).toBe(192 + 6485 + 1024 + 731 + 300 + 5);
  });

  it('reports zero for empty or deleted folders', async () => {
    rmSync(join(root, 'reports'), { recursive: true });
    const summary = await usage.summary();
    expect(Object.values(summary.sections).map((s) => s.bytes)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(summary.total_bytes).toBe(0);
  });

  it('cache clear removes only cache/ content; every other folder is byte-identical afterwards', async () => {
    put('config/user_preferences.json', 192);
    put('state/baseline.json', 2088);
    put('history/samples-2024-05-01.jsonl', 1000);
    put('logs/engine.log', 731);
    put('reports/export.csv', 5);
    put('cache/a.bin', 100);
    put('cache/sub/b.bin', 20);
    put('cache/sub/deeper/c.bin', 3);
    put('baseline.json', 9);
    const others = () => Object.fromEntries(['config', 'state', 'history', 'logs', 'reports'].map((s) => [s, contents(join(root, s))]));
    const before = others();

    expect(await usage.clearCache()).toEqual({ files_removed: 3, bytes_freed: 123 });
    expect(others()).toEqual(before);
    expect(readFileSync(join(root, 'baseline.json')).length).toBe(9);
    expect(readdirSync(join(root, 'cache'))).toEqual([]);
    expect(await usage.clearCache()).toEqual({ files_removed: 0, bytes_freed: 0 });
  });

  it('removes a symlink in cache/ without following it: the target in state/ survives', async () => {
    put('state/baseline.json', 2088);
    mkdirSync(join(root, 'outside'));
    put('outside/keep.txt', 10);
    symlinkSync(paths.baselineFile(), join(root, 'cache', 'link-to-baseline'));
    symlinkSync(join(root, 'outside'), join(root, 'cache', 'link-to-folder'), 'dir');
    const result = await usage.clearCache();
    expect(result.files_removed).toBe(2);
    expect(readdirSync(join(root, 'cache'))).toEqual([]);
    expect(readFileSync(paths.baselineFile()).length).toBe(2088);
    expect(readdirSync(join(root, 'outside'))).toEqual(['keep.txt']);
  });

  it('tolerates a cache/ folder deleted while running', async () => {
    rmSync(join(root, 'cache'), { recursive: true });
    expect(await usage.clearCache()).toEqual({ files_removed: 0, bytes_freed: 0 });
    expect(existsSync(join(root, 'cache'))).toBe(false);
  });
});
