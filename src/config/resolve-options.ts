import { homedir } from 'node:os';
import { isAbsolute, resolve } from 'node:path';
import { ConfigError } from '../common/sentra-core.error.js';
import { PACKAGE_ROOT } from '../common/package.js';
import { resolveDatastoreRoot } from './datastore-root.js';
import type { SentraCoreModuleOptions, SentraCoreOptions } from './sentra-core-options.js';

export type RawOptions = SentraCoreModuleOptions & { localAppData?: string; packageDir?: string };

function positive(name: string, value: number | undefined, fallback: number): number {
  const result = value ?? fallback;
  if (!Number.isFinite(result) || result <= 0) throw new ConfigError(`${name} must be a positive number: "${result}"`);
  return result;
}

function nonNegative(name: string, value: number | undefined, fallback: number): number {
  const result = value ?? fallback;
  if (!Number.isFinite(result) || result < 0) throw new ConfigError(`${name} must be zero or more: "${result}"`);
  return result;
}

// Options this function returned: resolving them again returns them as they are (no second datastore probe).
const resolved = new WeakSet<object>();

/**
 * Fills defaults, resolves the datastore root and applies SPEC §3's floors in one place.
 * Runs once at boot, the same way for the standalone server and for host apps; the standalone
 * server resolves before Nest starts and hands the result to SentraCoreModule.forRoot.
 */
export function resolveOptions(raw: RawOptions = {}): SentraCoreOptions {
  if (resolved.has(raw)) return raw as SentraCoreOptions;
  const collectionIntervalSec = positive('collection interval', raw.sampling?.collectionIntervalSec, 2);
  const dataDir = resolveDatastoreRoot({
    override: raw.dataDir,
    packageDir: raw.packageDir ?? PACKAGE_ROOT,
    localAppData: raw.localAppData,
  });
  const options: SentraCoreOptions = {
    dataDir: resolve(dataDir),
    sampling: {
      enabled: raw.sampling?.enabled ?? true,
      collectionIntervalSec,
      processRefreshCycles: Math.max(1, Math.round(positive('process refresh cycles', raw.sampling?.processRefreshCycles, 5))),
    },
    telemetry: { source: raw.telemetry?.source ?? 'system' },
    history: {
      // Never below the collection interval: there is no new sample to store in between.
      sampleIntervalSec: Math.max(collectionIntervalSec, positive('history sample interval', raw.history?.sampleIntervalSec, 30)),
      retentionDays: Math.max(1, Math.floor(positive('history retention days', raw.history?.retentionDays, 30))),
      maxBytes: Math.floor(nonNegative('history max bytes', raw.history?.maxBytes, 0)),
    },
    // At least two cycles apart, so a checkpoint always has something new to say.
    checkpoint: {
      intervalSec: Math.max(2 * collectionIntervalSec, positive('checkpoint interval', raw.checkpoint?.intervalSec, 30)),
    },
    apiToken: raw.apiToken || undefined,
    cleanup: resolveCleanup(raw.cleanup),
    http: {
      corsOrigins: [...(raw.http?.corsOrigins ?? [])],
      allowedHosts: [...(raw.http?.allowedHosts ?? [])],
    },
  };
  resolved.add(deepFreeze(options));
  return options;
}

function resolveCleanup(raw: RawOptions['cleanup'] = {}): SentraCoreOptions['cleanup'] {
  const roots = raw.largeFilesRoots ?? [];
  const relative = roots.find((root) => !isAbsolute(root));
  if (relative !== undefined) throw new ConfigError(`SENTRACORE_LARGE_FILES_ROOTS must list absolute folders: "${relative}"`);
  if (raw.categoriesFile !== undefined && !isAbsolute(raw.categoriesFile)) {
    throw new ConfigError(`SENTRACORE_CLEANUP_CATEGORIES_FILE must be an absolute path: "${raw.categoriesFile}"`);
  }
  return {
    categoriesFile: raw.categoriesFile || undefined,
    homeDir: resolve(raw.homeDir ?? homedir()),
    largeFilesRoots: roots.map((root) => resolve(root)),
    folders: { ...raw.folders },
    recentChangeSec: nonNegative('cleanup recent change window', raw.recentChangeSec, 300),
    scanBudgetSec: positive('cleanup scan budget', raw.scanBudgetSec, 60),
  };
}

function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) {
    if (child && typeof child === 'object') deepFreeze(child as object);
  }
  return Object.freeze(value);
}
