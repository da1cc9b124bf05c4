import { constants, existsSync } from 'node:fs';
import { type FileHandle, lstat, open, readlink, realpath } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { isInside } from '../table/category-table.js';

/**
 * A folder reached from its category root without following a symlink anywhere on the way.
 * On Linux each component is opened with O_NOFOLLOW through the previous one's descriptor
 * (/proc/self/fd/N/<name>, openat in effect), so a folder swapped for a symlink after the check
 * cannot redirect the delete: `via` names the opened folder itself, not a path resolved again.
 */
export interface VerifiedDir {
  /** Prefix for the files of this folder: `${via}/${name}`. */
  via: string;
  close(): Promise<void>;
}

const DIR_FLAGS = constants.O_RDONLY | constants.O_DIRECTORY | constants.O_NOFOLLOW;
const PROC_FD = process.platform === 'linux' && existsSync('/proc/self/fd');

/** Reasons a folder is refused, as reported in skipped counts. */
export const NOT_VERIFIED = 'a symlink, a non-folder or a path outside the root on the way';

async function openChain(root: string, parts: string[]): Promise<FileHandle | null> {
  const first = await open(root, DIR_FLAGS).catch(() => null);
  if (!first) return null;
  let handle: FileHandle = first;
  // The descriptor is what it is: its real path must still be the root.
  const opened = await readlink(`/proc/self/fd/${handle.fd}`).catch(() => null);
  if (opened !== root) {
    await handle.close();
    return null;
  }
  for (const part of parts) {
    const next: FileHandle | null = await open(`/proc/self/fd/${handle.fd}/${part}`, DIR_FLAGS).catch(() => null);
    await handle.close();
    if (!next) return null;
    handle = next;
  }
  return handle;
}

/** Without openat: every component lstat'ed from the root down, then the real path checked once more. */
async function checkChain(root: string, parts: string[], dir: string): Promise<boolean> {
  let at = root;
  for (const part of ['', ...parts]) {
    at = part ? join(at, part) : at;
    const stats = await lstat(at).catch(() => null);
    if (!stats || stats.isSymbolicLink() || !stats.isDirectory()) return false;
  }
  return (await realpath(dir).catch(() => null)) === dir;
}

export async function openVerified(root: string, dir: string): Promise<VerifiedDir | null> {
  if (!isInside(dir, root)) return null;
  const rest = relative(root, dir);
  const parts = rest ? rest.split(sep) : [];
  if (parts.some((part) => part === '..' || part === '.' || part === '')) return null;
  if (PROC_FD) {
    const handle = await openChain(root, parts);
    if (!handle) return null;
    return { via: `/proc/self/fd/${handle.fd}`, close: () => handle.close() };
  }
  return (await checkChain(root, parts, dir)) ? { via: dir, close: async () => undefined } : null;
}
