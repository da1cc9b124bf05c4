import { lstat, rmdir, unlink } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import type { Candidate } from '../scan/scan.types.js';
import type { FileRule } from '../walk/file-rules.js';
import type { ErrorList } from './error-list.js';
import { changedSince } from './file-check.js';
import type { Trashes, TrashTarget } from './trash.js';
import { openVerified } from './verified-dir.js';
import { setImmediate as yieldToLoop } from 'node:timers/promises';

export interface CategoryTally {
  removed: number;
  bytes_freed: number;
  skipped: number;
  skipped_changed: number;
  skipped_unsafe_path: number;
}

export interface CategoryJob {
  id: string;
  roots: string[];
  candidates: Candidate[];
  rule: FileRule;
  /** Recycle: the trash per root; permanent: undefined. */
  trash?: Map<string, TrashTarget>;
  /** A trash category: keep its bookkeeping in step (XDG .trashinfo, empty item folders). */
  trashKind?: 'xdg' | 'mac' | 'windows';
}

export const emptyTally = (): CategoryTally => ({ removed: 0, bytes_freed: 0, skipped: 0, skipped_changed: 0, skipped_unsafe_path: 0 });

function byDirectory(candidates: Candidate[]): Map<string, Candidate[]> {
  const groups = new Map<string, Candidate[]>();
  for (const candidate of candidates) {
    const dir = dirname(candidate.path);
    const group = groups.get(dir);
    if (group) group.push(candidate);
    else groups.set(dir, [candidate]);
  }
  return groups;
}

const rootOf = (roots: string[], path: string): string | undefined => roots.find((root) => path.startsWith(root + sep));

type Outcome = 'removed' | 'gone' | 'changed' | { error: string };

/** One recorded file, reached through its verified folder (`at`): checked again, then unlinked or moved to the trash. */
async function removeOne(
  job: CategoryJob,
  candidate: Candidate,
  at: string,
  target: TrashTarget | undefined,
  trashes: Trashes,
  nowMs: number,
): Promise<Outcome> {
  const problem = changedSince(candidate, await lstat(at, { bigint: true }).catch(() => null), job.rule, nowMs);
  if (problem) return problem === 'gone' ? 'gone' : 'changed';
  try {
    if (target) await trashes.move(at, candidate.path, target, new Date(nowMs));
    else await unlink(at);
    return 'removed';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

function count(tally: CategoryTally, candidate: Candidate, outcome: Outcome, errors: ErrorList): void {
  if (outcome === 'removed') {
    tally.removed++;
    tally.bytes_freed += candidate.size;
    return;
  }
  tally.skipped++;
  if (outcome === 'changed') tally.skipped_changed++;
  else if (typeof outcome === 'object') errors.add({ path: candidate.path, error: outcome.error });
}

/**
 * Deletes (or moves to the trash) the recorded files of one category, each re-verified at the
 * moment it is touched, through a folder reached from the root without following any symlink.
 */
export async function applyCategory(job: CategoryJob, trashes: Trashes, errors: ErrorList, nowMs: number): Promise<CategoryTally> {
  const tally = emptyTally();
  const removedPaths: string[] = [];
  for (const [dir, files] of byDirectory(job.candidates)) {
    const root = rootOf(job.roots, files[0].path) ?? (job.roots.includes(dir) ? dir : undefined);
    const verified = root ? await openVerified(root, dir) : null;
    if (!verified) {
      tally.skipped += files.length;
      tally.skipped_unsafe_path += files.length;
      continue;
    }
    try {
      for (const candidate of files) {
        const outcome = await removeOne(job, candidate, `${verified.via}/${basename(candidate.path)}`, job.trash?.get(root!), trashes, nowMs);
        count(tally, candidate, outcome, errors);
        if (outcome === 'removed' && job.trashKind) removedPaths.push(candidate.path);
      }
    } finally {
      await verified.close();
    }
    await yieldToLoop();
  }
  if (job.trashKind && removedPaths.length > 0) await tidyTrash(job.roots, job.trashKind, removedPaths);
  return tally;
}

/**
 * Emptying a trash: folders of an item left empty are removed (rmdir only, never recursive), and
 * an XDG item whose files/ entry is gone loses its info/<item>.trashinfo, so files/ and info/ stay in step.
 */
async function tidyTrash(roots: string[], kind: string, removed: string[]): Promise<void> {
  const dirs = new Set(removed.map((path) => dirname(path)));
  for (const root of roots) {
    const items = new Set<string>();
    const inside = [...dirs].filter((dir) => dir.startsWith(root + sep));
    for (const dir of inside.sort((a, b) => b.length - a.length)) {
      for (let at = dir; at !== root && at.startsWith(root + sep); at = dirname(at)) {
        const parent = await openVerified(root, dirname(at));
        if (!parent) break;
        const removed = await rmdir(`${parent.via}/${basename(at)}`).then(
          () => true,
          () => false,
        );
        await parent.close();
        if (!removed) break;
      }
    }
    for (const path of removed) if (path.startsWith(root + sep)) items.add(join(root, relative(root, path).split(sep)[0]));
    if (kind === 'xdg') await dropTrashInfo(root, items);
  }
}

async function dropTrashInfo(filesDir: string, items: Set<string>): Promise<void> {
  const infoDir = join(dirname(filesDir), 'info');
  const info = await lstat(infoDir).catch(() => null);
  if (basename(filesDir) !== 'files' || !info || info.isSymbolicLink() || !info.isDirectory()) return;
  for (const item of items) {
    if (await lstat(item).catch(() => null)) continue; // still there: something in it was kept
    const file = join(infoDir, `${basename(item)}.trashinfo`);
    const stats = await lstat(file).catch(() => null);
    if (stats?.isFile()) await unlink(file).catch(() => undefined);
  }
}
