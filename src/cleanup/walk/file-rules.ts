import { basename } from 'node:path';
import { DAY_SEC } from '../../common/time.js';

// Rules every candidate meets, at scan time and again at delete time (docs/cleanup.md "Safety").

/** By default a file changed in the last 5 minutes may be in use (a download, a cache being written): never a candidate. */
export const DEFAULT_RECENT_SEC = 300;

// Lock files: deleting one lets two programs believe they own the same folder.
const LOCK_NAMES = /^(lock|\.lock|lockfile|\.?lck|singletonlock|singletonsocket|singletoncookie|parent\.lock|\.parentlock)$|\.(lock|lck|lockfile)$/i;

export const isLockName = (path: string): boolean => LOCK_NAMES.test(basename(path));

/** The newest of mtime and ctime (ctime also moves on chmod, rename and link changes). */
export const changedAtMs = (stats: { mtimeMs: bigint | number; ctimeMs: bigint | number }): number => Math.max(Number(stats.mtimeMs), Number(stats.ctimeMs));

export const isRecent = (changedMs: number, nowMs: number, recentMs: number): boolean => recentMs > 0 && nowMs - changedMs < recentMs;

/** The category's age rule, on mtime as the earlier engine applied it. */
export const oldEnough = (mtimeMs: number, minAgeDays: number, nowMs: number): boolean => minAgeDays <= 0 || nowMs - mtimeMs >= minAgeDays * DAY_SEC * 1000;

export function hasExtension(path: string, extensions: readonly string[] | undefined): boolean {
  if (!extensions || extensions.length === 0) return true;
  const name = basename(path).toLowerCase();
  return extensions.some((ending) => name.endsWith(ending.toLowerCase()));
}

/** Why a file is not a candidate, or null when it is one. */
export type SkipReason = 'lock' | 'recent' | 'young' | 'extension';

export interface FileRule {
  min_age_days: number;
  extensions?: string[];
  /** The "changed in the last minutes" window, ms. */
  recentMs: number;
}

export function skipReason(path: string, stats: { mtimeMs: bigint | number; ctimeMs: bigint | number }, rule: FileRule, nowMs: number): SkipReason | null {
  if (!hasExtension(path, rule.extensions)) return 'extension';
  if (isLockName(path)) return 'lock';
  if (isRecent(changedAtMs(stats), nowMs, rule.recentMs)) return 'recent';
  if (!oldEnough(Number(stats.mtimeMs), rule.min_age_days, nowMs)) return 'young';
  return null;
}
