import { describe, expect, it } from '@jest/globals';
import { delimiter } from 'node:path';
import { ConfigError } from '../common/sentra-core.error.js';
import { engineOptionsFromEnv, serverSettingsFromEnv } from './env.js';

describe('engineOptionsFromEnv (SPEC §3)', () => {
  it('leaves every setting unset for an empty environment, so resolveOptions applies the defaults', () => {
    expect(engineOptionsFromEnv({})).toEqual({
      dataDir: undefined,
      localAppData: undefined,
      sampling: { collectionIntervalSec: undefined, processRefreshCycles: undefined },
      telemetry: { source: undefined },
      history: { sampleIntervalSec: undefined, retentionDays: undefined, maxBytes: undefined },
      checkpoint: { intervalSec: undefined },
      apiToken: undefined,
      cleanup: {
        categoriesFile: undefined,
        largeFilesRoots: undefined,
        folders: { appData: undefined, localAppData: undefined, temp: undefined, tmp: undefined, winDir: undefined, xdgDataHome: undefined },
      },
      http: { corsOrigins: undefined, allowedHosts: undefined },
    });
  });

  it('reads every variable', () => {
    const options = engineOptionsFromEnv({
      SENTRACORE_DATA_DIR: '/data/sc',
      LOCALAPPDATA: 'C:\\Users\\me\\AppData\\Local',
      SENTRACORE_COLLECTION_INTERVAL_SEC: '1.5',
      SENTRACORE_PROCESS_REFRESH_CYCLES: '3',
      SENTRACORE_TELEMETRY_SOURCE: 'scripted',
      SENTRACORE_HISTORY_SAMPLE_INTERVAL_SEC: '60',
      SENTRACORE_HISTORY_RETENTION_DAYS: '7',
      SENTRACORE_HISTORY_MAX_BYTES: '1048576',
      SENTRACORE_RUNTIME_CHECKPOINT_INTERVAL_SEC: '45',
      SENTRACORE_API_TOKEN: ' s3cret ',
      SENTRACORE_CORS_ORIGINS: 'http://a.test, http://b.test,,',
      SENTRACORE_ALLOWED_HOSTS: 'engine.lan',
      SENTRACORE_CLEANUP_CATEGORIES_FILE: '/etc/sentracore/categories.json',
      SENTRACORE_LARGE_FILES_ROOTS: ['/srv/media', ' /data ', ''].join(delimiter),
      XDG_DATA_HOME: '/home/me/.data',
    });
    expect(options).toEqual({
      dataDir: '/data/sc',
      localAppData: 'C:\\Users\\me\\AppData\\Local',
      sampling: { collectionIntervalSec: 1.5, processRefreshCycles: 3 },
      telemetry: { source: 'scripted' },
      history: { sampleIntervalSec: 60, retentionDays: 7, maxBytes: 1048576 },
      checkpoint: { intervalSec: 45 },
      apiToken: 's3cret',
      cleanup: {
        categoriesFile: '/etc/sentracore/categories.json',
        largeFilesRoots: ['/srv/media', '/data'],
        folders: {
          appData: undefined,
          localAppData: 'C:\\Users\\me\\AppData\\Local',
          temp: undefined,
          tmp: undefined,
          winDir: undefined,
          xdgDataHome: '/home/me/.data',
        },
      },
      http: { corsOrigins: ['http://a.test', 'http://b.test'], allowedHosts: ['engine.lan'] },
    });
  });

  it('treats blank values as unset', () => {
    expect(engineOptionsFromEnv({ SENTRACORE_DATA_DIR: '  ', SENTRACORE_HISTORY_RETENTION_DAYS: '' }).history?.retentionDays).toBeUndefined();
  });

  it.each([
    ['SENTRACORE_HISTORY_RETENTION_DAYS', 'abc'],
    ['SENTRACORE_COLLECTION_INTERVAL_SEC', '2s'],
    ['SENTRACORE_HISTORY_SAMPLE_INTERVAL_SEC', 'Infinity'],
    ['SENTRACORE_RUNTIME_CHECKPOINT_INTERVAL_SEC', 'NaN'],
    ['SENTRACORE_PROCESS_REFRESH_CYCLES', 'five'],
    ['SENTRACORE_HISTORY_MAX_BYTES', '1MB'],
  ])('a non-numeric %s=%s is a one-line error naming the variable and the value', (name, value) => {
    const run = () => engineOptionsFromEnv({ [name]: value });
    expect(run).toThrow(ConfigError);
    expect(run).toThrow(`${name} is not a number: "${value}"`);
  });

  it('rejects an unknown telemetry source by name', () => {
    expect(() => engineOptionsFromEnv({ SENTRACORE_TELEMETRY_SOURCE: 'psutil' })).toThrow(
      'SENTRACORE_TELEMETRY_SOURCE must be "system" or "scripted": "psutil"',
    );
  });
});

describe('serverSettingsFromEnv (SPEC §3)', () => {
  it('defaults: no host or port override (engine-config.json decides), 8740 as its fallback, 2 MiB log with 5 backups', () => {
    expect(serverSettingsFromEnv({})).toEqual({
      host: undefined,
      port: undefined,
      defaultPort: 8740,
      engineConfigPath: undefined,
      logMaxBytes: 2 * 1024 * 1024,
      logBackupCount: 5,
      maxConnections: 256,
    });
  });

  it('overrides', () => {
    const settings = serverSettingsFromEnv({
      SENTRACORE_HOST: '0.0.0.0',
      SENTRACORE_PORT: '9100',
      SENTRACORE_ENGINE_CONFIG: '/etc/sc/engine-config.json',
      SENTRACORE_LOG_MAX_BYTES: '1048576',
      SENTRACORE_LOG_BACKUP_COUNT: '2',
      SENTRACORE_MAX_CONNECTIONS: '64',
    });
    expect(settings).toEqual({
      host: '0.0.0.0',
      port: 9100,
      defaultPort: 8740,
      engineConfigPath: '/etc/sc/engine-config.json',
      logMaxBytes: 1048576,
      logBackupCount: 2,
      maxConnections: 64,
    });
  });

  it('SENTRACORE_PORT is the override, ENGINE_PORT the fallback (the file decides between them, SPEC §2)', () => {
    expect(serverSettingsFromEnv({ SENTRACORE_PORT: '9001', ENGINE_PORT: '9002' })).toMatchObject({ port: 9001, defaultPort: 9002 });
    expect(serverSettingsFromEnv({ ENGINE_PORT: '9002' })).toMatchObject({ port: undefined, defaultPort: 9002 });
  });

  it('clamps the log size to at least 128 KiB and the backup count to a whole number ≥ 0', () => {
    expect(serverSettingsFromEnv({ SENTRACORE_LOG_MAX_BYTES: '1000' }).logMaxBytes).toBe(128 * 1024);
    expect(serverSettingsFromEnv({ SENTRACORE_LOG_BACKUP_COUNT: '-3' }).logBackupCount).toBe(0);
    expect(serverSettingsFromEnv({ SENTRACORE_LOG_BACKUP_COUNT: '2.7' }).logBackupCount).toBe(2);
    expect(serverSettingsFromEnv({ SENTRACORE_MAX_CONNECTIONS: '3' }).maxConnections).toBe(8);
    expect(() => serverSettingsFromEnv({ SENTRACORE_MAX_CONNECTIONS: 'many' })).toThrow('SENTRACORE_MAX_CONNECTIONS is not a number: "many"');
    expect(() => serverSettingsFromEnv({ SENTRACORE_MAX_CONNECTIONS: '0' })).toThrow('SENTRACORE_MAX_CONNECTIONS must be greater than zero');
  });

  it.each([
    [{ SENTRACORE_PORT: 'http' }, 'SENTRACORE_PORT is not a number: "http"'],
    [{ ENGINE_PORT: 'x' }, 'ENGINE_PORT is not a number: "x"'],
    [{ SENTRACORE_PORT: '70000' }, 'SENTRACORE_PORT must be an integer from 1 to 65535: "70000"'],
    [{ ENGINE_PORT: '0' }, 'ENGINE_PORT must be an integer from 1 to 65535: "0"'],
    [{ SENTRACORE_LOG_MAX_BYTES: '2MiB' }, 'SENTRACORE_LOG_MAX_BYTES is not a number: "2MiB"'],
    [{ SENTRACORE_LOG_BACKUP_COUNT: 'many' }, 'SENTRACORE_LOG_BACKUP_COUNT is not a number: "many"'],
  ])('rejects %j with "%s"', (env, message) => {
    expect(() => serverSettingsFromEnv(env)).toThrow(new ConfigError(message));
  });
});

describe('engine settings out of range', () => {
  it.each([
    [{ SENTRACORE_COLLECTION_INTERVAL_SEC: '-1' }, 'SENTRACORE_COLLECTION_INTERVAL_SEC must be greater than zero: "-1"'],
    [{ SENTRACORE_HISTORY_RETENTION_DAYS: '0' }, 'SENTRACORE_HISTORY_RETENTION_DAYS must be greater than zero: "0"'],
    [{ SENTRACORE_RUNTIME_CHECKPOINT_INTERVAL_SEC: '-30' }, 'SENTRACORE_RUNTIME_CHECKPOINT_INTERVAL_SEC must be greater than zero: "-30"'],
    [{ SENTRACORE_HISTORY_MAX_BYTES: '-5' }, 'SENTRACORE_HISTORY_MAX_BYTES must be zero or more: "-5"'],
  ])('rejects %j naming the variable', (env, message) => {
    expect(() => engineOptionsFromEnv(env)).toThrow(new ConfigError(message));
  });
});
