import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { AtomicJson } from './atomic-json.js';
import { DatastorePaths } from './datastore-paths.js';
import { EngineLock } from './engine-lock.js';
import { Migrations } from './migrations.js';

/**
 * What HistoryExportService writes before its rename (`.history-<from>-<to>-at-<time>.<ext>.tmp`): an
 * export killed mid-write leaves one, hidden from GET /reports. Swept at start, holding the lock, so no
 * export of this datastore is running.
 */
const EXPORT_TEMP_PATTERN = /^\.history-[^/\\]+\.tmp$/;

/**
 * Lays out the datastore and takes the single-writer lock before any other module's init writes to it
 * (Nest initialises the deepest module first). EngineLifecycle releases the lock as the last step of a stop.
 */
@Injectable()
export class StorageInitializer implements OnModuleInit {
  private readonly logger = new Logger(StorageInitializer.name);
  private readonly lock: EngineLock;

  constructor(
    private readonly paths: DatastorePaths,
    private readonly migrations: Migrations,
    private readonly json: AtomicJson,
  ) {
    this.lock = new EngineLock(paths.lockFile());
  }

  async onModuleInit(): Promise<void> {
    await this.paths.ensureLayout();
    await this.lock.acquire();
    await this.migrations.run();
    const swept =
      (await this.json.sweepTempFiles(this.paths.section('state'))) +
      (await this.json.sweepTempFiles(this.paths.section('config'))) +
      (await this.json.sweepTempFiles(this.paths.section('reports'), EXPORT_TEMP_PATTERN));
    if (swept > 0) this.logger.warn({ message: 'removed temp files left by an interrupted write', count: swept });
    this.logger.log({ message: 'datastore ready', root: this.paths.root });
  }

  /** Releases the single-writer lock: after it, another engine may write to this datastore. */
  async release(): Promise<void> {
    await this.lock.release();
  }
}
