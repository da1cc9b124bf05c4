import { constants } from 'node:fs';
import { errorCode, type FsPort } from './fs.port.js';

// O_NOFOLLOW makes open() fail with ELOOP when the last path component is a symbolic link, so a link
// planted between a check and the open is still never written or read through. Windows has no
// O_NOFOLLOW (0 there): the lstat checks of the callers stand in for it.
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;

/** open() flags: read, refusing a symbolic link. */
export const READ_NOFOLLOW = constants.O_RDONLY | NOFOLLOW;
/** open() flags: append (creating the file), refusing a symbolic link. */
export const APPEND_NOFOLLOW = constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | NOFOLLOW;

/** Whether `path` itself is a symbolic link (or a Windows junction); false when it does not exist. */
export async function isSymlink(fs: Pick<FsPort, 'lstat'>, path: string): Promise<boolean> {
  try {
    return (await fs.lstat(path)).isSymbolicLink();
  } catch (error) {
    if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') return false;
    throw error;
  }
}

/** The error a write through a link gets: the caller reports it, and nothing was written. */
export class SymlinkRefusedError extends Error {
  constructor(readonly path: string) {
    super(`${path} is a symbolic link; the engine never writes, reads or deletes through a link`);
    this.name = 'SymlinkRefusedError';
  }
}
