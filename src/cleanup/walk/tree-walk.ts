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

export const emptyCounts = (): WalkCounts => ({ files_scanned: 0, dirs_scanned: 0, skipped_symlinks: 0, skipped_special: 0, unreadable_dirs: 0 });

/**
 * Walks `root` (a real path) without following any symlink: every entry is lstat'ed, links are
 * counted and left alone, sockets, FIFOs and devices are skipped. All I/O is async and the walk
 * yields to the event loop every few hundred entries; the deadline and the signal are checked per entry.
 */
export async function walkTree(root: string, limits: WalkLimits, visit: FileVisitor, counts = emptyCounts()): Promise<WalkStop> {
  const stack: { dir: string; depth: number }[] = [{ dir: root, depth: 0 }];
  let sinceYield = 0;
  const stopNow = (): WalkStop | null => (limits.signal?.aborted ? 'cancelled' : Date.now() > limits.deadlineMs ? 'time_budget' : null);
  while (stack.length > 0) {
    const { dir, depth } = stack.pop()!;
    if (limits.maxDirs !== undefined && counts.dirs_scanned >= limits.maxDirs) return 'cap';
    counts.dirs_scanned++;
    let handle;
    try {
      handle = await opendir(dir, { bufferSize: 64 });
    } catch {
      counts.unreadable_dirs++;
      continue;
    }
    let batch: Dirent[] = [];
    const flush = async (): Promise<WalkStop | null> => {
      const stats = await Promise.all(batch.map((entry) => lstat(join(dir, entry.name), { bigint: true }).catch(() => null)));
      for (let i = 0; i < batch.length; i++) {
        const path = join(dir, batch[i].name);
        const stat = stats[i];
        if (!stat) continue; // vanished or unreadable since readdir
        if (stat.isSymbolicLink()) counts.skipped_symlinks++;
        else if (stat.isDirectory()) {
          if (depth < limits.maxDepth && !limits.skipDir?.(path)) stack.push({ dir: path, depth: depth + 1 });
        } else if (stat.isFile()) {
          counts.files_scanned++;
          if (!visit(path, stat)) return 'cap';
        } else counts.skipped_special++;
      }
      batch = [];
      sinceYield += stats.length;
      if (sinceYield >= YIELD_EVERY) {
        sinceYield = 0;
        await yieldToLoop();
      }
      return stopNow();
    };
    try {
      for await (const entry of handle) {
        batch.push(entry);
        if (batch.length >= BATCH) {
          const stop = await flush();
          if (stop) return stop;
        }
      }
    } catch {
      counts.unreadable_dirs++;
    }
    const stop = await flush();
    if (stop) return stop;
  }
  return 'complete';
}
