import { readFile, stat } from 'node:fs/promises';

// apt (like most Unix tools) takes fcntl record locks, which Node cannot query directly; on Linux
// /proc/locks lists every held lock by device and inode, so "is apt holding its lock?" is a text search.

/** Linux's split of st_dev into major and minor (glibc's gnu_dev_major / gnu_dev_minor). */
export function devParts(dev: bigint): { major: bigint; minor: bigint } {
  const major = ((dev >> 8n) & 0xfffn) | ((dev >> 32n) & ~0xfffn);
  const minor = (dev & 0xffn) | ((dev >> 12n) & ~0xffn);
  return { major, minor };
}

/** Whether /proc/locks text lists a held lock (not a waiter) on this device and inode. */
export function locksListFile(procLocks: string, dev: bigint, ino: bigint): boolean {
  const { major, minor } = devParts(dev);
  for (const line of procLocks.split('\n')) {
    if (line.includes('->')) continue; // a process waiting for the lock, not holding it
    const id = /\s([0-9a-f]+):([0-9a-f]+):(\d+)\s/i.exec(line);
    if (id && BigInt(`0x${id[1]}`) === major && BigInt(`0x${id[2]}`) === minor && BigInt(id[3]) === ino) return true;
  }
  return false;
}

/** True when another process holds a lock on `file` (Linux); false when the file is missing or locks cannot be listed. */
export async function lockHeld(file: string, readLocks: () => Promise<string> = () => readFile('/proc/locks', 'utf8')): Promise<boolean> {
  let info;
  try {
    info = await stat(file, { bigint: true });
  } catch {
    return false;
  }
  const text = await readLocks().catch(() => '');
  return locksListFile(text, info.dev, info.ino);
}
