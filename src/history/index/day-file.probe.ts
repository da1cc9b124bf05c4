import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { errorCode } from '../../storage/fs.port.js';
import { dayOfFileName } from '../write/history-line.codec.js';

/** One `samples-YYYY-MM-DD.jsonl` file as last seen on disk. */
export interface DayFile {
  name: string;
  day: string;
  path: string;
  size: number;
  mtimeMs: number;
}

/**
 * Lists the day files of a folder, oldest first, with size and mtime; [] when the folder is missing.
 * Only days `accept` takes are stat'ed (a folder of 5,000 future-dated files costs readdir, not 5,000 stats).
 */
export type DayFileProbe = (dir: string, accept?: (day: string) => boolean) => DayFile[];

/**
 * Every read re-checks the day files (so an index never outlives a change underneath it), which is
 * one readdir and one stat per retained day. Done synchronously on purpose: ~30 metadata calls cost
 * ~0.2 ms inline, while 30 thread-pool round trips cost 1–10 ms on a busy machine, per request.
 * The work is bounded by the retention, and file contents are always read asynchronously.
 */
export const syncDayFileProbe: DayFileProbe = (dir, accept = () => true) => {
  let dirents;
  try {
    dirents = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return [];
    throw error;
  }
  const files: DayFile[] = [];
  for (const name of dirents
    .filter((d) => d.isFile())
    .map((d) => d.name)
    .sort()) {
    const day = dayOfFileName(name);
    if (!day || !accept(day)) continue;
    const path = join(dir, name);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat) files.push({ name, day, path, size: stat.size, mtimeMs: stat.mtimeMs });
  }
  return files;
};
