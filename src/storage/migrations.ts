import { Inject, Injectable, Logger } from '@nestjs/common';
import { DatastorePaths } from './datastore-paths.js';
import { errorCode, FS_PORT, type FsPort } from './fs.port.js';
import { asError } from '../common/as-error.js';

/** SPEC §2 migration report, served in GET /storage/info. */
export interface MigrationRecord {
  applied: boolean;
  moved: string[];
}

const LEGACY_MOVES = [
  { legacy: 'baseline.json', target: 'state/baseline.json' },
  { legacy: 'user_preferences.json', target: 'config/user_preferences.json' },
] as const;

/** The one-shot legacy flat-layout migration; idempotent, never overwrites, never stops the engine. */
@Injectable()
export class Migrations {
  private readonly logger = new Logger(Migrations.name);
  private result: MigrationRecord = { applied: false, moved: [] };

  constructor(
    private readonly paths: DatastorePaths,
    @Inject(FS_PORT) private readonly fs: FsPort,
  ) {}

  get lastResult(): MigrationRecord {
    return this.result;
  }

  async run(): Promise<MigrationRecord> {
    try {
      this.result = await this.migrate();
      if (this.result.moved.length > 0) this.logger.log({ message: 'legacy datastore migrated', moved: this.result.moved });
    } catch (error) {
      this.logger.error(asError(error), 'legacy migration failed; continuing');
      this.result = { applied: false, moved: [] };
    }
    return this.result;
  }

  private async migrate(): Promise<MigrationRecord> {
    if (await this.exists(this.paths.migrationMarker())) return { applied: false, moved: [] };
    const moved: string[] = [];
    for (const { legacy, target } of LEGACY_MOVES) {
      const from = this.paths.legacyFile(legacy);
      if (!(await this.exists(from))) continue;
      const to = legacy === 'baseline.json' ? this.paths.baselineFile() : this.paths.preferencesFile();
      if (await this.exists(to)) {
        // The new layout wins: the legacy copy is stale by definition.
        await this.fs.unlink(from);
      } else {
        await this.fs.rename(from, to);
        moved.push(`${legacy} -> ${target}`);
      }
    }
    await this.fs.writeFile(this.paths.migrationMarker(), `${new Date().toISOString()}\n`);
    return { applied: true, moved };
  }

  private async exists(file: string): Promise<boolean> {
    try {
      await this.fs.stat(file);
      return true;
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return false;
      throw error;
    }
  }
}
