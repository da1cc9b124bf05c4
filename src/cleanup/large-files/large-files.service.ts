import { Inject, Injectable } from '@nestjs/common';
import type { BigIntStats } from 'node:fs';
import { dirname } from 'node:path';
import { SENTRACORE_OPTIONS, type SentraCoreOptions } from '../../config/sentra-core-options.js';
import type { DomainError } from '../scan/scan.types.js';
import { RunCancelled, SharedRun } from '../scan/shared-run.js';
import { emptyCounts, walkTree } from '../walk/tree-walk.js';
import { allowedStart } from './root-policy.js';
import { isSystemFolder, systemFolders } from './system-folders.js';

export interface LargeFilesQuery {
  path: string;
  min_mb: number;
  limit: number;
  max_files_scanned: number;
}

export interface LargeFile {
  path: string;
  size: number;
  mtime: number;
  parent: string;
}

export interface LargeFilesAnswer {
  ok: true;
  path: string;
  min_mb: number;
  limit: number;
  results: LargeFile[];
  root: string;
  truncated: boolean;
  stopped: string;
  files_scanned: number;
  dirs_scanned: number;
  skipped_symlinks: number;
  unreadable_dirs: number;
}

const MAX_DEPTH = 64;
const order = (a: LargeFile, b: LargeFile) => b.size - a.size || b.mtime - a.mtime || (a.path < b.path ? 1 : a.path > b.path ? -1 : 0);

/** GET /storage/large: the largest files under an allowed folder; read-only, one walk at a time. */
@Injectable()
export class LargeFilesService {
  private readonly runs = new SharedRun<LargeFilesAnswer | DomainError>();
  private readonly excluded: string[];

  constructor(@Inject(SENTRACORE_OPTIONS) private readonly options: SentraCoreOptions) {
    this.excluded = systemFolders(process.platform, options.cleanup.folders.winDir);
  }

  async find(query: LargeFilesQuery, signal?: AbortSignal): Promise<LargeFilesAnswer | DomainError> {
    try {
      return await this.runs.run(JSON.stringify(query), signal, (own) => this.walk(query, own));
    } catch (error) {
      if (error instanceof RunCancelled) return { ok: false, error: 'search cancelled' };
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  }

  private async walk(query: LargeFilesQuery, signal: AbortSignal): Promise<LargeFilesAnswer | DomainError> {
    const { homeDir, largeFilesRoots, scanBudgetSec } = this.options.cleanup;
    const platform = process.platform;
    const allowed = await allowedStart({ path: query.path, home: homeDir, extraRoots: largeFilesRoots, platform, systemFolders: this.excluded });
    if ('error' in allowed) return { ok: false, error: allowed.error };
    const minBytes = query.min_mb * 1024 * 1024;
    let found: LargeFile[] = [];
    const counts = emptyCounts();
    const visit = (path: string, stats: BigIntStats): boolean => {
      if (counts.files_scanned > query.max_files_scanned) return false;
      const size = Number(stats.size);
      if (size < minBytes) return true;
      found.push({ path, size, mtime: Number(stats.mtimeMs) / 1000, parent: dirname(path) });
      // Keep memory at O(limit): trim once the list is twice as long as needed.
      if (found.length >= 2 * query.limit) found = found.sort(order).slice(0, query.limit);
      return true;
    };
    const limits = {
      maxDepth: MAX_DEPTH,
      maxDirs: query.max_files_scanned,
      skipDir: (dir: string) => isSystemFolder(dir, platform, this.excluded),
      signal,
      deadlineMs: Date.now() + scanBudgetSec * 1000,
    };
    const stop = await walkTree(allowed.start, limits, visit, counts);
    if (stop === 'cancelled') return { ok: false, error: 'search cancelled' };
    return {
      ok: true,
      path: query.path,
      min_mb: query.min_mb,
      limit: query.limit,
      results: found.sort(order).slice(0, query.limit),
      root: allowed.start,
      truncated: stop !== 'complete' || counts.deep_dirs > 0,
      stopped: stop,
      files_scanned: Math.min(counts.files_scanned, query.max_files_scanned),
      dirs_scanned: counts.dirs_scanned,
      skipped_symlinks: counts.skipped_symlinks,
      unreadable_dirs: counts.unreadable_dirs,
    };
  }
}
