import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveOptions } from '../config/resolve-options.js';
import { DatastorePaths, SECTIONS } from './datastore-paths.js';

describe('DatastorePaths', () => {
  let tmp: string;
  let root: string;
  let paths: DatastorePaths;
  beforeEach(() => {
    tmp = mkdtempSync(join(tmpdir(), 'sentracore-layout-'));
    root = join(tmp, 'nested', 'datastore');
    paths = new DatastorePaths(resolveOptions({ dataDir: root }));
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  it('names every file of the SPEC §2 layout', () => {
    expect(paths.root).toBe(root);
    expect(paths.preferencesFile()).toBe(join(root, 'config', 'user_preferences.json'));
    expect(paths.baselineFile()).toBe(join(root, 'state', 'baseline.json'));
    expect(paths.runtimeFile()).toBe(join(root, 'state', 'runtime.json'));
    expect(paths.migrationMarker()).toBe(join(root, 'state', '.migrated_v1'));
    expect(paths.legacyFile('baseline.json')).toBe(join(root, 'baseline.json'));
    expect(paths.historyDay('2024-05-01')).toBe(join(root, 'history', 'samples-2024-05-01.jsonl'));
    expect(paths.logFile()).toBe(join(root, 'logs', 'engine.log'));
  });

  it('ensureLayout creates exactly the six folders, root included, and nothing else', async () => {
    await paths.ensureLayout();
    expect(readdirSync(root).sort()).toEqual(['cache', 'config', 'history', 'logs', 'reports', 'state']);
    for (const name of SECTIONS) {
      expect(statSync(join(root, name)).isDirectory()).toBe(true);
      expect(readdirSync(join(root, name))).toEqual([]);
    }
  });

  it('ensureLayout is idempotent and keeps existing files', async () => {
    await paths.ensureLayout();
    writeFileSync(paths.preferencesFile(), '{"a":1}');
    await paths.ensureLayout();
    expect(readdirSync(join(root, 'config'))).toEqual(['user_preferences.json']);
  });

  it('ensureSection recreates a folder deleted while running', async () => {
    await paths.ensureLayout();
    rmSync(join(root, 'cache'), { recursive: true });
    expect(await paths.ensureSection('cache')).toBe(join(root, 'cache'));
    expect(statSync(join(root, 'cache')).isDirectory()).toBe(true);
  });
});
