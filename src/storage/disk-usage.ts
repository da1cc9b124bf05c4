import { Inject, Injectable } from '@nestjs/common';
import { join } from 'node:path';
import { DatastorePaths, SECTIONS, type Section } from './datastore-paths.js';
import { errorCode, FS_PORT, type FsPort } from './fs.port.js';
import { isSymlink } from './no-follow.js';
import { SentraCoreError } from '../common/sentra-core.error.js';

/** SPEC §4 storage info sections. */
export interface SectionUsageRecord {
  path: string;
  bytes: number;
}

export interface DiskUsageRecord {
  root: string;
  sections: Record<Section, SectionUsageRecord>;
  total_bytes: number;
}

export interface CacheClearRecord {
  files_removed: number;
  bytes_freed: number;
}

/** Folder sizes and cache clearing, async throughout so a large tree never blocks the event loop. */
@Injectable()
export class DiskUsage {
  constructor(
    private readonly paths: DatastorePaths,
    @Inject(FS_PORT) private readonly fs: FsPort,
  ) {}

  async summary(): Promise<DiskUsageRecord> {
    const sizes = await Promise.all(SECTIONS.map((name) => this.folderBytes(this.paths.section(name))));
    const sections = {} as Record<Section, SectionUsageRecord>;
    SECTIONS.forEach((name, i) => (sections[name] = { path: this.paths.section(name), bytes: sizes[i] }));
    return { root: this.paths.root, sections, total_bytes: sizes.reduce((a, b) => a + b, 0) };
  }

  /**
   * Deletes every file below cache/ (never cache/ itself); links inside are removed, never followed.
   * A cache/ that is itself a symbolic link is refused: clearing it would delete the link's target.
   */
  async clearCache(): Promise<CacheClearRecord> {
    const result = { files_removed: 0, bytes_freed: 0 };
    const dir = this.paths.section('cache');
    if (await isSymlink(this.fs, dir)) {
      throw new SentraCoreError('CONFLICT', `${dir} is a symbolic link: cache clear never deletes through a link; replace it with a folder to clear it`);
    }
    await this.clearFolder(dir, result, true);
    return result;
  }

  // Stats run side by side: one at a time, a 31-file history folder alone costs milliseconds.
  private async folderBytes(dir: string): Promise<number> {
    const entries = await this.list(dir);
    const sizes = await Promise.all(
      entries.map((entry) => {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) return this.folderBytes(path);
        return entry.isFile()
          ? this.fs.lstat(path).then(
              (s) => s.size,
              () => 0,
            )
          : 0;
      }),
    );
    return sizes.reduce((a, b) => a + b, 0);
  }

  private async clearFolder(dir: string, result: CacheClearRecord, isRoot: boolean): Promise<void> {
    for (const entry of await this.list(dir)) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        await this.clearFolder(path, result, false);
        continue;
      }
      // lstat, not stat: a symlink's own size, and its target is never touched.
      const size = await this.fs.lstat(path).then(
        (s) => s.size,
        () => 0,
      );
      try {
        await this.fs.unlink(path);
        result.files_removed++;
        result.bytes_freed += size;
      } catch (error) {
        if (errorCode(error) !== 'ENOENT') throw error;
      }
    }
    if (!isRoot) await this.fs.rmdir(dir).catch(() => undefined);
  }

  private async list(dir: string) {
    try {
      return await this.fs.readdir(dir, { withFileTypes: true });
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return [];
      throw error;
    }
  }
}
