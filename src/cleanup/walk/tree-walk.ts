import type { BigIntStats, Dirent } from 'node:fs';
import { lstat, opendir } from 'node:fs/promises';
import { join } from 'node:path';
import { setImmediate as yieldToLoop } from 'node:timers/promises';

/** Why a walk ended: it saw everything, ran out of time, was cancelled, or the caller's cap was reached. */
export type WalkStop = 'complete' | 'time_budget' | 'cancelled' | 'cap';

export interface WalkCounts {
  files_scanned: number;
  dirs_scanned: number;
  skipped_symlinks: number;
  skipped_special: number;
  unreadable_dirs: number;
  /** Folders not entered because they lie deeper than maxDepth. */
  deep_dirs: number;
}

export interface WalkLimits {
  /** Directory levels below the root that are entered (0: the root's own files only). */
  maxDepth: number;
  /** Folders (real paths) not to enter. */
  skipDir?: (path: string) => boolean;
  signal?: AbortSignal;
  /** Epoch ms after which the walk stops with `time_budget`. */
  deadlineMs: number;
  /** Directories entered at most (a walk of millions of empty folders is bounded too). */
  maxDirs?: number;
}

/** Return false to stop the walk (a cap was reached). */
export type FileVisitor = (path: string, stats: BigIntStats) => boolean;

// lstat calls in flight per batch: the thread pool does the work while the event loop stays free.
const BATCH = 32;
// Hand the event loop a turn this often, so a sampling cycle due now is never kept waiting long.
const YIELD_EVERY = 256;

export const emptyCounts = (): WalkCounts => ({ files_scanned: 0, dirs_scanned: 0, skipped_symlinks: 0, skipped_special: 0, unreadable_dirs: 0, deep_dirs: 0 });

interface Pending {
  dir: string;
  depth: number;
}

/** One walk: a stack of folders, each read in batches. */
class TreeWalk {
  private readonly stack: Pending[];
  private sinceYield = 0;

  constructor(
    root: string,
    private readonly limits: WalkLimits,
    private readonly visit: FileVisitor,
    private readonly counts: WalkCounts,
  ) {
    this.stack = [{ dir: root, depth: 0 }];
  }

  async run(): Promise<WalkStop> {
    while (this.stack.length > 0) {
      if (this.limits.maxDirs !== undefined && this.counts.dirs_scanned >= this.limits.maxDirs) return 'cap';
      const stop = await this.folder(this.stack.pop()!);
      if (stop) return stop;
    }
    return 'complete';
  }

  private stopNow(): WalkStop | null {
    return this.limits.signal?.aborted ? 'cancelled' : Date.now() > this.limits.deadlineMs ? 'time_budget' : null;
  }

  private async folder(at: Pending): Promise<WalkStop | null> {
    this.counts.dirs_scanned++;
    const handle = await opendir(at.dir, { bufferSize: 64 }).catch(() => null);
    if (!handle) {
      this.counts.unreadable_dirs++;
      return null;
    }
    let batch: Dirent[] = [];
    try {
      for await (const entry of handle) {
        batch.push(entry);
        if (batch.length < BATCH) continue;
        const stop = await this.entries(at, batch);
        batch = [];
        if (stop) return stop; // leaving the loop closes the folder
      }
    } catch {
      this.counts.unreadable_dirs++;
    }
    return this.entries(at, batch);
  }

  /** lstat's a batch at once (never following a link), then sorts each entry: folder, file, or skipped. */
  private async entries(at: Pending, batch: Dirent[]): Promise<WalkStop | null> {
    const paths = batch.map((entry) => join(at.dir, entry.name));
    const stats = await Promise.all(paths.map((path) => lstat(path, { bigint: true }).catch(() => null)));
    for (let i = 0; i < paths.length; i++) {
      const stat = stats[i];
      if (!stat) continue; // vanished or unreadable since readdir
      if (stat.isSymbolicLink()) this.counts.skipped_symlinks++;
      else if (stat.isDirectory()) {
        if (at.depth >= this.limits.maxDepth) this.counts.deep_dirs++;
        else if (!this.limits.skipDir?.(paths[i])) this.stack.push({ dir: paths[i], depth: at.depth + 1 });
      } else if (stat.isFile()) {
        this.counts.files_scanned++;
        if (!this.visit(paths[i], stat)) return 'cap';
      } else this.counts.skipped_special++;
    }
    this.sinceYield += paths.length;
    if (this.sinceYield >= YIELD_EVERY) {
      this.sinceYield = 0;
      await yieldToLoop();
    }
    return this.stopNow();
  }
}

/**
 * Walks `root` (a real path) without following any symlink: every entry is lstat'ed, links are
 * counted and left alone, sockets, FIFOs and devices are skipped. All I/O is async and the walk
 * yields to the event loop every few hundred entries; the deadline and the signal are checked per batch.
 */
export function walkTree(root: string, limits: WalkLimits, visit: FileVisitor, counts = emptyCounts()): Promise<WalkStop> {
  return new TreeWalk(root, limits, visit, counts).run();
}
