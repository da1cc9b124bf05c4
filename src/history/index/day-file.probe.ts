import { lstatSync, readdirSync } from 'node:fs';
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

/** The day files of a folder, oldest first, and the names of day files that are not regular files. */
export interface DayFileListing {
  files: DayFile[];
  /** `samples-YYYY-MM-DD.jsonl` entries that are symbolic links (or other non-files): never read, written or deleted. */
  links: string[];
}

/**
 * Lists the day files of a folder, with size and mtime; empty when the folder is missing. Only days
 * `accept` takes are stat'ed (a folder of 5,000 future-dated files costs a readdir, not 5,000 stats).
 */
export type DayFileProbe = (dir: string, accept?: (day: string) => boolean) => DayFileListing;

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
    if (errorCode(error) === 'ENOENT') return { files: [], links: [] };
    throw error;
  }
  const files: DayFile[] = [];
  const links: string[] = [];
  // Dirent types are the entries' own (lstat), so a link named like a day file is never a "file" here.
  for (const entry of dirents.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const day = dayOfFileName(entry.name);
    if (!day) continue;
    if (!entry.isFile()) {
      links.push(entry.name);
      continue;
    }
    if (!accept(day)) continue;
    const path = join(dir, entry.name);
    const stat = lstatSync(path, { throwIfNoEntry: false });
    if (stat?.isFile()) files.push({ name: entry.name, day, path, size: stat.size, mtimeMs: stat.mtimeMs });
  }
  return { files, links };
};
