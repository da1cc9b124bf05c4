import type { DayFile } from '../index/history-catalogue.js';

/** What one prune removed. */
export interface PruneResult {
  files_removed: number;
  bytes_freed: number;
  files: string[];
}

/** `YYYY-MM-DD` of the UTC day `days` before the one of `nowMs`. */
export function dayBefore(nowMs: number, days: number): string {
  return new Date(nowMs - days * 86_400_000).toISOString().slice(0, 10);
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
