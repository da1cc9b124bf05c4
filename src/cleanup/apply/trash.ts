import { constants, type BigIntStats } from 'node:fs';
import { lstat, mkdir, open, rename, unlink } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { trashInfo, trashName } from './trash-info.js';

/** Where files of one device go when "recycled". */
export interface TrashTarget {
  /** The trash folder (XDG: holds files/ and info/; macOS: ~/.Trash itself). */
  dir: string;
  kind: 'xdg' | 'mac';
  /** XDG $topdir trash: .trashinfo paths are relative to this folder. */
  topdir?: string;
}

const MAX_NAMES = 1000;
const STICKY = 0o1000;

async function realDir(path: string): Promise<BigIntStats | null> {
  const stats = await lstat(path, { bigint: true }).catch(() => null);
  return stats && stats.isDirectory() && !stats.isSymbolicLink() ? stats : null;
}

/** mkdir (0700) then insist on a real folder: a symlink planted as the trash is refused, never followed. */
async function ensureDir(path: string, parents = false): Promise<BigIntStats | null> {
  await mkdir(path, { mode: 0o700, recursive: parents }).catch(() => undefined);
  return realDir(path);
}

/** Without creating anything: the folder exists for real, or could be made (its nearest existing ancestor is a real folder). */
async function creatable(path: string): Promise<boolean> {
  for (let at = path; ; at = dirname(at)) {
    const stats = await lstat(at).catch(() => null);
    if (stats) return stats.isDirectory() && !stats.isSymbolicLink();
    if (dirname(at) === at) return false;
  }
}

/** The device of `path`, or of its nearest existing ancestor (the trash may not exist yet). */
async function deviceOf(path: string): Promise<bigint | null> {
  for (let at = path; ; at = dirname(at)) {
    const stats = await lstat(at, { bigint: true }).catch(() => null);
    if (stats) return stats.dev;
    if (dirname(at) === at) return null;
  }
}

/** The mount's top folder: the highest ancestor of `path` on the same device. */
async function topdirOf(path: string, dev: bigint): Promise<string> {
  let top = path;
  while (dirname(top) !== top) {
    const parent = await lstat(dirname(top), { bigint: true }).catch(() => null);
    if (!parent || parent.dev !== dev) break;
    top = dirname(top);
  }
  return top;
}

export class Trashes {
  constructor(
    private readonly platform: NodeJS.Platform,
    private readonly homeTrash: string,
    private readonly uid: number,
  ) {}

  /** Whether the home trash could take files (for GET /cleanup/categories; creates nothing). */
  async homeTrashUsable(): Promise<boolean> {
    if (this.platform === 'win32') return false;
    if (this.platform === 'darwin') return (await realDir(this.homeTrash)) !== null;
    const parts = [this.homeTrash, join(this.homeTrash, 'files'), join(this.homeTrash, 'info')];
    for (const part of parts) if (!(await creatable(part))) return false;
    return true;
  }

  /** The trash that takes files of `sample` (a real folder path) by a rename, or why there is none. */
  async targetFor(sample: string): Promise<TrashTarget | string> {
    const dev = (await lstat(sample, { bigint: true })).dev;
    if (this.platform === 'darwin') return this.macTrash(dev);
    if (this.platform === 'win32') return 'moving files to the Windows Recycle Bin is not supported by this engine yet';
    return this.xdgTrash(sample, dev);
  }

  private async macTrash(dev: bigint): Promise<TrashTarget | string> {
    const stats = await realDir(this.homeTrash);
    if (!stats) return `${this.homeTrash} is not a folder`;
    if (stats.dev !== dev) return `${this.homeTrash} is on another disk`;
    return { dir: this.homeTrash, kind: 'mac' };
  }

  private async xdgTrash(sample: string, dev: bigint): Promise<TrashTarget | string> {
    if ((await deviceOf(this.homeTrash)) === dev) {
      const ok = (await ensureDir(this.homeTrash, true)) && (await ensureDir(join(this.homeTrash, 'files'))) && (await ensureDir(join(this.homeTrash, 'info')));
      return ok ? { dir: this.homeTrash, kind: 'xdg' } : `the home trash ${this.homeTrash} cannot be used (missing, not a folder, or a symlink)`;
    }
    const topdir = await topdirOf(sample, dev);
    const shared = join(topdir, '.Trash');
    const sharedStats = await realDir(shared);
    // The spec's $topdir/.Trash must have the sticky bit; otherwise it is ignored.
    const candidates = sharedStats && (Number(sharedStats.mode) & STICKY) !== 0 ? [join(shared, String(this.uid))] : [];
    candidates.push(join(topdir, `.Trash-${this.uid}`));
    for (const dir of candidates) {
      const stats = await ensureDir(dir);
      if (stats && Number(stats.uid) === this.uid && (await ensureDir(join(dir, 'files'))) && (await ensureDir(join(dir, 'info')))) {
        return { dir, kind: 'xdg', topdir };
      }
    }
    return `no trash on the disk of ${sample} (the home trash is on another disk, and ${candidates.join(' / ')} cannot be used)`;
  }

  /** Moves `from` (a path to the verified file) into the trash as `original`; returns where it went. */
  async move(from: string, original: string, target: TrashTarget, now: Date): Promise<string> {
    for (let n = 1; n <= MAX_NAMES; n++) {
      const name = target.kind === 'mac' && n > 1 ? `${trashName(original, 1)} ${n}` : trashName(original, n);
      const dest = target.kind === 'xdg' ? join(target.dir, 'files', name) : join(target.dir, name);
      if (await lstat(dest).catch(() => null)) continue;
      if (target.kind === 'mac') {
        await rename(from, dest);
        return dest;
      }
      const info = join(target.dir, 'info', `${name}.trashinfo`);
      // O_EXCL claims the name: two movers never share one .trashinfo.
      const handle = await open(info, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600).catch(
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'EEXIST') return null;
          throw error;
        },
      );
      if (!handle) continue;
      try {
        await handle.writeFile(trashInfo(target.topdir ? relative(target.topdir, original) : original, now));
      } finally {
        await handle.close();
      }
      try {
        await rename(from, dest);
      } catch (error) {
        await unlink(info).catch(() => undefined);
        throw error;
      }
      return dest;
    }
    throw new Error(`no free name in the trash for ${original}`);
  }
}
