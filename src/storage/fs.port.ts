import * as fsp from 'node:fs/promises';

export const FS_PORT = Symbol('FS_PORT');

/** The filesystem calls storage code makes, so tests can inject one failing call. */
export interface FsPort {
  open: typeof fsp.open;
  rename: typeof fsp.rename;
  unlink: typeof fsp.unlink;
  readFile: typeof fsp.readFile;
  writeFile: typeof fsp.writeFile;
  appendFile: typeof fsp.appendFile;
  mkdir: typeof fsp.mkdir;
  readdir: typeof fsp.readdir;
  stat: typeof fsp.stat;
  lstat: typeof fsp.lstat;
  rmdir: typeof fsp.rmdir;
}

export const nodeFs: FsPort = {
  open: fsp.open,
  rename: fsp.rename,
  unlink: fsp.unlink,
  readFile: fsp.readFile,
  writeFile: fsp.writeFile,
  appendFile: fsp.appendFile,
  mkdir: fsp.mkdir,
  readdir: fsp.readdir,
  stat: fsp.stat,
  lstat: fsp.lstat,
  rmdir: fsp.rmdir,
};

export function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}
