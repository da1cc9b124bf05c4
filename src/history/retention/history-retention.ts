import type { DayFile } from '../index/history-catalogue.js';
import { DAY_MS } from '../../common/time.js';

/** What one prune removed. */
export interface PruneResult {
  files_removed: number;
  bytes_freed: number;
  files: string[];
}

/** `YYYY-MM-DD` of the UTC day `days` before the one of `nowMs`. */
export function dayBefore(nowMs: number, days: number): string {
  return new Date(nowMs - days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The day files retention deletes, oldest first (`files` is sorted oldest first):
 * every day older than `retentionDays` before today, then — when `maxBytes` > 0 — the oldest
 * remaining days until the archive fits. The newest day is always kept: it is the one being
 * written, and deleting it would lose the live data without making room for long.
 */
export function filesToPrune(files: readonly DayFile[], nowMs: number, retentionDays: number, maxBytes: number): DayFile[] {
  const oldestKept = dayBefore(nowMs, retentionDays);
  const expired = files.filter((f) => f.day < oldestKept);
  const kept = files.filter((f) => f.day >= oldestKept);
  if (!(maxBytes > 0)) return expired;
  let total = kept.reduce((sum, f) => sum + f.size, 0);
  const overflow: DayFile[] = [];
  for (const file of kept.slice(0, -1)) {
    if (total <= maxBytes) break;
    overflow.push(file);
    total -= file.size;
  }
  return [...expired, ...overflow];
}

/** The newest day served and pruned by age: tomorrow by the wall clock (a clock a little behind still finds its file). */
export function lastCurrentDay(nowMs: number): string {
  return dayBefore(nowMs, -1);
}

/** A wall clock before this engine existed is wrong: nothing is "clearly bogus" against it. */
export const PLAUSIBLE_WALL_MS = Date.UTC(2025, 0, 1);
/** A day file this far ahead of a plausible wall clock was not written by a clock that is merely off. */
export const BOGUS_AHEAD_DAYS = 366;

/**
 * The future-dated day files (after `lastCurrentDay`) retention deletes, for a caller that checked the
 * clock is stable: those this run's own clock had reached (`peakWallMs`; written while the clock was
 * ahead, which has since come back), and the clearly bogus ones, over a year ahead of a plausible clock.
 * Any other future file (e.g. found at start) is only reported: the engine cannot tell which clock was wrong.
 */
export function futureFilesToPrune(future: readonly DayFile[], nowMs: number, peakWallMs: number): DayFile[] {
  const last = lastCurrentDay(nowMs);
  const reached = dayBefore(peakWallMs, 0);
  const bogusAfter = nowMs >= PLAUSIBLE_WALL_MS ? dayBefore(nowMs, -BOGUS_AHEAD_DAYS) : '9999-12-31';
  return future.filter((f) => f.day > last && (f.day <= reached || f.day > bogusAfter));
}
