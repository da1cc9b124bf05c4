import { join } from 'node:path';
import { nodeFs } from '../storage/fs.port.js';
import { AtomicJson } from '../storage/atomic-json.js';
import { StorageHealth } from '../storage/storage-health.js';
import { PACKAGE_ROOT } from '../common/package.js';

export type EngineStatus = 'stopped' | 'starting' | 'health_checking' | 'running' | 'restarting' | 'failed';

/** SPEC §2 engine-config.json: where the dashboard finds the engine. */
export interface EngineConfigRecord {
  host: string;
  port: number;
  bind_host: string;
  status: EngineStatus;
  last_error: string | null;
  pid: number;
}

/** engine-config.json lives next to the engine, not in the datastore; written atomically. */
export class EngineConfigStore {
  private readonly json = new AtomicJson(nodeFs, new StorageHealth());
  private current?: EngineConfigRecord;

  constructor(
    readonly file: string,
    private readonly defaults: { host: string; port: number },
  ) {}

  static defaultPath(): string {
    return join(PACKAGE_ROOT, 'engine-config.json');
  }

  /** Reads the file, writing defaults first when it is missing or unusable. */
  async load(): Promise<EngineConfigRecord> {
    const stored = await this.json.read<Partial<EngineConfigRecord> | null>(this.file, null);
    const valid = stored && typeof stored === 'object' && Number.isInteger(stored.port);
    this.current = {
      host: this.defaults.host,
      bind_host: this.defaults.host,
      status: 'stopped',
      last_error: null,
      pid: 0,
      ...(valid ? stored : {}),
      // The environment is the operator's latest word on where to listen.
      port: this.defaults.port,
    };
    if (!valid) await this.json.write(this.file, this.current);
    return this.current;
  }

  async update(patch: Partial<EngineConfigRecord>): Promise<EngineConfigRecord> {
    this.current = { ...(this.current ?? (await this.load())), ...patch };
    await this.json.write(this.file, this.current);
    return this.current;
  }
}
