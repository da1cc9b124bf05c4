import { describe, expect, it } from '@jest/globals';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../common/sentra-core.error.js';
import { engineOptionsFromEnv } from './env.js';
import { resolveOptions } from './resolve-options.js';

const dataDir = join(tmpdir(), 'sentracore-options');

describe('resolveOptions (defaults and floors of SPEC §3, in one place)', () => {
  it('fills every default', () => {
    expect(resolveOptions({ dataDir })).toEqual({
      dataDir,
      sampling: { enabled: true, collectionIntervalSec: 2, processRefreshCycles: 5 },
      telemetry: { source: 'system' },
      history: { sampleIntervalSec: 30, retentionDays: 30, maxBytes: 0 },
      checkpoint: { intervalSec: 30 },
      apiToken: undefined,
      cleanup: { categoriesFile: undefined, homeDir: homedir(), largeFilesRoots: [], folders: {}, recentChangeSec: 300, scanBudgetSec: 60 },
      http: { corsOrigins: [], allowedHosts: [] },
    });
  });

  it('cleanup: the table file and the finder roots must be absolute; the roots are normalised', () => {
    expect(() => resolveOptions({ dataDir, cleanup: { categoriesFile: 'table.json' } })).toThrow(
      'SENTRACORE_CLEANUP_CATEGORIES_FILE must be an absolute path: "table.json"',
    );
    expect(() => resolveOptions({ dataDir, cleanup: { largeFilesRoots: ['/ok', 'media'] } })).toThrow(
      'SENTRACORE_LARGE_FILES_ROOTS must list absolute folders: "media"',
    );
    expect(resolveOptions({ dataDir, cleanup: { largeFilesRoots: ['/srv/media/'], homeDir: '/home/u/' } }).cleanup).toMatchObject({
      largeFilesRoots: ['/srv/media'],
      homeDir: '/home/u',
    });
  });

  it('applies overrides from the environment end to end', () => {
    const env = {
      SENTRACORE_DATA_DIR: dataDir,
      SENTRACORE_COLLECTION_INTERVAL_SEC: '5',
      SENTRACORE_HISTORY_SAMPLE_INTERVAL_SEC: '120',
      SENTRACORE_HISTORY_RETENTION_DAYS: '7',
      SENTRACORE_RUNTIME_CHECKPOINT_INTERVAL_SEC: '60',
      SENTRACORE_TELEMETRY_SOURCE: 'scripted',
      SENTRACORE_API_TOKEN: 'token',
    };
    const options = resolveOptions(engineOptionsFromEnv(env));
    expect(options.sampling.collectionIntervalSec).toBe(5);
    expect(options.history).toEqual({ sampleIntervalSec: 120, retentionDays: 7, maxBytes: 0 });
    expect(options.checkpoint.intervalSec).toBe(60);
    expect(options.telemetry.source).toBe('scripted');
    expect(options.apiToken).toBe('token');
  });

  it('keeps the history sample interval at or above the collection interval', () => {
    const options = resolveOptions({ dataDir, sampling: { collectionIntervalSec: 10 }, history: { sampleIntervalSec: 3 } });
    expect(options.history.sampleIntervalSec).toBe(10);
  });

  it('keeps the checkpoint interval at or above twice the collection interval', () => {
    expect(resolveOptions({ dataDir, sampling: { collectionIntervalSec: 10 }, checkpoint: { intervalSec: 5 } }).checkpoint.intervalSec).toBe(20);
    expect(resolveOptions({ dataDir, sampling: { collectionIntervalSec: 10 } }).checkpoint.intervalSec).toBe(30);
    expect(resolveOptions({ dataDir, sampling: { collectionIntervalSec: 20 } }).checkpoint.intervalSec).toBe(40);
  });

  it('keeps at least one day of history (whole days) and one process-refresh cycle', () => {
    expect(resolveOptions({ dataDir, history: { retentionDays: 0.5 } }).history.retentionDays).toBe(1);
    expect(resolveOptions({ dataDir, history: { retentionDays: 7.9 } }).history.retentionDays).toBe(7);
    expect(resolveOptions({ dataDir, sampling: { processRefreshCycles: 0.2 } }).sampling.processRefreshCycles).toBe(1);
  });

  it.each([
    [{ sampling: { collectionIntervalSec: 0 } }, 'collection interval must be a positive number: "0"'],
    [{ history: { retentionDays: -1 } }, 'history retention days must be a positive number: "-1"'],
    [{ checkpoint: { intervalSec: Number.NaN } }, 'checkpoint interval must be a positive number: "NaN"'],
    [{ history: { maxBytes: -5 } }, 'history max bytes must be zero or more: "-5"'],
  ])('rejects %j with a clear message', (raw, message) => {
    expect(() => resolveOptions({ dataDir, ...raw })).toThrow(new ConfigError(message));
  });

  it('freezes the result so nothing can change a setting after boot', () => {
    const options = resolveOptions({ dataDir });
    expect(Object.isFrozen(options)).toBe(true);
    expect(Object.isFrozen(options.history)).toBe(true);
    expect(Object.isFrozen(options.http.corsOrigins)).toBe(true);
  });

  it('an embedded host turning sampling off', () => {
    expect(resolveOptions({ dataDir, sampling: { enabled: false } }).sampling).toEqual({ enabled: false, collectionIntervalSec: 2, processRefreshCycles: 5 });
  });

  it('takes options it resolved as they are (main.ts resolves once, then hands them to the module)', () => {
    const once = resolveOptions({ dataDir, sampling: { collectionIntervalSec: 0.5 } });
    expect(resolveOptions(once)).toBe(once);
    // An equal plain object is still resolved: only this function's own results are trusted.
    expect(resolveOptions({ ...once })).not.toBe(once);
    expect(resolveOptions({ ...once })).toEqual(once);
  });
});
