import type { BigIntStats } from 'node:fs';
import { isInside, type ResolvedCategory } from '../table/category-table.js';
import { DEFAULT_MAX_DEPTH } from '../table/category.js';
import { skipReason } from '../walk/file-rules.js';
import { emptyCounts, walkTree, type WalkStop } from '../walk/tree-walk.js';
import type { Candidate, CategoryResult, FileSample } from './scan.types.js';

// The earlier engine's per-category caps; hitting one is now reported (truncated: true).
export const MAX_FILES_PER_CATEGORY = 25_000;
export const MAX_BYTES_PER_CATEGORY = 64 * 1024 ** 3;
const SAMPLES = 20;

export interface ScanContext {
  nowMs: number;
  deadlineMs: number;
  recentMs: number;
  signal?: AbortSignal;
  /** dev:ino of every file an earlier category of this scan already recorded (hard links, overlaps). */
  seen: Set<string>;
}

export interface CategoryOutcome {
  result: CategoryResult;
  candidates: Candidate[];
  stop: WalkStop;
}

function emptyResult(category: ResolvedCategory, requiresAdmin: boolean, error: string | null): CategoryResult {
  const { spec } = category;
  return {
    id: spec.id,
    label: spec.label,
    description: spec.description,
    bytes: 0,
    file_count: 0,
    roots: category.roots,
    samples: [],
    requires_admin: requiresAdmin,
    error,
    truncated: false,
    files_scanned: 0,
    skipped: { symlinks: 0, special: 0, locks: 0, recent: 0, young: 0, duplicates: 0, unreadable_dirs: 0, deep_dirs: 0 },
  };
}

function topSamples(candidates: Candidate[]): FileSample[] {
  return [...candidates]
    .sort((a, b) => b.size - a.size || a.path.localeCompare(b.path))
    .slice(0, SAMPLES)
    .map((c) => ({ path: c.path, size: c.size, mtime: c.mtimeMs / 1000 }));
}

/** Walks one category's roots and records every candidate; read-only. */
export async function scanCategory(category: ResolvedCategory, requiresAdmin: boolean, blocked: string | null, ctx: ScanContext): Promise<CategoryOutcome> {
  const result = emptyResult(category, requiresAdmin, blocked);
  const candidates: Candidate[] = [];
  if (blocked) return { result, candidates, stop: 'complete' };
  const { spec } = category;
  const rule = { min_age_days: spec.min_age_days, extensions: spec.extensions, recentMs: ctx.recentMs };
  const counts = emptyCounts();
  const skipped = result.skipped;
  const visit = (path: string, stats: BigIntStats): boolean => {
    const reason = skipReason(path, stats, rule, ctx.nowMs);
    if (reason === 'lock') skipped.locks++;
    else if (reason === 'recent') skipped.recent++;
    else if (reason === 'young') skipped.young++;
    if (reason) return true;
    const key = `${stats.dev}:${stats.ino}`;
    if (ctx.seen.has(key)) {
      skipped.duplicates++;
      return true;
    }
    const size = Number(stats.size);
    if (candidates.length >= MAX_FILES_PER_CATEGORY || result.bytes + size > MAX_BYTES_PER_CATEGORY) {
      result.truncated = true;
      return false;
    }
    ctx.seen.add(key);
    candidates.push({ path, size, mtimeMs: Number(stats.mtimeMs), ctimeMs: Number(stats.ctimeMs), dev: stats.dev, ino: stats.ino });
    result.bytes += size;
    return true;
  };
  let stop: WalkStop = 'complete';
  for (const root of category.roots) {
    const limits = {
      maxDepth: spec.max_depth ?? DEFAULT_MAX_DEPTH,
      skipDir: (dir: string) => category.excludes.some((excluded) => isInside(dir, excluded)),
      signal: ctx.signal,
      deadlineMs: ctx.deadlineMs,
    };
    stop = await walkTree(root, limits, visit, counts);
    if (stop !== 'complete') break;
  }
  if (stop !== 'complete') result.truncated = true;
  result.file_count = candidates.length;
  result.files_scanned = counts.files_scanned;
  skipped.symlinks = counts.skipped_symlinks;
  skipped.special = counts.skipped_special;
  skipped.unreadable_dirs = counts.unreadable_dirs;
  skipped.deep_dirs = counts.deep_dirs;
  // The default depth cap cut the walk short; a table's own max_depth (APT: 0) is a rule, not a cut.
  if (counts.deep_dirs > 0 && spec.max_depth === undefined) result.truncated = true;
  result.samples = topSamples(candidates);
  return { result, candidates, stop };
}
