import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { storageUnavailable } from '../common/sentra-core.error.js';
import { wireShapeOf } from '../common/wire.js';
import { AtomicJson } from '../storage/atomic-json.js';
import { DatastorePaths } from '../storage/datastore-paths.js';
import { PreferencesDto, type UpdatePreferencesDto } from './dto/preferences.dto.js';
import { DEFAULT_PREFERENCES, normalizePreferences, type PreferencesRecord } from './preferences.record.js';

const PREFERENCES_SHAPE = wireShapeOf(PreferencesDto);

/** config/user_preferences.json: loaded at start, replaced atomically on update. */
@Injectable()
export class PreferencesService implements OnModuleInit {
  private readonly logger = new Logger(PreferencesService.name);
  private current: PreferencesRecord = { ...DEFAULT_PREFERENCES };
  /** Updates one at a time: each merges over the one before. */
  private updates: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly paths: DatastorePaths,
    private readonly json: AtomicJson,
  ) {}

  get value(): PreferencesRecord {
    return this.current;
  }

  async onModuleInit(): Promise<void> {
    this.current = normalizePreferences(await this.json.read<unknown>(this.paths.preferencesFile(), null));
  }

  /**
   * Validated input merged over the current values, clamped, persisted, then applied. Only the keys
   * present change: a DTO instance carries every declared key, the omitted ones as undefined.
   * All or nothing: a change that cannot be persisted is a 503 and changes nothing in memory.
   */
  update(patch: UpdatePreferencesDto): Promise<PreferencesRecord> {
    const run = this.updates.then(async () => {
      const present = Object.entries(patch).filter(([, value]) => value !== undefined);
      const next = normalizePreferences({ ...this.current, ...Object.fromEntries(present) });
      await this.json.write(this.paths.preferencesFile(), next, PREFERENCES_SHAPE).catch((error: unknown) => {
        throw storageUnavailable('persist preferences', error);
      });
      this.current = next;
      this.logger.log({ message: 'preferences updated', preferences: next });
      return next;
    });
    this.updates = run.catch(() => undefined);
    return run;
  }
}
