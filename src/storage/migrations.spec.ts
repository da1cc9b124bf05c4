import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveOptions } from '../config/resolve-options.js';
import { AtomicJson } from './atomic-json.js';
import { DatastorePaths } from './datastore-paths.js';
import { nodeFs, type FsPort } from './fs.port.js';
import { Migrations } from './migrations.js';
import { StorageHealth } from './storage-health.js';

const REFERENCE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test', 'fixtures', 'reference-datastore');
const BOTH_MOVED = ['baseline.json -> state/baseline.json', 'user_preferences.json -> config/user_preferences.json'];

describe('Migrations (legacy flat layout, SPEC §2)', () => {
  let root: string;
  let paths: DatastorePaths;
  const migrations = (fs: Partial<FsPort> = {}) => new Migrations(paths, { ...nodeFs, ...fs });
  const read = (path: string) => readFileSync(path, 'utf8');

  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), 'sentracore-migrate-'));
    paths = new DatastorePaths(resolveOptions({ dataDir: root }));
    await paths.ensureLayout();
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => {
    jest.restoreAllMocks();
    rmSync(root, { recursive: true, force: true });
  });

  it('moves both legacy files, reports them and writes the marker', async () => {
    writeFileSync(join(root, 'baseline.json'), '{"global":{}}');
    writeFileSync(join(root, 'user_preferences.json'), '{"alert_cpu_percent":70}');
    const migration = migrations();
    expect(await migration.run()).toEqual({ applied: true, moved: BOTH_MOVED });
    expect(migration.lastResult).toEqual({ applied: true, moved: BOTH_MOVED });
    expect(read(paths.baselineFile())).toBe('{"global":{}}');
    expect(read(paths.preferencesFile())).toBe('{"alert_cpu_percent":70}');
    expect(existsSync(join(root, 'baseline.json'))).toBe(false);
    expect(existsSync(join(root, 'user_preferences.json'))).toBe(false);
    expect(existsSync(paths.migrationMarker())).toBe(true);
  });

  it('a second run does nothing and reports {"applied":false,"moved":[]}', async () => {
    writeFileSync(join(root, 'baseline.json'), '{"global":{}}');
    await migrations().run();
    // A legacy file reappearing after the marker (e.g. an old engine ran once) is left alone.
    writeFileSync(join(root, 'baseline.json'), '{"stale":true}');
    expect(await migrations().run()).toEqual({ applied: false, moved: [] });
    expect(read(paths.baselineFile())).toBe('{"global":{}}');
    expect(read(join(root, 'baseline.json'))).toBe('{"stale":true}');
  });

  it('an empty datastore is marked migrated with nothing moved', async () => {
    expect(await migrations().run()).toEqual({ applied: true, moved: [] });
    expect(existsSync(paths.migrationMarker())).toBe(true);
  });

  it('when both exist it keeps the new file and deletes the legacy copy', async () => {
    writeFileSync(paths.baselineFile(), '{"new":true}');
    writeFileSync(join(root, 'baseline.json'), '{"legacy":true}');
    writeFileSync(join(root, 'user_preferences.json'), '{"alert_cpu_percent":70}');
    expect(await migrations().run()).toEqual({ applied: true, moved: ['user_preferences.json -> config/user_preferences.json'] });
    expect(read(paths.baselineFile())).toBe('{"new":true}');
    expect(existsSync(join(root, 'baseline.json'))).toBe(false);
  });

  it('a failure is logged, reported as not applied, never thrown, and retried next start', async () => {
    writeFileSync(join(root, 'baseline.json'), '{"global":{}}');
    const rename = jest.fn<FsPort['rename']>().mockRejectedValue(Object.assign(new Error('EACCES: injected'), { code: 'EACCES' }));
    expect(await migrations({ rename }).run()).toEqual({ applied: false, moved: [] });
    expect(Logger.prototype.error).toHaveBeenCalled();
    expect(existsSync(paths.migrationMarker())).toBe(false);
    expect(await migrations().run()).toEqual({ applied: true, moved: ['baseline.json -> state/baseline.json'] });
  });

  it('migrates a legacy datastore built from the reference files with byte-identical contents', async () => {
    const baseline = join(REFERENCE, 'state', 'baseline.json');
    const preferences = join(REFERENCE, 'config', 'user_preferences.json');
    copyFileSync(baseline, join(root, 'baseline.json'));
    copyFileSync(preferences, join(root, 'user_preferences.json'));
    expect(await migrations().run()).toEqual({ applied: true, moved: BOTH_MOVED });
    expect(readFileSync(paths.baselineFile())).toEqual(readFileSync(baseline));
    expect(readFileSync(paths.preferencesFile())).toEqual(readFileSync(preferences));
    expect(readdirSync(root).sort()).toEqual(['cache', 'config', 'history', 'logs', 'reports', 'state']);
    // "Loads unchanged": the engine's reader sees exactly the reference values.
    const json = new AtomicJson(nodeFs, new StorageHealth());
    expect(await json.read(paths.baselineFile(), null)).toEqual(JSON.parse(read(baseline)));
    expect(await json.read(paths.preferencesFile(), null)).toEqual(JSON.parse(read(preferences)));
  });
});
