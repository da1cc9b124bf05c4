import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import request from 'supertest';
import { PRIVILEGE } from '../../src/cleanup/privilege.js';
import type { RawOptions } from '../../src/config/resolve-options.js';
import { demoScript } from '../../src/telemetry/scripted.source.js';
import { bootEngine } from './boot-engine.js';

export const DAY_MS = 86_400_000;
export const TOKEN = 'cleanup-test-token';

/**
 * A temp world for cleanup tests: everything a test scans or deletes lives under `root` (its own
 * home, its category table, its datastore). The canary lives in a second temp folder, outside
 * `root`; symlink tests point there, and every test ends by checking it survived.
 */
export class CleanupWorld {
  readonly root = mkdtempSync(join(tmpdir(), 'sentracore-cleanup-'));
  readonly outside = mkdtempSync(join(tmpdir(), 'sentracore-canary-'));
  readonly home = join(this.root, 'home');
  readonly table = join(this.root, 'categories.json');
  readonly canary = join(this.outside, 'canary.bin');
  private readonly canaryText = `canary ${Date.now()}`;

  constructor() {
    mkdirSync(this.home);
    writeFileSync(this.canary, this.canaryText);
    writeFileSync(join(this.outside, 'victim.bin'), 'x'.repeat(100));
  }

  path(rel: string): string {
    return join(this.root, rel);
  }

  /** A file of `size` bytes under the root, last modified `ageDays` ago. */
  file(rel: string, size: number, ageDays = 1): string {
    const path = this.path(rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, Buffer.alloc(size, 7));
    const at = new Date(Date.now() - ageDays * DAY_MS);
    utimesSync(path, at, at);
    return path;
  }

  /** Writes the category table; roots are relative to the root. */
  categories(rows: { id: string; roots: string[]; min_age_days?: number; requires_admin?: boolean; [key: string]: unknown }[]): void {
    const table = rows.map((row) => ({
      label: `Label ${row.id}`,
      description: `Test category ${row.id}`,
      min_age_days: 0,
      requires_admin: false,
      ...row,
      roots: row.roots.map((root) => (root.startsWith('/') ? root : this.path(root))),
    }));
    writeFileSync(this.table, JSON.stringify(table));
  }

  canaryIntact(): boolean {
    return (
      existsSync(this.canary) && readFileSync(this.canary, 'utf8') === this.canaryText && readFileSync(join(this.outside, 'victim.bin'), 'utf8').length === 100
    );
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
    rmSync(this.outside, { recursive: true, force: true });
  }
}

export interface WorldEngine {
  app: NestFastifyApplication;
  http: () => ReturnType<typeof request>;
}

/** The engine on the world's table and home; not elevated unless asked (this machine may run tests as root). */
export async function worldEngine(
  world: CleanupWorld,
  options: { elevated?: boolean; apiToken?: string; cleanup?: RawOptions['cleanup']; sampling?: RawOptions['sampling'] } = {},
): Promise<WorldEngine> {
  const app = await bootEngine(
    {
      dataDir: join(world.root, 'datastore'),
      sampling: options.sampling ?? { enabled: false },
      apiToken: options.apiToken,
      cleanup: {
        categoriesFile: world.table,
        homeDir: world.home,
        folders: { xdgDataHome: join(world.home, '.local', 'share') },
        recentChangeSec: 0,
        ...options.cleanup,
      },
    },
    { overrides: [[PRIVILEGE, { elevated: () => Promise.resolve(options.elevated ?? false) }]], ...(options.sampling?.enabled ? { script: demoScript } : {}) },
  );
  return { app, http: () => request(app.getHttpServer()) };
}
