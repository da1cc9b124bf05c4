import { delimiter } from 'node:path';
import { ConfigError } from '../common/sentra-core.error.js';
import type { SentraCoreModuleOptions } from './sentra-core-options.js';

// The only file that reads process.env (SPEC §3). Everything else gets typed options.

type Env = Record<string, string | undefined>;

function numberVar(env: Env, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new ConfigError(`${name} is not a number: "${raw}"`);
  return value;
}

/** A number that must be positive (intervals, counts) or zero or more (`allowZero`), else a ConfigError naming it. */
function positiveVar(env: Env, name: string, allowZero = false): number | undefined {
  const value = numberVar(env, name);
  if (value === undefined || value > 0 || (allowZero && value === 0)) return value;
  throw new ConfigError(`${name} must be ${allowZero ? 'zero or more' : 'greater than zero'}: "${env[name]}"`);
}

function stringVar(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw ? raw : undefined;
}

function listVar(env: Env, name: string): string[] | undefined {
  const raw = stringVar(env, name);
  return raw
    ?.split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

/** A path list as the OS separates PATH (`:` on POSIX, `;` on Windows). */
function pathListVar(env: Env, name: string): string[] | undefined {
  return stringVar(env, name)
    ?.split(delimiter)
    .map((item) => item.trim())
    .filter(Boolean);
}

function sourceVar(env: Env): 'system' | 'scripted' | undefined {
  const raw = stringVar(env, 'SENTRACORE_TELEMETRY_SOURCE');
  if (raw === undefined || raw === 'system' || raw === 'scripted') return raw;
  throw new ConfigError(`SENTRACORE_TELEMETRY_SOURCE must be "system" or "scripted": "${raw}"`);
}

/** Engine options from the environment (the standalone host's view of SPEC §3). */
export function engineOptionsFromEnv(env: Env = process.env): SentraCoreModuleOptions & { localAppData?: string } {
  return {
    dataDir: stringVar(env, 'SENTRACORE_DATA_DIR'),
    localAppData: stringVar(env, 'LOCALAPPDATA'),
    sampling: {
      collectionIntervalSec: positiveVar(env, 'SENTRACORE_COLLECTION_INTERVAL_SEC'),
      processRefreshCycles: positiveVar(env, 'SENTRACORE_PROCESS_REFRESH_CYCLES'),
    },
    telemetry: { source: sourceVar(env) },
    history: {
      sampleIntervalSec: positiveVar(env, 'SENTRACORE_HISTORY_SAMPLE_INTERVAL_SEC'),
      retentionDays: positiveVar(env, 'SENTRACORE_HISTORY_RETENTION_DAYS'),
      maxBytes: positiveVar(env, 'SENTRACORE_HISTORY_MAX_BYTES', true),
    },
    checkpoint: { intervalSec: positiveVar(env, 'SENTRACORE_RUNTIME_CHECKPOINT_INTERVAL_SEC') },
    apiToken: stringVar(env, 'SENTRACORE_API_TOKEN'),
    cleanup: {
      categoriesFile: stringVar(env, 'SENTRACORE_CLEANUP_CATEGORIES_FILE'),
      largeFilesRoots: pathListVar(env, 'SENTRACORE_LARGE_FILES_ROOTS'),
      folders: {
        appData: stringVar(env, 'APPDATA'),
        localAppData: stringVar(env, 'LOCALAPPDATA'),
        temp: stringVar(env, 'TEMP'),
        tmp: stringVar(env, 'TMP'),
        winDir: stringVar(env, 'WINDIR'),
        xdgDataHome: stringVar(env, 'XDG_DATA_HOME'),
      },
    },
    http: {
      corsOrigins: listVar(env, 'SENTRACORE_CORS_ORIGINS'),
      allowedHosts: listVar(env, 'SENTRACORE_ALLOWED_HOSTS'),
    },
  };
}

/** Settings only the standalone server uses: where to listen, engine-config.json, log files. */
export interface ServerSettings {
  /** SENTRACORE_HOST: the operator's listen address, over engine-config.json's bind_host (SPEC §2). */
  host?: string;
  /** SENTRACORE_PORT: the operator's port, over engine-config.json's port. */
  port?: number;
  /** ENGINE_PORT, else 8740: the port when engine-config.json names none. */
  defaultPort: number;
  engineConfigPath?: string;
  logMaxBytes: number;
  logBackupCount: number;
  /** SENTRACORE_MAX_CONNECTIONS: open HTTP/WebSocket connections served at once; more are closed on accept. */
  maxConnections: number;
}

/** Far below the usual 1,024 descriptors, so idle sockets never starve the datastore's files (issue 21). */
export const DEFAULT_MAX_CONNECTIONS = 256;
/** The dashboard, its two WebSockets, a browser console and /health need a few at once. */
export const MIN_MAX_CONNECTIONS = 8;

const MIN_LOG_BYTES = 128 * 1024;
const DEFAULT_PORT = 8740;

function portVar(env: Env, name: string): number | undefined {
  const port = numberVar(env, name);
  if (port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65535)) {
    throw new ConfigError(`${name} must be an integer from 1 to 65535: "${port}"`);
  }
  return port;
}

export function serverSettingsFromEnv(env: Env = process.env): ServerSettings {
  const backups = numberVar(env, 'SENTRACORE_LOG_BACKUP_COUNT') ?? 5;
  return {
    host: stringVar(env, 'SENTRACORE_HOST'),
    port: portVar(env, 'SENTRACORE_PORT'),
    defaultPort: portVar(env, 'ENGINE_PORT') ?? DEFAULT_PORT,
    engineConfigPath: stringVar(env, 'SENTRACORE_ENGINE_CONFIG'),
    logMaxBytes: Math.max(MIN_LOG_BYTES, numberVar(env, 'SENTRACORE_LOG_MAX_BYTES') ?? 2 * 1024 * 1024),
    logBackupCount: Math.max(0, Math.floor(backups)),
    maxConnections: Math.max(MIN_MAX_CONNECTIONS, Math.floor(positiveVar(env, 'SENTRACORE_MAX_CONNECTIONS') ?? DEFAULT_MAX_CONNECTIONS)),
  };
}
