import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { AtomicJson } from './atomic-json.js';
import { DatastorePaths } from './datastore-paths.js';
import { Migrations } from './migrations.js';

/** Lays out the datastore before any other module's init writes to it. */
@Injectable()
export class StorageInitializer implements OnModuleInit {
  private readonly logger = new Logger(StorageInitializer.name);

  constructor(
    private readonly paths: DatastorePaths,
    private readonly migrations: Migrations,
    private readonly json: AtomicJson,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.paths.ensureLayout();
    await this.migrations.run();
    const swept =
      (await this.json.sweepTempFiles(this.paths.section('state'))) +
      (await this.json.sweepTempFiles(this.paths.section('config')));
    if (swept > 0) this.logger.warn({ message: 'removed temp files left by an interrupted write', count: swept });
    this.logger.log({ message: 'datastore ready', root: this.paths.root });
  }
}
