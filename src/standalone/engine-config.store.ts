import { join } from 'node:path';
import { nodeFs } from '../storage/fs.port.js';
import { AtomicJson } from '../storage/atomic-json.js';
import { StorageHealth } from '../storage/storage-health.js';
import { PACKAGE_ROOT } from '../common/package.js';

export const ENGINE_STATUSES = ['stopped', 'starting', 'health_checking', 'running', 'restarting', 'failed'] as const;
export type EngineStatus = (typeof ENGINE_STATUSES)[number];

/** SPEC §2 engine-config.json: where the dashboard finds the engine. */
export interface EngineConfigRecord {
  /** An address a local client can connect to. */
  host: string;
  /** The configured port; once running, the port actually listened on. */
  port: number;
  /** The address to bind; once running, the address actually bound. */
  bind_host: string;
  status: EngineStatus;
  /** "" when there is none (the dashboard reads it `as String?`). */
  last_error: string;
  pid: number;
}

const LOOPBACK = '127.0.0.1';
const isPort = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 65535;
const text = (value: unknown, fallback: string) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : fallback);

/** A stored record with every unusable field replaced by its default; null without a usable port. */
function parseRecord(raw: unknown): EngineConfigRecord | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const stored = raw as Record<string, unknown>;
  if (!isPort(stored.port)) return null;
  return {
    host: text(stored.host, LOOPBACK),
    port: stored.port,
    bind_host: text(stored.bind_host, LOOPBACK),
    status: ENGINE_STATUSES.includes(stored.status as EngineStatus) ? (stored.status as EngineStatus) : 'stopped',
    last_error: typeof stored.last_error === 'string' ? stored.last_error : '',
    pid: Number.isInteger(stored.pid) ? (stored.pid as number) : 0,
  };
}

/**
 * engine-config.json lives next to the engine, not in the datastore (or where SENTRACORE_ENGINE_CONFIG
 * says: the dashboard's launcher points it at the user's copy); written atomically.
 */
export class EngineConfigStore {
  private readonly json = new AtomicJson(nodeFs, new StorageHealth());
  private current?: EngineConfigRecord;

  /** `defaultPort`: the port written when the file is missing or names none (ENGINE_PORT or 8740). */
  constructor(
    readonly file: string,
    private readonly defaultPort: number,
  ) {}

  static defaultPath(): string {
    return join(PACKAGE_ROOT, 'engine-config.json');
  }

  /** Reads the file as the launcher left it; writes the defaults first when it is missing or unusable. */
  async load(): Promise<EngineConfigRecord> {
    const stored = parseRecord(await this.json.read<unknown>(this.file, null));
    this.current = stored ?? { host: LOOPBACK, port: this.defaultPort, bind_host: LOOPBACK, status: 'stopped', last_error: '', pid: 0 };
    if (!stored) await this.json.write(this.file, this.current);
    return this.current;
  }

  async update(patch: Partial<EngineConfigRecord>): Promise<EngineConfigRecord> {
    this.current = { ...(this.current ?? (await this.load())), ...patch };
    await this.json.write(this.file, this.current);
    return this.current;
  }
}
