import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { resolveOptions } from './resolve-options.js';
import { DatastorePaths } from '../storage/datastore-paths.js';
import { isCreatableAndWritable, resolveDatastoreRoot } from './datastore-root.js';

// Every file and folder below `dir` with its size and mtime, to prove resolution wrote nothing.
function snapshotTree(dir: string): string[] {
  const lines: string[] = [];
  const walk = (current: string) => {
    for (const name of readdirSync(current).sort()) {
      const path = join(current, name);
      const stats = statSync(path);
      lines.push(`${relative(dir, path)} ${stats.isDirectory() ? 'dir' : stats.size} ${stats.mtimeMs}`);
      if (stats.isDirectory()) walk(path);
    }
  };
  lines.push(`. ${statSync(dir).mtimeMs}`);
  walk(dir);
  return lines;
}

describe('resolveDatastoreRoot (SPEC §2 order, first match wins)', () => {
  let tmp: string;
  let packageDir: string;
  beforeEach(() => {
    tmp = mkdtempSync(join(tmpdir(), 'sentracore-root-'));
    packageDir = join(tmp, 'package');
    mkdirSync(packageDir);
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  const everything = () => ({
    override: join(tmp, 'override'),
    packageDir,
    localAppData: join(tmp, 'AppData', 'Local'),
    homeDir: join(tmp, 'home'),
  });

  it('1. SENTRACORE_DATA_DIR wins over everything else', () => {
    expect(resolveDatastoreRoot(everything(), () => true)).toBe(join(tmp, 'override'));
  });

  it('2. the package datastore/ folder when it can be created and written', () => {
    const checked: string[] = [];
    const canWrite = (dir: string) => (checked.push(dir), true);
    expect(resolveDatastoreRoot({ ...everything(), override: undefined }, canWrite)).toBe(join(packageDir, 'datastore'));
    expect(checked).toEqual([join(packageDir, 'datastore')]);
  });

  it('2→3. an unwritable package folder falls through to %LOCALAPPDATA%/SentraCore/datastore', () => {
    const root = resolveDatastoreRoot({ ...everything(), override: undefined }, () => false);
    expect(root).toBe(join(tmp, 'AppData', 'Local', 'SentraCore', 'datastore'));
  });

  it('3. %LOCALAPPDATA% when there is no package folder', () => {
    const root = resolveDatastoreRoot({ localAppData: join(tmp, 'AppData', 'Local'), homeDir: join(tmp, 'home') }, () => true);
    expect(root).toBe(join(tmp, 'AppData', 'Local', 'SentraCore', 'datastore'));
  });

  it('4. ~/.local/share/SentraCore/datastore when nothing else applies', () => {
    const root = resolveDatastoreRoot({ packageDir, homeDir: join(tmp, 'home') }, () => false);
    expect(root).toBe(join(tmp, 'home', '.local', 'share', 'SentraCore', 'datastore'));
  });

  it('an empty override counts as unset', () => {
    expect(resolveDatastoreRoot({ override: '', packageDir }, () => true)).toBe(join(packageDir, 'datastore'));
  });

  it('resolving the root, the options and every DatastorePaths path writes nothing', () => {
    const before = snapshotTree(tmp);
    resolveDatastoreRoot({ packageDir, localAppData: join(tmp, 'AppData') });
    const options = resolveOptions({ packageDir, localAppData: join(tmp, 'AppData') });
    expect(options.dataDir).toBe(join(packageDir, 'datastore'));
    const paths = new DatastorePaths(options);
    const all = [paths.preferencesFile(), paths.baselineFile(), paths.runtimeFile(), paths.migrationMarker(), paths.historyDay('2024-05-01'), paths.logFile()];
    expect(all.every((path) => path.startsWith(join(packageDir, 'datastore')))).toBe(true);
    expect(snapshotTree(tmp)).toEqual(before);
    expect(readdirSync(packageDir)).toEqual([]);
  });
});

describe('isCreatableAndWritable', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = mkdtempSync(join(tmpdir(), 'sentracore-writable-'));
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  it('accepts an existing writable folder and a missing one below a writable ancestor', () => {
    expect(isCreatableAndWritable(tmp)).toBe(true);
    expect(isCreatableAndWritable(join(tmp, 'a', 'b', 'datastore'))).toBe(true);
    expect(readdirSync(tmp)).toEqual([]);
  });

  // Windows' access() ignores ACLs (a Program Files folder looks writable), so there the check writes and removes a probe file.
  it('on Windows, accepts a folder it can create a file in, and leaves nothing behind', () => {
    expect(isCreatableAndWritable(tmp, 'win32')).toBe(true);
    expect(isCreatableAndWritable(join(tmp, 'a', 'datastore'), 'win32')).toBe(true);
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('on Windows, refuses a folder where no file can be created', () => {
    // The nearest existing "ancestor" is a file: creating anything inside it fails, as in a folder the user may not write.
    const file = join(tmp, 'not-a-folder');
    writeFileSync(file, '');
    expect(isCreatableAndWritable(join(file, 'datastore'), 'win32')).toBe(false);
    expect(readdirSync(tmp)).toEqual(['not-a-folder']);
  });
});
