import { Inject, Injectable } from '@nestjs/common';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { SENTRACORE_OPTIONS, type SentraCoreOptions } from '../config/sentra-core-options.js';

export const SECTIONS = ['config', 'state', 'history', 'logs', 'cache', 'reports'] as const;
export type Section = (typeof SECTIONS)[number];

/** The datastore layout of SPEC §2; the only code that joins datastore paths. Resolving writes nothing. */
@Injectable()
export class DatastorePaths {
  readonly root: string;

  constructor(@Inject(SENTRACORE_OPTIONS) options: SentraCoreOptions) {
    this.root = options.dataDir;
  }

  section(name: Section): string {
    return join(this.root, name);
  }

  preferencesFile(): string {
    return join(this.section('config'), 'user_preferences.json');
  }

  baselineFile(): string {
    return join(this.section('state'), 'baseline.json');
  }

  runtimeFile(): string {
    return join(this.section('state'), 'runtime.json');
  }

  lockFile(): string {
    return join(this.section('state'), 'engine.lock');
  }

  migrationMarker(): string {
    return join(this.section('state'), '.migrated_v1');
  }

  legacyFile(name: 'baseline.json' | 'user_preferences.json'): string {
    return join(this.root, name);
  }

  historyDir(): string {
    return this.section('history');
  }

  /** `history/samples-YYYY-MM-DD.jsonl` for a UTC day. */
  historyDay(day: string): string {
    return join(this.historyDir(), `samples-${day}.jsonl`);
  }

  logFile(): string {
    return join(this.section('logs'), 'engine.log');
  }

  /** Creates the six folders; called once at start before any module writes. */
  async ensureLayout(): Promise<void> {
    for (const name of SECTIONS) await mkdir(this.section(name), { recursive: true });
  }

  /** Recreates one folder that may have been deleted while running (SPEC §8). */
  async ensureSection(name: Section): Promise<string> {
    const dir = this.section(name);
    await mkdir(dir, { recursive: true });
    return dir;
  }
}
